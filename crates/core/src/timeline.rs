//! The time machine: any past iteration's weights, exactly. Training is deterministic given
//! the settings, so the timeline keeps only keyframes (saved trainer states) every
//! `interval` updates and the events that changed a run by hand (a new learning rate, edited
//! weights); seeking restores the nearest keyframe at or before the target and replays
//! forward, applying the events where they happened. A replay can go in bounded chunks
//! (`begin_seek`, `continue_seek`), and one that already stands between that keyframe and
//! its target goes on from there, so stepping forward through the past costs only the gap.
//! A replay keeps the keyframes it passes where the timeline has none (a run opened from a
//! file holds only its first state), so that only the first seek into a stretch replays it.
//!
//! The interval is chosen so that a seek replays about the same work whatever the network:
//! a few milliseconds. Memory is bounded: when the keyframes outgrow their budget, every
//! other one goes and the interval doubles, which trades seek time for memory on very long
//! runs of big networks; chunked seeks keep those from freezing a page.

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
    /// Memory held by the keyframes' states outside the keyframes themselves.
    state_bytes: usize,
}

/// How far a replay has come: the replayer stands at its iteration with the first `events`
/// of the timeline's events in effect, on its way to `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Replay {
    target: u64,
    events: usize,
}

impl Replay {
    pub fn target(&self) -> u64 {
        self.target
    }
}

/// Multiply-adds a seek may have to replay, at most: about 10 ms natively and about as long
/// in V8's WebAssembly, half that on average (benches/timeline.rs measures it).
const REPLAY_WORK: u64 = 12_000_000;
/// An update's cost beyond W·A and its transpose, in multiply-adds: each neuron's activation
/// and its derivative, per example ...
const NEURON_WORK: u64 = 8;
/// ... the loss and gathering the batch, per example ...
const EXAMPLE_WORK: u64 = 20;
/// ... the optimizer, per parameter ...
const PARAM_WORK: u64 = 6;
/// ... and the call itself.
const UPDATE_WORK: u64 = 200;
const MAX_INTERVAL: u64 = 4096;

/// The work of one update of `trainer`, in multiply-adds: about one per parameter and
/// example for forward and backward together, plus the overheads above.
pub fn update_work(trainer: &Trainer) -> u64 {
    let net = trainer.network();
    let params = net.params().len() as u64;
    let neurons: u64 = net.sizes()[1..].iter().map(|&n| n as u64).sum();
    let examples = trainer.examples_per_update() as u64;
    (params + NEURON_WORK * neurons + EXAMPLE_WORK) * examples + PARAM_WORK * params + UPDATE_WORK
}

impl Timeline {
    /// The default memory for keyframes.
    pub const BUDGET: usize = 16 << 20;

    /// A timeline starting at `trainer`'s current state, keyframes every few updates as the
    /// cost of an update allows.
    pub fn new(trainer: &Trainer, budget: usize) -> Self {
        let mut timeline = Self {
            keyframes: Vec::new(),
            events: Vec::new(),
            interval: (REPLAY_WORK / update_work(trainer)).clamp(1, MAX_INTERVAL),
            budget,
            state_bytes: 0,
        };
        timeline.keep(trainer);
        timeline
    }

    /// The earliest iteration that can be shown: where the timeline began.
    pub fn first_iteration(&self) -> u64 {
        self.keyframes.first().map_or(0, |k| k.state.iteration())
    }

    /// The state where the recording began.
    pub fn first_state(&self) -> &TrainerState {
        &self.keyframes[0].state
    }

    /// The changes made from outside, in order, with their iterations.
    pub fn events(&self) -> &[(u64, Event)] {
        &self.events
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
        self.make_room(&state);
        self.state_bytes += state.heap_bytes();
        self.keyframes.push(Keyframe {
            state,
            events_seen: self.events.len(),
        });
    }

    /// Thins the keyframes until one more like `state` fits the budget, and makes a slot for
    /// it without the vector outgrowing the budget.
    fn make_room(&mut self, state: &TrainerState) {
        // The keyframes of a run are all the same size, so the budget holds this many, slots
        // of the vector included.
        let most = self.budget / (size_of::<Keyframe>() + state.heap_bytes());
        while self.keyframes.len() >= most.max(2) {
            self.thin();
        }
        if self.keyframes.len() == self.keyframes.capacity() {
            let len = self.keyframes.len();
            let capacity = (2 * len).max(4).min(most).max(len + 1);
            self.keyframes.reserve_exact(capacity - len);
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
        self.state_bytes = self.measure_states();
    }

    fn measure_states(&self) -> usize {
        self.keyframes.iter().map(|k| k.state.heap_bytes()).sum()
    }

    /// Notes a change made at `iteration` (the trainer's current one).
    pub fn record(&mut self, iteration: u64, event: Event) {
        self.events.push((iteration, event));
    }

    /// Brings `replayer` (from `Trainer::replayer`) to the state live training had after
    /// `target` updates and every event at `target`, from the nearest keyframe.
    pub fn seek(&mut self, replayer: &mut Trainer, target: u64) -> Result<(), Divergence> {
        let mut replay = self.begin_seek(replayer, None, target);
        self.continue_seek(replayer, &mut replay, u64::MAX)
            .map(|_| ())
    }

    /// Starts bringing `replayer` to `target`; `continue_seek` does the replaying. `from` is
    /// where an earlier replay on this timeline left `replayer`, if one did: when that lies
    /// between the keyframe at or before `target` and `target`, the replay goes on from
    /// there, else it restarts from the keyframe.
    pub fn begin_seek(&self, replayer: &mut Trainer, from: Option<Replay>, target: u64) -> Replay {
        let keyframe = &self.keyframes[self.keyframe_at(target)];
        let now = replayer.iteration();
        match from {
            Some(replay) if keyframe.state.iteration() <= now && now <= target => Replay {
                target,
                events: replay.events,
            },
            _ => {
                replayer.restore_state(&keyframe.state);
                Replay {
                    target,
                    events: keyframe.events_seen,
                }
            }
        }
    }

    /// Replays at most `max_updates` updates towards `replay`'s target, applying the events
    /// where they happened; true once `replayer` stands at the target with every event at
    /// the target applied. Between calls `replayer` always holds the exact state of the
    /// live run at its own iteration.
    pub fn continue_seek(
        &mut self,
        replayer: &mut Trainer,
        replay: &mut Replay,
        max_updates: u64,
    ) -> Result<bool, Divergence> {
        let mut left = max_updates;
        loop {
            while let Some((iteration, event)) = self.events.get(replay.events) {
                if *iteration > replayer.iteration() {
                    break;
                }
                apply(replayer, event);
                replay.events += 1;
            }
            if replayer.iteration() >= replay.target {
                return Ok(true);
            }
            if left == 0 {
                return Ok(false);
            }
            self.fill(replayer, replay.events);
            replayer.step()?;
            left -= 1;
        }
    }

    /// Keeps `replayer`'s state, with `events_seen` events in effect, where the interval asks
    /// for a keyframe and the timeline holds none: the state live training had there, which
    /// the replay has just recomputed.
    fn fill(&mut self, replayer: &Trainer, events_seen: usize) {
        let iteration = replayer.iteration();
        if iteration % self.interval != 0 {
            return;
        }
        let at = self
            .keyframes
            .partition_point(|k| k.state.iteration() < iteration);
        if self
            .keyframes
            .get(at)
            .is_some_and(|k| k.state.iteration() == iteration)
        {
            return;
        }
        let state = replayer.save_state();
        self.make_room(&state);
        // Thinning doubles the interval, which may now pass this iteration by.
        if iteration % self.interval != 0 {
            return;
        }
        let at = self
            .keyframes
            .partition_point(|k| k.state.iteration() < iteration);
        self.state_bytes += state.heap_bytes();
        self.keyframes.insert(at, Keyframe { state, events_seen });
    }

    /// The index of the keyframe at or before `target` (the first if none is).
    fn keyframe_at(&self, target: u64) -> usize {
        self.keyframes
            .partition_point(|k| k.state.iteration() <= target)
            .max(1)
            - 1
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
        self.state_bytes = self.measure_states();
    }

    /// Memory held by the keyframes, in bytes: at most the budget.
    pub fn keyframe_bytes(&self) -> usize {
        self.keyframes.capacity() * size_of::<Keyframe>() + self.state_bytes
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
        self.keyframe_bytes() + self.events.capacity() * size_of::<(u64, Event)>() + events
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
