//! The small facts the page shows each frame.

use neuranim_core::{Record, Trainer, WeightsFile};
use serde::Serialize;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub iteration: u64,
    pub epoch: u64,
    /// "accuracy", or "rmse" for regression.
    pub score_name: &'static str,
    pub train_cost: Option<f64>,
    pub train_score: Option<f64>,
    pub test_cost: Option<f64>,
    pub test_score: Option<f64>,
    /// [n_x, n_1, …, n_L].
    pub sizes: Vec<usize>,
    pub layers: Vec<neuranim_core::weights::LayerWeights>,
    /// Why training stopped, if it diverged.
    pub diverged: Option<String>,
    /// The live run's iteration: `iteration` is behind it while a past one is shown.
    pub live_iteration: u64,
    /// The earliest iteration the time machine can show.
    pub first_iteration: u64,
}

impl Snapshot {
    /// Of `trainer` at its iteration, whose metrics are `record`.
    pub fn of(
        trainer: &Trainer,
        record: Option<Record>,
        [first_iteration, live_iteration]: [u64; 2],
    ) -> Self {
        let net = trainer.network();
        Self {
            iteration: trainer.iteration(),
            epoch: trainer.epochs(),
            score_name: net.task().score_name(),
            train_cost: record.map(|r| r.train.cost),
            train_score: record.map(|r| r.train.score),
            test_cost: record.and_then(|r| r.test.map(|t| t.cost)),
            test_score: record.and_then(|r| r.test.map(|t| t.score)),
            sizes: net.sizes().to_vec(),
            layers: WeightsFile::of(net).layers,
            diverged: trainer.divergence().map(|d| d.to_string()),
            live_iteration,
            first_iteration,
        }
    }
}
