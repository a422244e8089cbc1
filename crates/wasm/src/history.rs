//! The training history for a chart: its extent, and min/max envelopes of a column computed
//! into wasm memory, read by JavaScript as a `Float64Array` view.

use crate::Playground;
use neuranim_core::history::Column;
use wasm_bindgen::prelude::*;

/// More buckets than any screen has pixel columns is a caller's mistake, not a chart.
const MAX_BUCKETS: usize = 1 << 14;

fn column_named(name: &str) -> Result<Column, JsError> {
    match name {
        "trainCost" => Ok(Column::TrainCost),
        "trainScore" => Ok(Column::TrainScore),
        "testCost" => Ok(Column::TestCost),
        "testScore" => Ok(Column::TestScore),
        _ => Err(JsError::new(&format!(
            "no history column {name:?}: expected trainCost, trainScore, testCost or testScore"
        ))),
    }
}

/// One record of the history, as JavaScript reads it.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct RecordRow {
    iteration: f64,
    train_cost: f64,
    train_score: f64,
    test_cost: Option<f64>,
    test_score: Option<f64>,
}

/// Iterations travel as JavaScript numbers; below zero or NaN is 0.
fn iteration_of(n: f64) -> u64 {
    n as u64
}

#[wasm_bindgen]
impl Playground {
    /// Rows so far: one per full-batch update, and one per `step` call, until a long run's
    /// old rows are merged to stay within the history's memory budget.
    #[wasm_bindgen(js_name = historyLength)]
    pub fn history_length(&self) -> usize {
        self.run.trainer().history().len()
    }

    /// The iteration of record `index`, or `undefined` past the end.
    #[wasm_bindgen(js_name = historyIteration)]
    pub fn history_iteration(&self, index: usize) -> Option<f64> {
        let iterations = self.run.trainer().history().iterations();
        iterations.get(index).map(|&i| i as f64)
    }

    /// Whether the history has test columns (there is a test set).
    #[wasm_bindgen(js_name = historyHasTest)]
    pub fn history_has_test(&self) -> bool {
        self.run.trainer().history().has_test()
    }

    /// What the score columns hold: "accuracy", or "rmse" for regression.
    #[wasm_bindgen(js_name = historyScoreName)]
    pub fn history_score_name(&self) -> String {
        let task = self.run.trainer().network().task();
        task.score_name().to_string()
    }

    /// The min and max of `column` over iterations `from..=to` cut into `buckets` equal
    /// spans (see `History::envelope_over_iterations`), as [min0, max0, min1, max1, …] with
    /// NaN for a span without records; returns the number of values. Read them with
    /// `new Float64Array(memory.buffer, envelopePtr(), length)`.
    #[wasm_bindgen(js_name = computeEnvelope)]
    pub fn compute_envelope(
        &mut self,
        column: &str,
        from: f64,
        to: f64,
        buckets: usize,
    ) -> Result<usize, JsError> {
        let column = column_named(column)?;
        let history = self.run.trainer().history();
        let range = iteration_of(from)..=iteration_of(to);
        let spans = history.envelope_over_iterations(column, range, buckets.min(MAX_BUCKETS));
        self.envelope.clear();
        for span in spans {
            let (min, max) = span.map_or((f64::NAN, f64::NAN), |s| (s.min, s.max));
            self.envelope.extend([min, max]);
        }
        Ok(self.envelope.len())
    }

    /// The record of the last iteration recorded at or before `iteration`, as
    /// { iteration, trainCost, trainScore, testCost?, testScore? }; `undefined` before the
    /// first. For a chart's hover readout and the table of costs.
    #[wasm_bindgen(js_name = historyAt)]
    pub fn history_at(&self, iteration: f64) -> Result<JsValue, JsError> {
        let history = self.run.trainer().history();
        let after = history.index_of_iteration(iteration_of(iteration).saturating_add(1));
        let Some(record) = after.checked_sub(1).and_then(|i| history.get(i)) else {
            return Ok(JsValue::UNDEFINED);
        };
        let row = RecordRow {
            iteration: record.iteration as f64,
            train_cost: record.train.cost,
            train_score: record.train.score,
            test_cost: record.test.map(|t| t.cost),
            test_score: record.test.map(|t| t.score),
        };
        crate::to_js(&row)
    }

    #[wasm_bindgen(js_name = envelopePtr)]
    pub fn envelope_ptr(&self) -> *const f64 {
        self.envelope.as_ptr()
    }
}
