//! A trainer's whole moving state, saved and restored: what the time machine keeps as
//! keyframes. Restoring a saved state makes the following updates exactly, bit for bit,
//! those that followed when it was saved.

use super::{Columns, Divergence, Trainer};
use crate::history::History;
use crate::network::Cache;
use crate::optimizer::OptimizerState;
use crate::rng::RandomState;

/// Where the mini-batches stand: the epoch's order, the next example in it, and the
/// generator of the following orders.
#[derive(Clone, Debug)]
pub(crate) struct Shuffle {
    pub(crate) order: Vec<u32>,
    pub(crate) cursor: usize,
    pub(crate) rng: RandomState,
}

#[derive(Clone, Debug)]
pub struct TrainerState {
    pub(crate) params: Vec<f64>,
    pub(crate) optimizer: OptimizerState,
    /// None on the full batch, which never shuffles; boxed, since a generator's state is
    /// larger than everything else a small network's keyframe holds.
    pub(crate) shuffle: Option<Box<Shuffle>>,
    pub(crate) iteration: u64,
    pub(crate) epochs: u64,
    pub(crate) learning_rate: f64,
    pub(crate) diverged: Option<Divergence>,
}

impl TrainerState {
    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    pub fn params(&self) -> &[f64] {
        &self.params
    }

    /// Memory held outside the value itself, in bytes.
    pub fn heap_bytes(&self) -> usize {
        let shuffle = self.shuffle.as_ref().map_or(0, |s| {
            size_of::<Shuffle>() + s.order.capacity() * size_of::<u32>()
        });
        self.params.capacity() * size_of::<f64>() + self.optimizer.heap_bytes() + shuffle
    }
}

impl Trainer {
    pub fn save_state(&self) -> TrainerState {
        let shuffle = (!self.is_full_batch()).then(|| {
            Box::new(Shuffle {
                order: self.order.iter().map(|&i| i as u32).collect(),
                cursor: self.cursor,
                rng: self.order_rng.clone(),
            })
        });
        TrainerState {
            params: self.network.params().to_vec(),
            optimizer: self.state.clone(),
            shuffle,
            iteration: self.iteration,
            epochs: self.epochs,
            learning_rate: self.config.learning_rate,
            diverged: self.diverged,
        }
    }

    /// Returns to `state`, saved by this trainer or by one made with `replayer()`. The
    /// history is left as it is.
    pub fn restore_state(&mut self, state: &TrainerState) {
        self.network.params_mut().copy_from_slice(&state.params);
        self.state.clone_from(&state.optimizer);
        if let Some(s) = &state.shuffle {
            self.order.clear();
            self.order.extend(s.order.iter().map(|&i| i as usize));
            self.cursor = s.cursor;
            self.order_rng.clone_from(&s.rng);
        }
        self.iteration = state.iteration;
        self.epochs = state.epochs;
        self.config.learning_rate = state.learning_rate;
        self.diverged = state.diverged;
    }

    /// A trainer over the same data and settings that keeps no history, for replaying
    /// saved states (and measuring them) without touching this one.
    pub fn replayer(&self) -> Trainer {
        let n = self.network.params().len();
        Trainer {
            network: self.network.clone(),
            config: self.config.clone(),
            train: self.train.clone(),
            test: self.test.clone(),
            state: self.state.clone(),
            grads: vec![0.0; n],
            saved_params: vec![0.0; n],
            saved_state: self.state.clone(),
            cache: Cache::default(),
            eval_cache: Cache::default(),
            order: self.order.clone(),
            cursor: self.cursor,
            order_rng: self.order_rng.clone(),
            batch: Columns::default(),
            iteration: self.iteration,
            epochs: self.epochs,
            diverged: self.diverged,
            history: History::default(),
            recording: false,
        }
    }
}
