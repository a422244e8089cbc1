//! A thin `wasm-bindgen` layer over `neuranim-core`. `step()` advances training,
//! `snapshot()` reports the small facts, and the big buffers (rasters) are read by
//! JavaScript as views into wasm memory, not copied. Any call that allocates may grow that
//! memory and detach old views, so JavaScript recreates its views after every call.

mod edit;
mod history;
mod maths;
mod own_data;
mod painter;
mod panic;
mod phases;
mod run_file;
mod snapshot;
mod time_machine;

use neuranim_core::{Grid, Rasterizer, RecordedRun, Settings, Trainer};
use wasm_bindgen::prelude::*;

pub use panic::last_panic_message;

/// One training run in the page.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Playground {
    run: RecordedRun,
    /// The past iteration shown instead of the live run (time_machine.rs).
    viewing: Option<u64>,
    rasterizer: Rasterizer,
    boundary: Vec<f32>,
    neurons: Vec<f32>,
    /// Filled by `computeEnvelope` (history.rs).
    envelope: Vec<f64>,
    /// What opening a run file changed to bring its values into range (run_file.rs).
    notices: Vec<String>,
    /// How the last divergence was recovered from, until training goes on.
    recovered: Option<String>,
}

#[wasm_bindgen]
impl Playground {
    /// Starts a run from a settings object (see `Settings`; every field is optional).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<Playground, JsError> {
        panic::install_hook();
        let settings: Settings = if settings.is_undefined() || settings.is_null() {
            Settings::default()
        } else {
            from_js(settings)?
        };
        let session = settings.start().map_err(|e| JsError::new(&e))?;
        within_a_frame(&session)?;
        Ok(Self::of_run(RecordedRun::new(session)))
    }

    /// Up to `n` updates; returns how many were made. Fewer means training diverged, and
    /// `snapshot().diverged` says why. Metrics are recorded once per call.
    pub fn step(&mut self, n: u32) -> u32 {
        let done = self.advance(|_, done| done < n);
        self.record_metrics();
        self.recover();
        done
    }

    /// Like `step`, without measuring the whole data set afterwards: a frame that trains in
    /// several timed chunks measures once, with `recordMetrics`, when its time is up.
    #[wasm_bindgen(js_name = stepUnmeasured)]
    pub fn step_unmeasured(&mut self, n: u32) -> u32 {
        self.advance(|_, done| done < n)
    }

    /// Records the metrics of the live parameters, unless already recorded or diverged.
    #[wasm_bindgen(js_name = recordMetrics)]
    /// A non-finite cost found here stops the run: the next update reports it (making none)
    /// and goes back to health, so that the frame loop sees the divergence.
    pub fn record_metrics(&mut self) {
        if self.run.trainer().divergence().is_none() {
            let _ = self.run.record();
        }
    }

    /// The live run's progress, cheaply (a snapshot copies every weight): [iteration, epochs].
    pub fn progress(&self) -> Vec<f64> {
        let trainer = self.run.trainer();
        vec![trainer.iteration() as f64, trainer.epochs() as f64]
    }

    /// Updates until the current epoch ends (one pass over the training set); returns how many
    /// were made, fewer than asked for only if training diverged.
    #[wasm_bindgen(js_name = stepEpoch)]
    pub fn step_epoch(&mut self) -> u32 {
        self.viewing = None;
        let epoch = self.run.trainer().epochs();
        let done = self.advance(|trainer, _| trainer.epochs() == epoch);
        self.record_metrics();
        self.recover();
        done
    }

    /// Iteration, epoch, metrics, weights by layer and divergence of the iteration shown (the
    /// live one, or a past one after `seek`), as a plain object. The live run's metrics are
    /// measured if they were not yet; with `measure` false (training plays, and measuring a
    /// deep network on the whole data set costs more than a frame's updates), the last ones
    /// recorded are shown instead.
    pub fn snapshot(&mut self, measure: Option<bool>) -> Result<JsValue, JsError> {
        let snapshot = self.shown_snapshot(measure.unwrap_or(true));
        to_js(&snapshot)
    }

    /// Sets the learning rate for the next updates, without resetting; returns the rate in
    /// force (brought into the settings' range).
    #[wasm_bindgen(js_name = setLearningRate)]
    pub fn set_learning_rate(&mut self, learning_rate: f64) -> f64 {
        self.viewing = None;
        self.run.set_learning_rate(learning_rate)
    }

    /// The learning rate of the next update.
    #[wasm_bindgen(js_name = learningRate)]
    pub fn learning_rate(&self) -> f64 {
        self.run.trainer().learning_rate()
    }

    /// The training points as x1, x2 pairs.
    #[wasm_bindgen(js_name = trainPoints)]
    pub fn train_points(&self) -> Vec<f64> {
        self.run
            .session
            .train
            .points
            .iter()
            .flatten()
            .copied()
            .collect()
    }

    #[wasm_bindgen(js_name = trainLabels)]
    pub fn train_labels(&self) -> Vec<f64> {
        self.run.session.train.labels.clone()
    }

    #[wasm_bindgen(js_name = testPoints)]
    pub fn test_points(&self) -> Vec<f64> {
        self.run
            .session
            .test
            .points
            .iter()
            .flatten()
            .copied()
            .collect()
    }

    #[wasm_bindgen(js_name = testLabels)]
    pub fn test_labels(&self) -> Vec<f64> {
        self.run.session.test.labels.clone()
    }

    /// The plotted rectangle: [x1_min, x1_max, x2_min, x2_max].
    pub fn bounds(&self) -> Vec<f64> {
        let b = self.run.session.data.bounds;
        vec![b.x1_min, b.x1_max, b.x2_min, b.x2_max]
    }

    /// Evaluates the output over a width × height grid into wasm memory and returns the
    /// number of values: one plane per output neuron, row 0 at the top. Read them with
    /// `new Float32Array(memory.buffer, boundaryPtr(), length)`.
    #[wasm_bindgen(js_name = computeBoundary)]
    pub fn compute_boundary(&mut self, width: usize, height: usize) -> usize {
        let grid = self.grid(width, height);
        let net = time_machine::shown(&self.run, self.viewing).network();
        self.rasterizer.output(net, grid, &mut self.boundary);
        self.boundary.len()
    }

    #[wasm_bindgen(js_name = boundaryPtr)]
    pub fn boundary_ptr(&self) -> *const f32 {
        self.boundary.as_ptr()
    }

    /// Every neuron's activation over a width × height grid, one plane per neuron, hidden
    /// layers first; read with `neuronsPtr()`.
    #[wasm_bindgen(js_name = computeNeurons)]
    pub fn compute_neurons(&mut self, width: usize, height: usize) -> usize {
        let grid = self.grid(width, height);
        let net = time_machine::shown(&self.run, self.viewing).network();
        self.rasterizer.neurons(net, grid, &mut self.neurons);
        self.neurons.len()
    }

    #[wasm_bindgen(js_name = neuronsPtr)]
    pub fn neurons_ptr(&self) -> *const f32 {
        self.neurons.as_ptr()
    }

    /// Every parameter in the core's flat layout (each layer's W row by row, then its b),
    /// for a `Painter`.
    pub fn params(&self) -> Vec<f64> {
        self.shown().network().params().to_vec()
    }

    /// The names of the network's input features, one per input.
    pub fn features(&self) -> Vec<String> {
        self.run
            .trainer()
            .network()
            .features()
            .iter()
            .map(|f| f.name().to_string())
            .collect()
    }

    /// The hidden activation's name.
    pub fn activation(&self) -> String {
        self.shown().network().activation().name().to_string()
    }

    pub(crate) fn of_run(run: RecordedRun) -> Self {
        Self {
            run,
            viewing: None,
            rasterizer: Rasterizer::default(),
            boundary: Vec::new(),
            neurons: Vec::new(),
            envelope: Vec::new(),
            notices: Vec::new(),
            recovered: None,
        }
    }

    /// Updates while `more(trainer, done)` holds and training stays finite; returns how many
    /// were made.
    fn advance(&mut self, more: impl Fn(&Trainer, u32) -> bool) -> u32 {
        self.viewing = None;
        let mut done = 0;
        while more(self.run.trainer(), done) && self.run.step().is_ok() {
            done += 1;
        }
        if done > 0 {
            self.recovered = None;
        }
        self.recover();
        done
    }

    /// A diverged run goes back to its last healthy iteration, and the snapshot says so.
    fn recover(&mut self) {
        if let Some(recovery) = self.run.recover() {
            self.recovered = Some(recovery.to_string());
        }
    }

    fn grid(&self, width: usize, height: usize) -> Grid {
        Grid {
            bounds: self.run.session.data.bounds,
            width: width.clamp(1, 4096),
            height: height.clamp(1, 4096),
        }
    }
}

/// Points times parameters a page may train on: measuring every point (the chart's and the
/// readouts' numbers) and a full-batch update each cost about this many multiply-adds, and
/// 24 million of them take some 10 and 30 ms, within a task's 50. The course's network takes
/// 100,000 points within it; 8 hidden layers of 64, some 800.
pub const MAX_WORK: usize = 24_000_000;

/// Refuses a run the page could not measure within a task, naming what to change.
pub(crate) fn within_a_frame(session: &neuranim_core::Session) -> Result<(), JsError> {
    let points = session.train.len() + session.test.len();
    let params = session.trainer.network().params().len();
    if points.saturating_mul(params) <= MAX_WORK {
        return Ok(());
    }
    Err(JsError::new(&format!(
        "{points} points through a network of {params} weights and biases are more than a page can measure between two frames: at most {} points for this network, or fewer neurons",
        MAX_WORK / params
    )))
}

/// `value` as a plain JavaScript value, or the reason it cannot be one.
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(value).map_err(|e| JsError::new(&e.to_string()))
}

/// A plain JavaScript value read as a `T`, or the reason it is not one.
pub(crate) fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&e.to_string()))
}

/// The wasm memory, for zero-copy views of the rasters.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}
