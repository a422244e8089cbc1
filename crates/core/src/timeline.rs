//! The time machine: any past iteration's weights, exactly. Training is deterministic given
//! the settings, so the timeline keeps only keyframes (saved trainer states) every
//! `interval` updates and the events that changed a run by hand (a new learning rate, edited
//! weights); seeking restores the nearest keyframe at or before the target and replays
//! forward, applying the events where they happened.
//!
//! Memory is bounded: when the keyframes outgrow their budget, every other one goes and the
//! interval doubles, which trades seek time for memory on very long runs.

use crate::train::{Divergence, Trainer, TrainerState};

/// A change made to a run from outside, at an iteration.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    LearningRate(f64),
    /// Every parameter, after a hand edit.
    Params(Vec<f64>),
}

#[derive(Clone, Debug)]
struct Keyframe {
    state: TrainerState,
    /// Events already in effect in `state`.
    events_seen: usize,
}

#[derive(Clone, Debug)]
pub struct Timeline {
    keyframes: Vec<Keyframe>,
    events: Vec<(u64, Event)>,
    interval: u64,
    budget: usize,
    keyframe_bytes: usize,
}

/// Examples a seek may have to replay, at most: about 50 ms natively for the deepest default
/// network, half that on average, and far less for small ones.
const REPLAY_EXAMPLES: u64 = 48_000;
/// An update's own cost beyond its examples (gathering the batch, the optimizer), in
/// examples: it dominates small mini-batches.
const UPDATE_OVERHEAD: u64 = 8;
const MAX_INTERVAL: u64 = 4096;

impl Timeline {
    /// The default memory for keyframes.
    pub const BUDGET: usize = 32 << 20;

    /// A timeline starting at `trainer`'s current state, keyframes every few updates as the
    /// cost of an update allows.
    pub fn new(trainer: &Trainer, budget: usize) -> Self {
        let per_update = trainer.examples_per_update() as u64 + UPDATE_OVERHEAD;
        let mut timeline = Self {
            keyframes: Vec::new(),
            events: Vec::new(),
            interval: (REPLAY_EXAMPLES / per_update).clamp(1, MAX_INTERVAL),
            budget,
            keyframe_bytes: 0,
        };
        timeline.keep(trainer);
        timeline
    }

    /// The earliest iteration that can be shown: where the timeline began.
    pub fn first_iteration(&self) -> u64 {
        self.keyframes.first().map_or(0, |k| k.state.iteration())
    }

    /// Updates between keyframes.
    pub fn interval(&self) -> u64 {
        self.interval
    }

    /// Call before every update: keeps a keyframe when one is due.
    pub fn before_step(&mut self, trainer: &Trainer) {
        let iteration = trainer.iteration();
        let last = self.keyframes.last().map(|k| k.state.iteration());
        if iteration % self.interval == 0 && last.is_none_or(|l| l < iteration) {
            self.keep(trainer);
        }
    }

    fn keep(&mut self, trainer: &Trainer) {
        let state = trainer.save_state();
        self.keyframe_bytes += size_of::<Keyframe>() + state.heap_bytes();
        self.keyframes.push(Keyframe {
            state,
            events_seen: self.events.len(),
        });
        while self.keyframe_bytes > self.budget && self.keyframes.len() > 2 {
            self.thin();
        }
    }

    /// Doubles the interval, dropping the keyframes that fall off it; the first stays.
    fn thin(&mut self) {
        self.interval *= 2;
        let interval = self.interval;
        let first = self.keyframes[0].state.iteration();
        let mut index = 0;
        self.keyframes.retain(|k| {
            let keep =
                index == 0 || k.state.iteration() % interval == 0 && k.state.iteration() != first;
            index += 1;
            keep
        });
        self.keyframe_bytes = self.measure_keyframes();
    }

    fn measure_keyframes(&self) -> usize {
        self.keyframes
            .iter()
            .map(|k| size_of::<Keyframe>() + k.state.heap_bytes())
            .sum()
    }

    /// Notes a change made at `iteration` (the trainer's current one).
    pub fn record(&mut self, iteration: u64, event: Event) {
        self.events.push((iteration, event));
    }

    /// Brings `replayer` (from `Trainer::replayer`) to the state live training had after
    /// `target` updates and every event at `target`.
    pub fn seek(&self, replayer: &mut Trainer, target: u64) -> Result<(), Divergence> {
        let at = self
            .keyframes
            .partition_point(|k| k.state.iteration() <= target)
            .max(1)
            - 1;
        let keyframe = &self.keyframes[at];
        replayer.restore_state(&keyframe.state);
        let mut next = keyframe.events_seen;
        loop {
            while let Some((iteration, event)) = self.events.get(next) {
                if *iteration > replayer.iteration() {
                    break;
                }
                apply(replayer, event);
                next += 1;
            }
            if replayer.iteration() >= target {
                return Ok(());
            }
            replayer.step()?;
        }
    }

    /// Forgets everything after `iteration`, to train on from there.
    pub fn truncate_after(&mut self, iteration: u64) {
        self.events.retain(|(i, _)| *i <= iteration);
        let keep = self
            .keyframes
            .partition_point(|k| k.state.iteration() <= iteration)
            .max(1);
        self.keyframes.truncate(keep);
        let events = self.events.len();
        for k in &mut self.keyframes {
            k.events_seen = k.events_seen.min(events);
        }
        self.keyframe_bytes = self.measure_keyframes();
    }

    /// Memory held by the keyframes, in bytes: at most the budget.
    pub fn keyframe_bytes(&self) -> usize {
        self.keyframe_bytes
    }

    /// Memory held by keyframes and events, in bytes.
    pub fn heap_bytes(&self) -> usize {
        let events: usize = self
            .events
            .iter()
            .map(|(_, e)| match e {
                Event::Params(p) => p.capacity() * size_of::<f64>(),
                Event::LearningRate(_) => 0,
            })
            .sum();
        self.keyframe_bytes
            + (self.keyframes.capacity() - self.keyframes.len()) * size_of::<Keyframe>()
            + self.events.capacity() * size_of::<(u64, Event)>()
            + events
    }
}

fn apply(trainer: &mut Trainer, event: &Event) {
    match event {
        Event::LearningRate(rate) => trainer.set_learning_rate(*rate),
        // The parameters were checked when they were first set.
        Event::Params(params) => {
            let _ = trainer.set_params(params);
        }
    }
}
