//! Runs to and from the JSON run file (`neuranim_core::RunFile`): settings, the exact
//! trainer state and, if asked for, the history.

use crate::Playground;
use neuranim_core::RunFile;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// The live run as a run file.
    #[wasm_bindgen(js_name = runJson)]
    pub fn run_json(&self, with_history: bool) -> String {
        RunFile::of(&self.run, with_history).to_json()
    }

    /// A playground restored from a run file; the error names the field at fault.
    #[wasm_bindgen(js_name = fromRunJson)]
    pub fn from_run_json(text: &str) -> Result<Playground, JsError> {
        crate::panic::install_hook();
        let file = RunFile::parse(text).map_err(|e| JsError::new(&e))?;
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

    /// The run's settings, as the core reads them (camelCase).
    #[wasm_bindgen(js_name = coreSettings)]
    pub fn core_settings(&self) -> Result<JsValue, JsError> {
        serde_wasm_bindgen::to_value(&self.run.session.settings)
            .map_err(|e| JsError::new(&e.to_string()))
    }
}
