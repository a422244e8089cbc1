//! Runs to and from the run file (`neuranim_core::RunFile`): settings, the exact trainer
//! state and, if asked for, the history. They cross as plain JavaScript values; the files
//! module (`neuranim-files`, loaded on first use) reads and writes their JSON text.

use crate::Playground;
use neuranim_core::{RunFile, WeightsFile};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// The live run as a run file's value (`writeRun` of the files module makes its text).
    #[wasm_bindgen(js_name = runFile)]
    pub fn run_file(&self, with_history: bool) -> Result<JsValue, JsError> {
        crate::to_js(&RunFile::of(&self.run, with_history))
    }

    /// A playground restored from a run file's value (`readRun` of the files module reads
    /// one from its text); the error names the field at fault.
    #[wasm_bindgen(js_name = fromRun)]
    pub fn from_run(file: JsValue) -> Result<Playground, JsError> {
        crate::panic::install_hook();
        let file: RunFile =
            serde_wasm_bindgen::from_value(file).map_err(|e| JsError::new(&e.to_string()))?;
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
