//! The output layer and its loss, paired so that dZ_L = (A_L − Y) / m for all three.
//!
//! Columns are examples: `z` holds one row per output neuron, one column per example.

use crate::activation::sigmoid;
use crate::fastmath;
use serde::{Deserialize, Serialize};

/// What the network predicts, which fixes the output activation and the loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Task {
    /// Labels 0 and 1; one sigmoid output, log loss (the course's).
    Binary,
    /// Labels 0..classes; softmax outputs, cross-entropy.
    Classes { classes: usize },
    /// Real-valued target; one linear output, squared error ½(a − y)².
    Regression,
}

/// The largest class count a classification task may have.
pub const MAX_CLASSES: usize = 8;

impl Task {
    /// Binary for two classes, softmax above.
    pub fn classification(classes: usize) -> Self {
        if classes <= 2 {
            Self::Binary
        } else {
            Self::Classes { classes }
        }
    }

    pub fn output_size(self) -> usize {
        match self {
            Self::Binary | Self::Regression => 1,
            Self::Classes { classes } => classes,
        }
    }

    /// The number of classes, or `None` for regression.
    pub fn class_count(self) -> Option<usize> {
        match self {
            Self::Binary => Some(2),
            Self::Classes { classes } => Some(classes),
            Self::Regression => None,
        }
    }

    /// Whether `label` is a target this task can learn.
    pub fn accepts(self, label: f64) -> bool {
        match self.class_count() {
            Some(k) => label.fract() == 0.0 && label >= 0.0 && label < k as f64,
            None => label.is_finite(),
        }
    }

    /// A_L from Z_L (both `n_out × m`).
    pub fn activate(self, z: &[f64], a: &mut [f64], m: usize) {
        match self {
            Self::Binary => a.iter_mut().zip(z).for_each(|(a, &z)| *a = sigmoid(z)),
            Self::Regression => a.copy_from_slice(z),
            Self::Classes { classes } => {
                for j in 0..m {
                    let max = (0..classes).map(|c| z[c * m + j]).fold(f64::MIN, f64::max);
                    let mut sum = 0.0;
                    for c in 0..classes {
                        let e = fastmath::exp(z[c * m + j] - max);
                        a[c * m + j] = e;
                        sum += e;
                    }
                    for c in 0..classes {
                        a[c * m + j] /= sum;
                    }
                }
            }
        }
    }

    /// The summed loss over the m examples, in a form that never takes log(0).
    pub fn total_loss(self, z: &[f64], a: &[f64], y: &[f64], m: usize) -> f64 {
        match self {
            // −[y log σ(z) + (1−y) log(1−σ(z))] = max(z,0) − z·y + log(1 + e^(−|z|))
            Self::Binary => z
                .iter()
                .zip(y)
                .map(|(&z, &y)| z.max(0.0) - z * y + libm::log1p(fastmath::exp(-z.abs())))
                .sum(),
            Self::Regression => a
                .iter()
                .zip(y)
                .map(|(&a, &y)| 0.5 * (a - y) * (a - y))
                .sum(),
            // −log softmax(z)_y = logsumexp(z) − z_y
            Self::Classes { classes } => (0..m)
                .map(|j| {
                    let max = (0..classes).map(|c| z[c * m + j]).fold(f64::MIN, f64::max);
                    let sum: f64 = (0..classes)
                        .map(|c| fastmath::exp(z[c * m + j] - max))
                        .sum();
                    max + libm::log(sum) - z[y[j] as usize * m + j]
                })
                .sum(),
        }
    }

    /// dZ_L = (A_L − Y) / m.
    pub fn output_gradient(self, a: &[f64], y: &[f64], m: usize, dz: &mut [f64]) {
        let inv_m = 1.0 / m as f64;
        match self {
            Self::Binary | Self::Regression => {
                for ((d, &a), &y) in dz.iter_mut().zip(a).zip(y) {
                    *d = (a - y) * inv_m;
                }
            }
            Self::Classes { classes } => {
                for c in 0..classes {
                    for j in 0..m {
                        let target = if y[j] as usize == c { 1.0 } else { 0.0 };
                        dz[c * m + j] = (a[c * m + j] - target) * inv_m;
                    }
                }
            }
        }
    }

    /// The number of examples predicted right (classification) or the summed squared error
    /// (regression), so that batches can be added up.
    pub fn score_sum(self, a: &[f64], y: &[f64], m: usize) -> f64 {
        match self {
            Self::Binary => a
                .iter()
                .zip(y)
                .filter(|(&a, &y)| (a > 0.5) == (y > 0.5))
                .count() as f64,
            Self::Regression => a.iter().zip(y).map(|(&a, &y)| (a - y) * (a - y)).sum(),
            Self::Classes { classes } => (0..m)
                .filter(|&j| {
                    let best = (0..classes)
                        .max_by(|&p, &q| a[p * m + j].total_cmp(&a[q * m + j]))
                        .unwrap_or(0);
                    best == y[j] as usize
                })
                .count() as f64,
        }
    }

    /// Accuracy for classification, RMSE for regression, from a summed score over n examples.
    pub fn finish_score(self, score_sum: f64, n: usize) -> f64 {
        if n == 0 {
            return f64::NAN;
        }
        match self {
            Self::Regression => libm::sqrt(score_sum / n as f64),
            _ => score_sum / n as f64,
        }
    }

    /// What `finish_score` reports, as a column name.
    pub fn score_name(self) -> &'static str {
        match self {
            Self::Regression => "rmse",
            _ => "accuracy",
        }
    }
}
