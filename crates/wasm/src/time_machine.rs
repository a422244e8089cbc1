//! The time machine's handle: show any past iteration exactly (`seek`), return to the live
//! run, or train on from the iteration shown (`continueFromHere`). While a past iteration
//! is shown, `snapshot()`, the rasters, `params()` and `weightsJson()` describe it; the
//! history (the chart) stays the whole run's.

use crate::snapshot::Snapshot;
use crate::Playground;
use neuranim_core::{RecordedRun, Trainer};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// Shows the weights the run had after `iteration` updates (the live run's from there
    /// on); returns the iteration shown.
    pub fn seek(&mut self, iteration: f64) -> Result<f64, JsError> {
        if !(iteration.is_finite() && iteration >= 0.0) {
            return Err(JsError::new(
                "the iteration to show must be a whole number ≥ 0",
            ));
        }
        let target = (iteration as u64).clamp(
            self.run.timeline().first_iteration(),
            self.run.trainer().iteration(),
        );
        if target == self.run.trainer().iteration() {
            self.viewing = None;
        } else {
            self.run
                .seek(target)
                .map_err(|d| JsError::new(&d.to_string()))?;
            self.viewing = Some(target);
        }
        Ok(target as f64)
    }

    /// Back to the live run.
    #[wasm_bindgen(js_name = goLive)]
    pub fn go_live(&mut self) {
        self.viewing = None;
    }

    /// Whether a past iteration is shown.
    #[wasm_bindgen(js_name = isViewingPast)]
    pub fn is_viewing_past(&self) -> bool {
        self.viewing.is_some()
    }

    /// Makes the iteration shown the live one: everything recorded after it is forgotten.
    #[wasm_bindgen(js_name = continueFromHere)]
    pub fn continue_from_here(&mut self) -> Result<(), JsError> {
        if let Some(target) = self.viewing.take() {
            self.run
                .continue_from(target)
                .map_err(|d| JsError::new(&d.to_string()))?;
        }
        Ok(())
    }

    /// Memory held by the history and the keyframes, in bytes.
    #[wasm_bindgen(js_name = recordingBytes)]
    pub fn recording_bytes(&self) -> f64 {
        self.run.heap_bytes() as f64
    }
}

/// The trainer whose weights are shown: the replayed one while `viewing` a past iteration.
pub(crate) fn shown(run: &RecordedRun, viewing: Option<u64>) -> &Trainer {
    match viewing {
        Some(_) => run.replayed().unwrap_or(run.trainer()),
        None => run.trainer(),
    }
}

impl Playground {
    pub(crate) fn shown(&self) -> &Trainer {
        shown(&self.run, self.viewing)
    }

    pub(crate) fn shown_snapshot(&mut self) -> Snapshot {
        let live = [
            self.run.timeline().first_iteration(),
            self.run.trainer().iteration(),
        ];
        if self.viewing.is_some() {
            let record = self.run.replayed_metrics();
            if let Some(replayed) = self.run.replayed() {
                return Snapshot::of(replayed, record, live);
            }
        }
        let trainer = &mut self.run.session.trainer;
        let record = if trainer.divergence().is_none() {
            trainer.record().ok()
        } else {
            trainer.history().last()
        };
        Snapshot::of(trainer, record, live)
    }
}
