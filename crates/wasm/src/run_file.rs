//! Runs to and from the run file (`neuranim_core::RunFile`): settings, the exact trainer
//! state and, if asked for, the history. A run crosses as its settings (`coreSettings`) and
//! its tape, every other number in one `Float64Array` (`RunFile::tape`); the files module
//! (`neuranim-files`, loaded on first use) reads and writes the JSON text, so that this
//! module carries no JSON and no deserialiser for the file.

use crate::Playground;
use neuranim_core::{RunFile, WeightsFile};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// The live run's tape, with its history if asked for: with `coreSettings`, what
    /// `writeRun` of the files module makes a run file of.
    #[wasm_bindgen(js_name = runTape)]
    pub fn run_tape(&self, with_history: bool) -> Vec<f64> {
        RunFile::of(&self.run, with_history).tape()
    }

    /// A playground restored from a run's settings and tape (`readRun` of the files module
    /// reads them from a file's text); the error names the field at fault.
    #[wasm_bindgen(js_name = fromRun)]
    pub fn from_run(settings: JsValue, tape: &[f64]) -> Result<Playground, JsError> {
        crate::panic::install_hook();
        let file =
            RunFile::from_tape(crate::from_js(settings)?, tape).map_err(|e| JsError::new(&e))?;
        let run = file.restore().map_err(|e| JsError::new(&e))?;
        crate::within_a_frame(&run.session)?;
        let mut playground = Playground::of_run(run);
        playground.notices = file.notices();
        Ok(playground)
    }

    /// What opening the run file changed to bring its values into range.
    #[wasm_bindgen(js_name = openNotices)]
    pub fn open_notices(&self) -> Vec<String> {
        self.notices.clone()
    }

    /// The current network's weights file's value (`writeWeights` of the files module makes
    /// its text).
    #[wasm_bindgen(js_name = weightsFile)]
    pub fn weights_file(&self) -> Result<JsValue, JsError> {
        crate::to_js(&WeightsFile::of(self.shown().network()))
    }

    /// The run's settings, as the core reads them (camelCase).
    #[wasm_bindgen(js_name = coreSettings)]
    pub fn core_settings(&self) -> Result<JsValue, JsError> {
        crate::to_js(&self.run.session.settings)
    }
}
