//! Hidden-layer activations g(z) beside their derivatives g'(z), as the course writes them.

use crate::fastmath;
use serde::{Deserialize, Serialize};

/// The non-linearity of every hidden neuron.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Activation {
    #[default]
    Tanh,
    Sigmoid,
    Relu,
    Linear,
}

impl Activation {
    pub const ALL: [Activation; 4] = [Self::Tanh, Self::Sigmoid, Self::Relu, Self::Linear];

    pub fn name(self) -> &'static str {
        match self {
            Self::Tanh => "tanh",
            Self::Sigmoid => "sigmoid",
            Self::Relu => "relu",
            Self::Linear => "linear",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// A = g(Z), element by element.
    pub fn forward(self, z: &[f64], a: &mut [f64]) {
        match self {
            Self::Tanh => a
                .iter_mut()
                .zip(z)
                .for_each(|(a, &z)| *a = fastmath::tanh(z)),
            Self::Sigmoid => a.iter_mut().zip(z).for_each(|(a, &z)| *a = sigmoid(z)),
            Self::Relu => a.iter_mut().zip(z).for_each(|(a, &z)| *a = z.max(0.0)),
            Self::Linear => a.copy_from_slice(z),
        }
    }

    /// dZ = dA ⊙ g'(Z), in place on `da`; g' is written from A where that is cheaper.
    pub fn backward(self, z: &[f64], a: &[f64], da: &mut [f64]) {
        match self {
            Self::Tanh => da.iter_mut().zip(a).for_each(|(d, &a)| *d *= 1.0 - a * a),
            Self::Sigmoid => da.iter_mut().zip(a).for_each(|(d, &a)| *d *= a * (1.0 - a)),
            Self::Relu => da.iter_mut().zip(z).for_each(|(d, &z)| {
                if z <= 0.0 {
                    *d = 0.0;
                }
            }),
            Self::Linear => {}
        }
    }
}

/// σ(z) = 1 / (1 + e^(−z)), written so that e^x never overflows (and without a branch, so
/// that loops over a batch vectorise).
pub fn sigmoid(z: f64) -> f64 {
    let e = fastmath::exp(-z.abs());
    let numerator = if z >= 0.0 { 1.0 } else { e };
    numerator / (1.0 + e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sigmoid_is_finite_and_symmetric_at_the_extremes() {
        assert_eq!(sigmoid(1000.0), 1.0);
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert!((sigmoid(0.3) + sigmoid(-0.3) - 1.0).abs() < 1e-15);
    }

    #[test]
    fn names_round_trip() {
        for a in Activation::ALL {
            assert_eq!(Activation::from_name(a.name()), Some(a));
        }
        assert_eq!(Activation::from_name("gelu"), None);
    }
}
