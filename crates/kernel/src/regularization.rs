//! L1 and L2 penalties on the weights (never the biases), scaled by 1/m as in the course:
//! L2 adds λ/(2m)·Σw² to the cost and λ/m·w to dW; L1 adds λ/m·Σ|w| and λ/m·sign(w).

use crate::network::Network;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "rate", rename_all = "lowercase")]
pub enum Regularization {
    #[default]
    None,
    L1(f64),
    L2(f64),
}

impl Regularization {
    /// The term added to the mean loss of a batch of m examples.
    pub fn penalty(self, net: &Network, m: usize) -> f64 {
        let weights = || (0..net.layer_count()).flat_map(|l| &net.params()[net.weight_range(l)]);
        match self {
            Self::None => 0.0,
            Self::L1(rate) => rate / m as f64 * weights().map(|w| w.abs()).sum::<f64>(),
            Self::L2(rate) => rate / (2.0 * m as f64) * weights().map(|w| w * w).sum::<f64>(),
        }
    }

    /// Adds the penalty's gradient to `grads` (the layout of the network's parameters).
    pub fn add_gradient(self, net: &Network, m: usize, grads: &mut [f64]) {
        let (rate, l1) = match self {
            Self::None => return,
            Self::L1(rate) => (rate, true),
            Self::L2(rate) => (rate, false),
        };
        let k = rate / m as f64;
        for l in 0..net.layer_count() {
            let range = net.weight_range(l);
            for (g, &w) in grads[range.clone()].iter_mut().zip(&net.params()[range]) {
                *g += if l1 { k * sign(w) } else { k * w };
            }
        }
    }
}

fn sign(w: f64) -> f64 {
    if w > 0.0 {
        1.0
    } else if w < 0.0 {
        -1.0
    } else {
        0.0
    }
}
