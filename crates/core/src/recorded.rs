//! A session with its time machine: every update goes through here so that the timeline
//! sees it, every change from outside is noted as an event, and any past iteration can be
//! shown (`seek`, or `begin_seek` and `continue_seek` in bounded chunks) or trained on from
//! (`continue_from`).

use crate::timeline::{Event, Replay, Timeline};
use crate::train::{Divergence, Trainer, TrainerState};
use crate::{Record, Session};

#[derive(Debug)]
pub struct RecordedRun {
    pub session: Session,
    timeline: Timeline,
    /// Built at the first seek: the same data and settings, no history.
    replayer: Option<Trainer>,
    /// The last seek, begun or done: where the replayer stands on the timeline.
    replay: Option<Replay>,
    /// The last iteration recorded with every parameter within `HEALTHY`.
    healthy: u64,
}

/// Parameters up to this size are healthy. A diverging run's weights grow by orders of
/// magnitude an update for a while before one overflows; from weights that large no
/// learning rate goes on, while from weights below this, a smaller one does. Saturating
/// activations show no difference beyond it.
pub const HEALTHY: f64 = 1e4;

/// How a diverged run was taken back to health (`recover`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Recovery {
    pub divergence: Divergence,
    /// The live iteration now: the last recorded one whose parameters were healthy.
    pub iteration: u64,
}

impl std::fmt::Display for Recovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Divergence { iteration, cause } = self.divergence;
        write!(
            f,
            "Training diverged at iteration {iteration}: {cause} became infinite or NaN. \
             The run went back to iteration {}, the last with every weight and bias below \
             ten thousand: try a smaller learning rate.",
            self.iteration
        )
    }
}

impl RecordedRun {
    pub fn new(session: Session) -> Self {
        Self::with_budget(session, Timeline::BUDGET)
    }

    /// With at most `budget` bytes of keyframes.
    pub fn with_budget(session: Session, budget: usize) -> Self {
        Self {
            timeline: Timeline::new(&session.trainer, budget),
            session,
            replayer: None,
            replay: None,
            healthy: 0,
        }
    }

    /// A run whose live state `session` holds, and whose recording began at `first` with
    /// `events` made since (a run file's): its time machine replays from `first`.
    pub fn resume(session: Session, first: &TrainerState, events: Vec<(u64, Event)>) -> Self {
        let mut start = session.trainer.replayer();
        start.restore_state(first);
        let mut timeline = Timeline::new(&start, Timeline::BUDGET);
        for (iteration, event) in events {
            timeline.record(iteration, event);
        }
        Self {
            timeline,
            session,
            replayer: None,
            replay: None,
            healthy: 0,
        }
    }

    pub fn trainer(&self) -> &Trainer {
        &self.session.trainer
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// One update of the live run.
    pub fn step(&mut self) -> Result<(), Divergence> {
        self.timeline.before_step(&self.session.trainer);
        self.session.trainer.step()
    }

    /// Sets the rate of the next updates, brought into the schema's range (a rate that is not
    /// a number changes nothing); returns the rate in force.
    pub fn set_learning_rate(&mut self, rate: f64) -> f64 {
        let trainer = &mut self.session.trainer;
        if rate.is_nan() {
            return trainer.learning_rate();
        }
        let rate = crate::settings::schema::learning_rate_within(rate);
        trainer.set_learning_rate(rate);
        self.timeline
            .record(trainer.iteration(), Event::LearningRate(rate));
        rate
    }

    /// A hand edit of every parameter, at the current iteration.
    pub fn set_params(&mut self, params: &[f64]) -> Result<(), String> {
        let trainer = &mut self.session.trainer;
        trainer.set_params(params)?;
        self.timeline
            .record(trainer.iteration(), Event::Params(params.to_vec()));
        Ok(())
    }

    /// The trainer as live training had it after `target` updates (at most the live
    /// iteration), recomputed exactly from the nearest keyframe, or from where the last seek
    /// left it when that is on the way.
    pub fn seek(&mut self, target: u64) -> Result<&Trainer, Divergence> {
        self.begin_seek(target);
        while !self.continue_seek(u64::MAX)? {}
        Ok(self.replayer.as_ref().expect("a seek builds the replayer"))
    }

    /// Starts a seek to `target`, clamped to the iterations that can be shown; returns the
    /// iteration it will reach. Nothing is replayed until `continue_seek`.
    pub fn begin_seek(&mut self, target: u64) -> u64 {
        let target = target.clamp(
            self.timeline.first_iteration(),
            self.session.trainer.iteration(),
        );
        let replayer = self
            .replayer
            .get_or_insert_with(|| self.session.trainer.replayer());
        self.replay = Some(self.timeline.begin_seek(replayer, self.replay, target));
        target
    }

    /// Replays at most `max_updates` more updates of the seek begun last; true once the
    /// replayed trainer stands at its target (or no seek was begun). Between calls,
    /// `replayed()` is the run exactly as it was at some iteration on the way.
    pub fn continue_seek(&mut self, max_updates: u64) -> Result<bool, Divergence> {
        let (Some(replayer), Some(replay)) = (&mut self.replayer, &mut self.replay) else {
            return Ok(true);
        };
        let done = self.timeline.continue_seek(replayer, replay, max_updates);
        if done.is_err() {
            // A failed update leaves the replayer off the timeline: the next seek restores.
            self.replay = None;
        }
        done
    }

    /// The iteration the last seek is heading for or has reached.
    pub fn seek_target(&self) -> Option<u64> {
        self.replay.map(|r| r.target())
    }

    /// The trainer of the last seek, if there was one: at its target once the seek is done.
    pub fn replayed(&self) -> Option<&Trainer> {
        self.replayer.as_ref()
    }

    /// The metrics of the replayed trainer's iteration: the row recorded live for that very
    /// iteration if the history kept one (on the full batch, every iteration until old rows
    /// are thinned), else measured now on the replayed weights.
    pub fn replayed_metrics(&mut self) -> Option<Record> {
        let replayer = self.replayer.as_mut()?;
        let history = self.session.trainer.history();
        let index = history.index_of_iteration(replayer.iteration());
        match history.get(index) {
            Some(r) if r.iteration == replayer.iteration() => Some(r),
            _ => replayer.measure().ok(),
        }
    }

    /// Makes iteration `target` the live state and forgets everything after it.
    pub fn continue_from(&mut self, target: u64) -> Result<(), Divergence> {
        let state = self.seek(target)?.save_state();
        let trainer = &mut self.session.trainer;
        trainer.restore_state(&state);
        trainer.forget_after(state.iteration());
        self.timeline.truncate_after(state.iteration());
        Ok(())
    }

    /// Measures the live run (`Trainer::record`), and notes the iteration if every
    /// parameter is healthy.
    pub fn record(&mut self) -> Result<Record, Divergence> {
        let record = self.session.trainer.record()?;
        let trainer = &self.session.trainer;
        if trainer
            .network()
            .params()
            .iter()
            .all(|p| p.abs() <= HEALTHY)
        {
            self.healthy = trainer.iteration();
        }
        Ok(record)
    }

    /// After a divergence, makes the last healthy iteration recorded the live state again,
    /// so that a smaller learning rate goes on from there; `None` when the run has not
    /// diverged. The learning rate stays the one in force.
    pub fn recover(&mut self) -> Option<Recovery> {
        let divergence = self.session.trainer.divergence()?;
        // The rate the reader has chosen stays in force, whatever it was back there.
        let rate = self.session.trainer.learning_rate();
        let target = self.healthy.max(self.timeline.first_iteration());
        // A run that was never healthy since it began (opened so) has nowhere to go back to.
        if target >= self.session.trainer.iteration() {
            return None;
        }
        self.continue_from(target).ok()?;
        self.set_learning_rate(rate);
        Some(Recovery {
            divergence,
            iteration: self.session.trainer.iteration(),
        })
    }

    /// Memory held by the history and the timeline, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.session.trainer.history().heap_bytes() + self.timeline.heap_bytes()
    }
}
