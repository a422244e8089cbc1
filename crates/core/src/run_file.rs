//! A whole run in one JSON file: its settings, the trainer's exact state (weights, what the
//! optimizer remembers, where the mini-batches stand) and, optionally, the history. Reading
//! one back restores that state bit for bit, so training goes on as it would have.
//!
//! A bad file is refused with a message naming what is wrong and where (`state.params`,
//! `history.trainCost`, a line and column for broken JSON), before anything is built.

use crate::dataset::{Bounds, Dataset, MAX_COORDINATE, MAX_LABEL, MAX_POINTS};
use crate::history::History;
use crate::json_error::worded;
use crate::output::{Task, MAX_CLASSES};
use crate::weights::WeightsFile;
use crate::{RecordedRun, Session, Settings};
use serde::{Deserialize, Serialize};

mod history_file;
mod refusal;
mod state_file;
mod tape;
pub use history_file::{HistoryFile, MergedFile};
use refusal::refusal;
pub use state_file::{EventFile, TimelineFile};

pub const FORMAT: &str = "neuranim-run";
pub const VERSION: u32 = 1;
/// The largest iteration or epoch a run file may hold: far beyond any run's length, and
/// below 2^53, so that every count a page shows is an exact JavaScript number.
pub const MAX_ITERATION: u64 = 1_000_000_000_000_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RunFile {
    pub format: String,
    pub version: u32,
    pub settings: Settings,
    /// The points, when they are not the ones the settings generate (drawn or imported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DataFile>,
    pub state: StateFile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<HistoryFile>,
    /// With the history: where the run's recording began and what changed it since, so that
    /// an opened run's time machine reaches back as the saved one's did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<TimelineFile>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StateFile {
    pub iteration: u64,
    pub epoch: u64,
    pub learning_rate: f64,
    pub weights: WeightsFile,
    /// Momentum's and Adam's memory, in the flat parameter layout; empty for gradient descent.
    #[serde(default)]
    pub velocity: Vec<f64>,
    #[serde(default)]
    pub squares: Vec<f64>,
    pub beta1_power: f64,
    pub beta2_power: f64,
    /// Mini-batches only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shuffle: Option<ShuffleFile>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ShuffleFile {
    pub order: Vec<u32>,
    pub cursor: usize,
    pub rng_key: Vec<u32>,
    pub rng_pos: usize,
    pub rng_cached_gauss: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DataFile {
    pub points: Vec<[f64; 2]>,
    pub labels: Vec<f64>,
    /// [x1_min, x1_max, x2_min, x2_max].
    pub bounds: [f64; 4],
    /// The classes the labels name (2 for binary), or 0 for regression values.
    pub classes: usize,
}

impl RunFile {
    /// The file of `run`'s live state, with its history if asked for.
    pub fn of(run: &RecordedRun, with_history: bool) -> Self {
        let trainer = run.trainer();
        let state = trainer.save_state();
        let history = with_history.then(|| HistoryFile::of(trainer.history()));
        let data = &run.session.data;
        let own = (*data != run.session.settings.data()).then(|| {
            let b = data.bounds;
            DataFile {
                points: data.points.clone(),
                labels: data.labels.clone(),
                bounds: [b.x1_min, b.x1_max, b.x2_min, b.x2_max],
                classes: data.task.class_count().unwrap_or(0),
            }
        });
        Self {
            format: FORMAT.into(),
            version: VERSION,
            settings: run.session.settings.clone(),
            data: own,
            state: StateFile::of(&state, trainer.network()),
            timeline: with_history.then(|| TimelineFile::of(run.timeline(), trainer.network())),
            history,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a run file; the message of a refusal names the field at fault.
    pub fn parse(text: &str) -> Result<Self, String> {
        /// The fields that say what the file is, read first (the rest is skipped over) so
        /// that another file is refused as such rather than by its first odd field.
        #[derive(Deserialize)]
        struct Header {
            format: Option<serde_json::Value>,
            version: Option<serde_json::Value>,
        }
        if text.trim().is_empty() {
            return Err("the file is empty".into());
        }
        let not_run_file = || format!("format: not a neuranim run file (expected \"{FORMAT}\")");
        let header = match serde_json::from_str::<Header>(text) {
            Ok(header) if text.trim_start().starts_with('{') => header,
            // JSON, but not an object with those fields (a list, a number, another program's
            // file); or not JSON at all, said where.
            _ => {
                return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
                    Ok(_) => not_run_file(),
                    Err(e) => worded(&e),
                });
            }
        };
        match header.format.as_ref().and_then(|f| f.as_str()) {
            Some(FORMAT) => {}
            _ => return Err(not_run_file()),
        }
        match header.version.as_ref().and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) => {
                return Err(format!(
                    "version: {v} is not a version this page reads (it reads {VERSION})"
                ))
            }
            None => return Err("version: missing, or not a whole number".into()),
        }
        // Straight from the text, not through a tree of values: twice as fast on a file of
        // many points.
        let mut reader = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut reader).map_err(|e| refusal(&e))
    }

    /// What `restore` changes to bring the file's values into their ranges, as notices. The
    /// settings' learning rate, the run's first, is not what it goes on with (the state's
    /// is): only the rate in force is said.
    pub fn notices(&self) -> Vec<String> {
        let (rate, in_force) = self.learning_rate_in_force();
        let settings = Settings {
            learning_rate: rate,
            ..self.settings.clone()
        };
        let mut notices = settings.checked().1;
        notices.extend(in_force);
        notices
    }

    /// The state's learning rate within the settings' range, and a notice if it was not.
    fn learning_rate_in_force(&self) -> (f64, Option<String>) {
        let rate = self.state.learning_rate;
        let (min, max) = crate::settings::schema::LEARNING_RATE;
        let kept = crate::settings::schema::learning_rate_within(rate);
        let notice = (kept != rate).then(|| {
            format!("The learning rate in force: {rate} is outside {min} to {max}; using {kept}")
        });
        (kept, notice)
    }

    /// The run this file describes: its settings' data, and the saved state checked against
    /// the network those settings make. Values out of range are brought in (`notices`).
    pub fn restore(&self) -> Result<RecordedRun, String> {
        // The layers are the weights' own and the batch size the saved shuffle's: brought
        // into range, they could never match the state, whose refusal would then name
        // values the file does not hold.
        let checked = self.settings.checked().0;
        if checked.hidden != self.settings.hidden {
            let (min, max) = crate::settings::schema::LAYER_SIZE;
            return Err(format!(
                "settings.hidden: {} has a layer of fewer than {min} or more than {max} neurons, or more than {} layers",
                crate::excerpt(&format!("{:?}", self.settings.hidden)),
                crate::settings::schema::MAX_LAYERS
            ));
        }
        if let Some(size) = self
            .settings
            .batch_size
            .filter(|_| checked.batch_size != self.settings.batch_size)
        {
            let (min, max) = crate::settings::schema::BATCH_SIZE;
            return Err(format!(
                "settings.batchSize: {size} is outside {min} to {max}"
            ));
        }
        let mut session = match &self.data {
            None => self.settings.start(),
            Some(d) => Session::new(self.settings.clone(), data_of(d)?, None),
        }
        .map_err(|e| format!("settings: {e}"))?;
        let state = self
            .state
            .to_state("state", &session, self.learning_rate_in_force().0)?;
        // The time machine from where the run's recording began, if the file keeps it.
        let first = match (&self.timeline, &self.history) {
            (Some(t), Some(_)) => Some(t.restore(&session, &state)?),
            _ => None,
        };
        let s = &self.state;
        let history = match &self.history {
            Some(h) => h.restore(s.iteration, session.trainer.network().task())?,
            None => History::default(),
        };
        session.trainer.restore_state(&state);
        session.trainer.replace_history(history);
        Ok(match first {
            Some((first, events)) => RecordedRun::resume(session, &first, events),
            None => RecordedRun::new(session),
        })
    }
}

fn data_of(file: &DataFile) -> Result<Dataset, String> {
    if file.points.len() != file.labels.len() {
        return Err(format!(
            "data.labels: {} labels for {} points",
            file.labels.len(),
            file.points.len()
        ));
    }
    if file.points.is_empty() {
        return Err("data.points: no points".into());
    }
    if file.points.len() > MAX_POINTS {
        return Err(format!(
            "data.points: {} points; a run trains on at most {MAX_POINTS}",
            file.points.len()
        ));
    }
    // The limits a CSV file keeps to, and bounds a little wider (a plot's margin).
    if let Some(i) = file
        .points
        .iter()
        .position(|p| !p.iter().all(|v| v.abs() <= MAX_COORDINATE))
    {
        return Err(format!(
            "data.points[{i}]: each coordinate must be a number from -{MAX_COORDINATE:e} to {MAX_COORDINATE:e}"
        ));
    }
    if let Some(i) = file
        .labels
        .iter()
        .position(|v| v.is_nan() || v.abs() > MAX_LABEL)
    {
        return Err(format!(
            "data.labels[{i}]: each label must be a number from -{MAX_LABEL:e} to {MAX_LABEL:e}"
        ));
    }
    let [x1_min, x1_max, x2_min, x2_max] = file.bounds;
    if !(x1_min < x1_max && x2_min < x2_max) {
        return Err("data.bounds: each minimum must be below its maximum".into());
    }
    if !file.bounds.iter().all(|b| b.abs() <= 10.0 * MAX_COORDINATE) {
        return Err(format!(
            "data.bounds: each must be a number from -{:e} to {:e}",
            10.0 * MAX_COORDINATE,
            10.0 * MAX_COORDINATE
        ));
    }
    let task = match file.classes {
        0 => Task::Regression,
        k if k <= MAX_CLASSES => Task::classification(k),
        k => return Err(format!("data.classes: {k}; at most {MAX_CLASSES}")),
    };
    if let Some(i) = file.labels.iter().position(|&y| !task.accepts(y)) {
        return Err(format!(
            "data.labels[{i}]: {} is not one of the {} classes",
            file.labels[i], file.classes
        ));
    }
    Ok(Dataset {
        task,
        points: file.points.clone(),
        labels: file.labels.clone(),
        bounds: Bounds {
            x1_min,
            x1_max,
            x2_min,
            x2_max,
        },
    })
}
