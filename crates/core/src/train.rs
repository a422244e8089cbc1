//! Training: one `step` is one update, as in the course's loop
//! (forward → cost → backward → update), on the full batch or on seeded mini-batches.

use crate::dataset::Dataset;
use crate::features::{self, Feature};
use crate::history::{History, Metrics, Record};
use crate::network::{Cache, Network};
use crate::optimizer::{Optimizer, OptimizerState};
use crate::regularization::Regularization;
use crate::rng::RandomState;
use std::fmt;

mod next_update;
mod state;

pub use next_update::{NextUpdate, StepPhases};
pub(crate) use state::Shuffle;
pub use state::TrainerState;

/// How the network learns, apart from its shape and data.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainConfig {
    pub learning_rate: f64,
    /// Examples per update; `None` (or a size ≥ the training set) is the full batch.
    pub batch_size: Option<usize>,
    pub optimizer: Optimizer,
    pub regularization: Regularization,
    /// Seeds the order of the mini-batches.
    pub shuffle_seed: u32,
}

/// What became non-finite.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DivergenceCause {
    Cost,
    Gradient,
    Weights,
}

/// Training stopped because a number stopped being finite; the network keeps the last
/// finite weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Divergence {
    pub iteration: u64,
    pub cause: DivergenceCause,
}

impl fmt::Display for DivergenceCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DivergenceCause::Cost => "the cost",
            DivergenceCause::Gradient => "a gradient",
            DivergenceCause::Weights => "a weight",
        })
    }
}

impl fmt::Display for Divergence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = self.cause;
        write!(
            f,
            "training diverged at iteration {}: {what} became infinite or NaN. \
             The last finite weights are kept; try a smaller learning rate.",
            self.iteration
        )
    }
}

impl std::error::Error for Divergence {}

/// Column-major inputs and targets of one data set.
#[derive(Clone, Debug, Default)]
struct Columns {
    x: Vec<f64>,
    y: Vec<f64>,
    m: usize,
}

impl Columns {
    fn of(data: &Dataset, features: &[Feature]) -> Self {
        Self {
            x: features::input_matrix(features, &data.points),
            y: data.labels.clone(),
            m: data.len(),
        }
    }
}

#[derive(Debug)]
pub struct Trainer {
    network: Network,
    config: TrainConfig,
    train: Columns,
    test: Columns,
    state: OptimizerState,
    grads: Vec<f64>,
    saved_params: Vec<f64>,
    saved_state: OptimizerState,
    cache: Cache,
    eval_cache: Cache,
    order: Vec<usize>,
    cursor: usize,
    order_rng: RandomState,
    batch: Columns,
    iteration: u64,
    epochs: u64,
    diverged: Option<Divergence>,
    history: History,
    /// Off in a replayer, which only recomputes weights.
    recording: bool,
}

impl Trainer {
    /// Starts training `network` on `train`; `test` may be empty.
    pub fn new(network: Network, config: TrainConfig, train: &Dataset, test: &Dataset) -> Self {
        let n = network.params().len();
        let train = Columns::of(train, network.features());
        Self {
            state: OptimizerState::new(config.optimizer, n),
            saved_state: OptimizerState::new(config.optimizer, n),
            grads: vec![0.0; n],
            saved_params: vec![0.0; n],
            order: (0..train.m).collect(),
            order_rng: RandomState::new(config.shuffle_seed),
            train,
            test: Columns::of(test, network.features()),
            network,
            config,
            cache: Cache::default(),
            eval_cache: Cache::default(),
            cursor: 0,
            batch: Columns::default(),
            iteration: 0,
            epochs: 0,
            diverged: None,
            history: History::default(),
            recording: true,
        }
    }

    pub fn network(&self) -> &Network {
        &self.network
    }

    pub fn config(&self) -> &TrainConfig {
        &self.config
    }

    /// Updates done so far.
    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    /// Whole passes over the training set done so far.
    pub fn epochs(&self) -> u64 {
        self.epochs
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn divergence(&self) -> Option<Divergence> {
        self.diverged
    }

    /// The rate of the next update.
    pub fn learning_rate(&self) -> f64 {
        self.config.learning_rate
    }

    /// Takes effect at the next update, without resetting anything.
    pub fn set_learning_rate(&mut self, learning_rate: f64) {
        self.config.learning_rate = learning_rate;
        self.diverged = None;
    }

    /// Examples one update computes on.
    pub fn examples_per_update(&self) -> usize {
        self.config
            .batch_size
            .map_or(self.train.m, |b| b.min(self.train.m))
    }

    fn is_full_batch(&self) -> bool {
        self.config.batch_size.is_none_or(|b| b >= self.train.m)
    }

    /// One update. On the full batch, the forward pass also records the metrics of the
    /// parameters before the update, as the course's loop prints them.
    pub fn step(&mut self) -> Result<(), Divergence> {
        if let Some(d) = self.diverged {
            return Err(d);
        }
        let full = self.is_full_batch();
        if !full {
            self.next_batch();
        }
        let data = if full { &self.train } else { &self.batch };
        let net = &self.network;
        net.forward(&data.x, data.m, &mut self.cache);
        let reg = self.config.regularization;
        let cost = net.mean_loss(&data.y, &self.cache) + reg.penalty(net, data.m);
        if !cost.is_finite() {
            return Err(self.diverge(DivergenceCause::Cost));
        }
        if full && self.recording && self.history.last_iteration() != Some(self.iteration) {
            let task = net.task();
            let score = task.score_sum(self.cache.output(), &data.y, data.m);
            let train = Metrics {
                cost,
                score: task.finish_score(score, data.m),
            };
            let test = self.evaluate_test()?;
            self.history.push(Record {
                iteration: self.iteration,
                train,
                test,
            });
        }
        let data = if full { &self.train } else { &self.batch };
        let net = &self.network;
        net.backward(&data.x, &data.y, &mut self.cache, &mut self.grads);
        reg.add_gradient(net, data.m, &mut self.grads);
        if !self.grads.iter().all(|g| g.is_finite()) {
            return Err(self.diverge(DivergenceCause::Gradient));
        }
        self.saved_params.copy_from_slice(self.network.params());
        self.saved_state.clone_from(&self.state);
        self.state.apply(
            self.config.optimizer,
            self.config.learning_rate,
            self.network.params_mut(),
            &self.grads,
        );
        if !self.network.params().iter().all(|p| p.is_finite()) || !self.state.is_finite() {
            self.network
                .params_mut()
                .copy_from_slice(&self.saved_params);
            std::mem::swap(&mut self.state, &mut self.saved_state);
            return Err(self.diverge_at(self.iteration + 1, DivergenceCause::Weights));
        }
        self.iteration += 1;
        if full {
            self.epochs += 1;
        }
        Ok(())
    }

    fn diverge(&mut self, cause: DivergenceCause) -> Divergence {
        self.diverge_at(self.iteration, cause)
    }

    /// Stops training; `iteration` is the one whose cost, gradient or update failed.
    fn diverge_at(&mut self, iteration: u64, cause: DivergenceCause) -> Divergence {
        let d = Divergence { iteration, cause };
        self.diverged = Some(d);
        d
    }

    /// Gathers the next mini-batch, reshuffling at the start of every epoch.
    fn next_batch(&mut self) {
        let size = self.config.batch_size.unwrap_or(self.train.m).max(1);
        if self.cursor == 0 {
            self.order_rng.shuffle(&mut self.order);
        }
        let end = (self.cursor + size).min(self.train.m);
        let picked = &self.order[self.cursor..end];
        let (m, n_x) = (picked.len(), self.network.sizes()[0]);
        self.batch.m = m;
        self.batch.x.resize(n_x * m, 0.0);
        self.batch.y.clear();
        for (j, &i) in picked.iter().enumerate() {
            for f in 0..n_x {
                self.batch.x[f * m + j] = self.train.x[f * self.train.m + i];
            }
            self.batch.y.push(self.train.y[i]);
        }
        self.cursor = end;
        if self.cursor == self.train.m {
            self.cursor = 0;
            self.epochs += 1;
        }
    }

    /// Records the metrics of the current parameters unless already recorded.
    pub fn record(&mut self) -> Result<Record, Divergence> {
        if let Some(last) = self
            .history
            .last()
            .filter(|r| r.iteration == self.iteration)
        {
            return Ok(last);
        }
        let record = self.measure()?;
        self.history.push(record);
        Ok(record)
    }

    /// The metrics of the current parameters on the training and test sets, not recorded.
    pub fn measure(&mut self) -> Result<Record, Divergence> {
        let train = evaluate(
            &self.network,
            self.config.regularization,
            &self.train,
            &mut self.eval_cache,
        );
        let train = train.ok_or_else(|| self.diverge(DivergenceCause::Cost))?;
        let test = self.evaluate_test()?;
        Ok(Record {
            iteration: self.iteration,
            train,
            test,
        })
    }

    fn evaluate_test(&mut self) -> Result<Option<Metrics>, Divergence> {
        if self.test.m == 0 {
            return Ok(None);
        }
        let reg = self.config.regularization;
        match evaluate(&self.network, reg, &self.test, &mut self.eval_cache) {
            Some(m) => Ok(Some(m)),
            None => Err(self.diverge(DivergenceCause::Cost)),
        }
    }

    /// Replaces the history (a run read from a file).
    pub fn replace_history(&mut self, history: History) {
        self.history = history;
    }

    /// Drops the records of iterations after `iteration`.
    pub fn forget_after(&mut self, iteration: u64) {
        let keep = self.history.index_of_iteration(iteration.saturating_add(1));
        self.history.truncate(keep);
    }

    /// Replaces every parameter (a hand edit); training goes on from there.
    pub fn set_params(&mut self, params: &[f64]) -> Result<(), String> {
        if params.len() != self.network.params().len() {
            return Err(format!(
                "expected {} parameters, got {}",
                self.network.params().len(),
                params.len()
            ));
        }
        if let Some(i) = params.iter().position(|p| !p.is_finite()) {
            return Err(format!("parameter {i} is not finite"));
        }
        self.network.params_mut().copy_from_slice(params);
        self.diverged = None;
        // What was recorded for this iteration measured the old parameters.
        if self.history.last_iteration() == Some(self.iteration) {
            self.history.truncate(self.history.len() - 1);
        }
        Ok(())
    }
}

/// Cost and score of `net` on a whole data set, or `None` if the cost is not finite.
fn evaluate(
    net: &Network,
    reg: Regularization,
    data: &Columns,
    cache: &mut Cache,
) -> Option<Metrics> {
    net.forward(&data.x, data.m, cache);
    let cost = net.mean_loss(&data.y, cache) + reg.penalty(net, data.m);
    let task = net.task();
    let score = task.finish_score(task.score_sum(cache.output(), &data.y, data.m), data.m);
    (cost.is_finite() && score.is_finite()).then_some(Metrics { cost, score })
}
