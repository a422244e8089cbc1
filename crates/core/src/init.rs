//! Initial weights. `Course` is the course's `initialize_parameters`: W = randn(n_out, n_in)·0.01
//! and b = 0, drawn layer by layer from numpy's RandomState.

use crate::network::Network;
use crate::rng::RandomState;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Initializer {
    /// N(0, 1)·0.01, zero biases.
    #[default]
    Course,
    /// Glorot normal: N(0, 2 / (n_in + n_out)), zero biases.
    Xavier,
    /// He normal: N(0, 2 / n_in), zero biases.
    He,
}

impl Initializer {
    pub const ALL: [Initializer; 3] = [Self::Course, Self::Xavier, Self::He];

    pub fn name(self) -> &'static str {
        match self {
            Self::Course => "course",
            Self::Xavier => "xavier",
            Self::He => "he",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.name() == name)
    }

    fn scale(self, n_in: usize, n_out: usize) -> f64 {
        match self {
            Self::Course => 0.01,
            Self::Xavier => libm::sqrt(2.0 / (n_in + n_out) as f64),
            Self::He => libm::sqrt(2.0 / n_in as f64),
        }
    }

    /// Overwrites every parameter of `net`, first layer first, each W row by row.
    pub fn initialize(self, net: &mut Network, rng: &mut RandomState) {
        for l in 0..net.layer_count() {
            let (n_in, n_out) = (net.sizes()[l], net.sizes()[l + 1]);
            let scale = self.scale(n_in, n_out);
            let (weights, biases) = net.layer_mut(l);
            weights.iter_mut().for_each(|w| *w = rng.randn() * scale);
            biases.fill(0.0);
        }
    }
}
