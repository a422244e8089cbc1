//! Parameter updates from gradients, in the course's forms.

use serde::{Deserialize, Serialize};

/// Serialised by name; each name stands for the course's default constants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Optimizer {
    /// θ ← θ − α·dθ
    #[default]
    Gd,
    /// v ← β·v + (1 − β)·dθ;  θ ← θ − α·v
    Momentum { beta: f64 },
    /// v ← β1·v + (1 − β1)·dθ;  s ← β2·s + (1 − β2)·dθ²;
    /// θ ← θ − α·v̂ / (√ŝ + ε) with the bias corrections v̂ = v/(1 − β1ᵗ), ŝ = s/(1 − β2ᵗ).
    Adam {
        beta1: f64,
        beta2: f64,
        epsilon: f64,
    },
}

impl Optimizer {
    pub const MOMENTUM: Self = Self::Momentum { beta: 0.9 };
    /// Every optimizer, with the course's constants.
    pub const ALL: [Self; 3] = [Self::Gd, Self::MOMENTUM, Self::ADAM];
    pub const ADAM: Self = Self::Adam {
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-8,
    };

    pub fn name(self) -> &'static str {
        match self {
            Self::Gd => "gd",
            Self::Momentum { .. } => "momentum",
            Self::Adam { .. } => "adam",
        }
    }

    /// The optimizer of that name with the course's default constants.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.name() == name)
    }
}

impl TryFrom<String> for Optimizer {
    type Error = String;
    fn try_from(name: String) -> Result<Self, String> {
        Self::from_name(&name).ok_or_else(|| format!("unknown optimizer '{name}'"))
    }
}

impl From<Optimizer> for String {
    fn from(o: Optimizer) -> String {
        o.name().to_string()
    }
}

/// What an optimizer remembers between updates, in the layout of the parameters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OptimizerState {
    velocity: Vec<f64>,
    squares: Vec<f64>,
    /// β1ᵗ and β2ᵗ, kept as running products so that every platform computes the same bits.
    beta1_power: f64,
    beta2_power: f64,
}

impl OptimizerState {
    /// Memory only for what `optimizer` remembers: none for plain gradient descent.
    pub fn new(optimizer: Optimizer, n_params: usize) -> Self {
        let (velocity, squares) = match optimizer {
            Optimizer::Gd => (0, 0),
            Optimizer::Momentum { .. } => (n_params, 0),
            Optimizer::Adam { .. } => (n_params, n_params),
        };
        Self {
            velocity: vec![0.0; velocity],
            squares: vec![0.0; squares],
            beta1_power: 1.0,
            beta2_power: 1.0,
        }
    }

    /// One update of `params` with learning rate α.
    pub fn apply(&mut self, optimizer: Optimizer, alpha: f64, params: &mut [f64], grads: &[f64]) {
        match optimizer {
            Optimizer::Gd => {
                for (p, &g) in params.iter_mut().zip(grads) {
                    *p -= alpha * g;
                }
            }
            Optimizer::Momentum { beta } => {
                for ((p, v), &g) in params.iter_mut().zip(&mut self.velocity).zip(grads) {
                    *v = beta * *v + (1.0 - beta) * g;
                    *p -= alpha * *v;
                }
            }
            Optimizer::Adam {
                beta1,
                beta2,
                epsilon,
            } => {
                self.beta1_power *= beta1;
                self.beta2_power *= beta2;
                let (c1, c2) = (1.0 - self.beta1_power, 1.0 - self.beta2_power);
                for (((p, v), s), &g) in params
                    .iter_mut()
                    .zip(&mut self.velocity)
                    .zip(&mut self.squares)
                    .zip(grads)
                {
                    *v = beta1 * *v + (1.0 - beta1) * g;
                    *s = beta2 * *s + (1.0 - beta2) * g * g;
                    *p -= alpha * (*v / c1) / ((*s / c2).sqrt() + epsilon);
                }
            }
        }
    }

    /// What is remembered: the velocities, the squares, β1ᵗ and β2ᵗ.
    pub fn parts(&self) -> (&[f64], &[f64], f64, f64) {
        (
            &self.velocity,
            &self.squares,
            self.beta1_power,
            self.beta2_power,
        )
    }

    /// The state `parts` describe, checked against what `optimizer` remembers for
    /// `n_params` parameters; errors name the part.
    pub fn from_parts(
        optimizer: Optimizer,
        n_params: usize,
        (velocity, squares, beta1_power, beta2_power): (Vec<f64>, Vec<f64>, f64, f64),
    ) -> Result<Self, String> {
        let expected = Self::new(optimizer, n_params);
        for (name, got, want) in [
            ("velocity", velocity.len(), expected.velocity.len()),
            ("squares", squares.len(), expected.squares.len()),
        ] {
            if got != want {
                return Err(format!(
                    "{name}: expected {want} numbers for this optimizer and network, got {got}"
                ));
            }
        }
        Ok(Self {
            velocity,
            squares,
            beta1_power,
            beta2_power,
        })
    }

    /// Memory held by the remembered values, in bytes.
    pub fn heap_bytes(&self) -> usize {
        (self.velocity.capacity() + self.squares.capacity()) * size_of::<f64>()
    }

    /// Whether every remembered value is finite.
    pub fn is_finite(&self) -> bool {
        self.velocity
            .iter()
            .chain(&self.squares)
            .all(|v| v.is_finite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adam_first_step_moves_each_parameter_by_alpha() {
        // With bias correction, v̂ = g and ŝ = g² after one step, so |Δθ| = α·|g|/(|g| + ε).
        let mut state = OptimizerState::new(Optimizer::ADAM, 2);
        let mut params = [1.0, -1.0];
        state.apply(Optimizer::ADAM, 0.1, &mut params, &[0.5, -2.0]);
        assert!((params[0] - 0.9).abs() < 1e-7);
        assert!((params[1] + 0.9).abs() < 1e-7);
    }

    #[test]
    fn momentum_averages_the_gradients() {
        let mut state = OptimizerState::new(Optimizer::MOMENTUM, 1);
        let mut params = [0.0];
        state.apply(Optimizer::MOMENTUM, 1.0, &mut params, &[1.0]);
        state.apply(Optimizer::MOMENTUM, 1.0, &mut params, &[1.0]);
        // v1 = 0.1, v2 = 0.19
        assert!((params[0] + 0.29).abs() < 1e-15);
    }
}
