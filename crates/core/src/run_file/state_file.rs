//! A trainer's state in a run file, both ways, each read checked against the network the
//! settings make and refused by field; and the timeline: the state where the run's recording
//! began and the changes made since, so that an opened run's time machine replays exactly
//! as the saved one's did.

use super::{ShuffleFile, StateFile, MAX_ITERATION};
use crate::network::Network;
use crate::optimizer::OptimizerState;
use crate::rng::RandomState;
use crate::settings::schema;
use crate::timeline::{Event, Timeline};
use crate::train::{Shuffle, TrainerState};
use crate::weights::WeightsFile;
use crate::Session;
use serde::{Deserialize, Serialize};

/// Where the recording began, and what changed the run since.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimelineFile {
    pub first: StateFile,
    #[serde(default)]
    pub events: Vec<EventFile>,
}

/// A change made at an iteration: a learning rate, or every parameter after a hand edit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EventFile {
    pub iteration: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<Vec<f64>>,
}

impl StateFile {
    /// `state` of a network shaped like `network`.
    pub fn of(state: &TrainerState, network: &Network) -> Self {
        let (velocity, squares, beta1_power, beta2_power) = state.optimizer.parts();
        let shuffle = state.shuffle.as_ref().map(|s| {
            let (key, pos, cached) = s.rng.parts();
            ShuffleFile {
                order: s.order.clone(),
                cursor: s.cursor,
                rng_key: key.to_vec(),
                rng_pos: pos,
                rng_cached_gauss: cached,
            }
        });
        let mut shaped = network.clone();
        shaped.params_mut().copy_from_slice(&state.params);
        Self {
            iteration: state.iteration,
            epoch: state.epochs,
            learning_rate: state.learning_rate,
            weights: WeightsFile::of(&shaped),
            velocity: velocity.to_vec(),
            squares: squares.to_vec(),
            beta1_power,
            beta2_power,
            shuffle,
        }
    }

    /// The state this describes, for `session`'s network, with `learning_rate` in force;
    /// refusals name the field under `field` ("state", "timeline.first").
    pub fn to_state(
        &self,
        field: &str,
        session: &Session,
        learning_rate: f64,
    ) -> Result<TrainerState, String> {
        let trainer = &session.trainer;
        let net = trainer.network();
        let (n_in, n_out) = (net.sizes()[0], *net.sizes().last().unwrap_or(&1));
        let hidden = self
            .weights
            .hidden_sizes(n_in, n_out)
            .map_err(|e| format!("{field}.weights.{e}"))?;
        if hidden != session.settings.hidden {
            return Err(format!(
                "{field}.weights: hidden layers {hidden:?}, but the settings say {:?}",
                session.settings.hidden
            ));
        }
        if !(self.learning_rate.is_finite() && self.learning_rate > 0.0) {
            return Err(format!("{field}.learningRate: must be a positive number"));
        }
        for (name, count) in [("iteration", self.iteration), ("epoch", self.epoch)] {
            if count > MAX_ITERATION {
                return Err(format!(
                    "{field}.{name}: {count} is beyond {MAX_ITERATION}, the most a run counts to"
                ));
            }
        }
        let params: Vec<f64> = self
            .weights
            .layers
            .iter()
            .flat_map(|l| l.weights.iter().flatten().chain(&l.biases).copied())
            .collect();
        let optimizer = OptimizerState::from_parts(
            session.settings.optimizer,
            params.len(),
            (
                self.velocity.clone(),
                self.squares.clone(),
                self.beta1_power,
                self.beta2_power,
            ),
        )
        .map_err(|e| format!("{field}.{e}"))?;
        let full_batch = trainer.examples_per_update() == session.train.len();
        let shuffle = match (&self.shuffle, full_batch) {
            (None, true) => None,
            (Some(_), true) => {
                return Err(format!("{field}.shuffle: a full-batch run has no shuffle"))
            }
            (None, false) => {
                return Err(format!("{field}.shuffle: missing; mini-batch runs need it"))
            }
            (Some(f), false) => Some(Box::new(
                shuffle_of(f, session.train.len()).map_err(|e| format!("{field}.{e}"))?,
            )),
        };
        Ok(TrainerState {
            params,
            optimizer,
            shuffle,
            iteration: self.iteration,
            epochs: self.epoch,
            learning_rate,
            diverged: None,
        })
    }
}

impl TimelineFile {
    /// `timeline`'s first state and its events, for a network shaped like `network`.
    pub fn of(timeline: &Timeline, network: &Network) -> Self {
        let events = timeline
            .events()
            .iter()
            .map(|(iteration, event)| match event {
                Event::LearningRate(rate) => EventFile {
                    iteration: *iteration,
                    learning_rate: Some(*rate),
                    params: None,
                },
                Event::Params(params) => EventFile {
                    iteration: *iteration,
                    learning_rate: None,
                    params: Some(params.clone()),
                },
            })
            .collect();
        Self {
            first: StateFile::of(timeline.first_state(), network),
            events,
        }
    }

    /// The first state and the events, checked: the first state before the live one
    /// (`last`), each event between them and in order, each whole and in range.
    pub fn restore(
        &self,
        session: &Session,
        last: &TrainerState,
    ) -> Result<(TrainerState, Vec<(u64, Event)>), String> {
        let first = self
            .first
            .to_state("timeline.first", session, self.first.learning_rate)?;
        if first.iteration > last.iteration {
            return Err(format!(
                "timeline.first.iteration: {} is after the state's iteration {}",
                first.iteration, last.iteration
            ));
        }
        let params = last.params.len();
        let mut events = Vec::with_capacity(self.events.len());
        let mut previous = first.iteration;
        for (i, e) in self.events.iter().enumerate() {
            if e.iteration < previous || e.iteration > last.iteration {
                return Err(format!(
                    "timeline.events[{i}].iteration: {} is out of order or outside {}..={}",
                    e.iteration, first.iteration, last.iteration
                ));
            }
            previous = e.iteration;
            let event = match (e.learning_rate, &e.params) {
                (Some(rate), None) if rate.is_finite() && rate > 0.0 => Event::LearningRate(schema::learning_rate_within(rate)),
                (None, Some(p)) if p.len() == params && p.iter().all(|v| v.is_finite()) => Event::Params(p.clone()),
                _ => {
                    return Err(format!(
                        "timeline.events[{i}]: a positive learningRate or all {params} finite params, and not both"
                    ))
                }
            };
            events.push((e.iteration, event));
        }
        Ok((first, events))
    }
}

/// A saved shuffle, checked against the `m` training examples; errors name the field below
/// the state (`shuffle.…`).
fn shuffle_of(file: &ShuffleFile, m: usize) -> Result<Shuffle, String> {
    let mut seen = vec![false; m];
    if file.order.len() != m {
        return Err(format!(
            "shuffle.order: expected the {m} training examples, got {}",
            file.order.len()
        ));
    }
    for (i, &k) in file.order.iter().enumerate() {
        match seen.get_mut(k as usize) {
            Some(s) if !*s => *s = true,
            _ => {
                return Err(format!(
                    "shuffle.order[{i}]: {k} is not a fresh index below {m}"
                ))
            }
        }
    }
    if file.cursor >= m {
        return Err(format!("shuffle.cursor: {} is not below {m}", file.cursor));
    }
    let rng = RandomState::from_parts(&file.rng_key, file.rng_pos, file.rng_cached_gauss)
        .map_err(|e| format!("shuffle.rng{}", capitalised(&e)))?;
    Ok(Shuffle {
        order: file.order.clone(),
        cursor: file.cursor,
        rng,
    })
}

/// `key: …` → `Key: …`, to follow a field name in camelCase.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}
