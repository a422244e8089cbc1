//! The time machine's handle: show any past iteration exactly (`seek`, or `seekWithin` a
//! time budget per frame), return to the live run, or train on from the iteration shown
//! (`continueFromHere`). While a past iteration is shown, `snapshot()`, the rasters,
//! `params()` and `weightsJson()` describe it; the history (the chart) stays the whole run's.

use crate::snapshot::Snapshot;
use crate::Playground;
use neuranim_core::{RecordedRun, Trainer};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// Shows the weights the run had after `iteration` updates (the live run's from there
    /// on); returns the iteration shown. The whole replay happens in this call.
    pub fn seek(&mut self, iteration: f64) -> Result<f64, JsError> {
        let target = self.target_of(iteration)?;
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

    /// Like `seek`, but replays for about `budgetMs` milliseconds at most, as measured by
    /// `clock` (`() => performance.now()`), and at least one update; returns whether
    /// `iteration` (clamped as `seek` clamps it) is now shown. If not, call it again, say next
    /// frame, with the same iteration: it goes on where it stopped. Meanwhile, if the live
    /// run was shown it stays shown; if a past iteration was, the replay's current iteration
    /// is (an exact past state on the way to the target; `snapshot().iteration` says which).
    #[wasm_bindgen(js_name = seekWithin)]
    pub fn seek_within(
        &mut self,
        iteration: f64,
        budget_ms: f64,
        clock: &js_sys::Function,
    ) -> Result<bool, JsError> {
        let target = self.target_of(iteration)?;
        if target == self.run.trainer().iteration() {
            self.viewing = None;
            return Ok(true);
        }
        let now = || -> Result<f64, JsError> {
            let ms = clock.call0(&JsValue::NULL).ok().and_then(|v| v.as_f64());
            ms.filter(|ms| ms.is_finite())
                .ok_or_else(|| JsError::new("the clock must return a time in milliseconds"))
        };
        let start = now()?;
        self.run.begin_seek(target);
        let replay_start = now()?;
        let (mut replayed, mut chunk) = (0, 1);
        let done = loop {
            let done = self.run.continue_seek(chunk);
            if done.map_err(|d| JsError::new(&d.to_string()))? {
                break true;
            }
            replayed += chunk;
            let time = now()?;
            // The next chunk is what the time left allows at the pace measured so far, so a
            // call ends at most about one update past its budget; at most twice the updates
            // done, in case the clock is too coarse to have seen them take any time.
            let per_update = (time - replay_start) / replayed as f64;
            let left = budget_ms - (time - start);
            if left < per_update {
                break false;
            }
            chunk = ((left / per_update) as u64).clamp(1, 2 * replayed);
        };
        if done {
            self.viewing = Some(target);
        } else if self.viewing.is_some() {
            self.viewing = self.run.replayed().map(|r| r.iteration());
        }
        Ok(done)
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

impl Playground {
    /// The iteration a seek to `iteration` shows: clamped to the timeline.
    fn target_of(&self, iteration: f64) -> Result<u64, JsError> {
        if !(iteration.is_finite() && iteration >= 0.0) {
            return Err(JsError::new(
                "the iteration to show must be a whole number ≥ 0",
            ));
        }
        Ok((iteration as u64).clamp(
            self.run.timeline().first_iteration(),
            self.run.trainer().iteration(),
        ))
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

    pub(crate) fn shown_snapshot(&mut self, measure: bool) -> Snapshot {
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
        let record = match measure && self.run.trainer().divergence().is_none() {
            true => self.run.record().inspect_err(|_| self.recover()).ok(),
            false => None,
        };
        let record = record.or_else(|| self.run.trainer().history().last());
        let mut snapshot = Snapshot::of(self.run.trainer(), record, live);
        snapshot.diverged = snapshot.diverged.or_else(|| self.recovered.clone());
        snapshot
    }
}
