//! What the page needs only when a reader opens or saves a file: run files and weights files
//! read and written as JSON, CSV points read and written, animated GIFs encoded. The page
//! loads this module on first use, so that its start fetches only the training module
//! (`neuranim-wasm`), which takes and gives runs as plain JavaScript values.
//!
//! A run read here comes out as its settings and its tape (`RunFile::tape`), which
//! `Playground.fromRun` takes, every number exact; a bad file is refused with a message
//! naming what is wrong and where.

mod gif_writer;

use neuranim_core::dataset::{parse_csv_inferring, points_to_csv, FlatPoints, MAX_POINTS};
use neuranim_core::{RunFile, WeightsFile};
use wasm_bindgen::prelude::*;

pub use gif_writer::GifWriter;

/// A run file's text read and checked: `{ settings, tape }` (a `Float64Array`), which
/// `Playground.fromRun(settings, tape)` restores.
#[wasm_bindgen(js_name = readRun)]
pub fn read_run(text: &str) -> Result<JsValue, JsError> {
    let file = RunFile::parse(text).map_err(|e| JsError::new(&e))?;
    let run = js_sys::Object::new();
    let tape = js_sys::Float64Array::from(file.tape().as_slice());
    for (key, value) in [
        ("settings", to_value(&file.settings)?),
        ("tape", tape.into()),
    ] {
        js_sys::Reflect::set(&run, &key.into(), &value).map_err(|_| JsError::new(key))?;
    }
    Ok(run.into())
}

/// The text of a run file, from a run's settings and tape (`Playground.coreSettings` and
/// `Playground.runTape`).
#[wasm_bindgen(js_name = writeRun)]
pub fn write_run(settings: JsValue, tape: &[f64]) -> Result<String, JsError> {
    let file = RunFile::from_tape(from_value(settings)?, tape).map_err(|e| JsError::new(&e))?;
    Ok(file.to_json())
}

/// The text of a weights file (the CLI's `--weights-out` format), from the value
/// `Playground.weightsFile` gives.
#[wasm_bindgen(js_name = writeWeights)]
pub fn write_weights(weights: JsValue) -> Result<String, JsError> {
    let file: WeightsFile = from_value(weights)?;
    Ok(file.to_json())
}

/// The most points a run trains on.
#[wasm_bindgen(js_name = maxPoints)]
pub fn max_points() -> usize {
    MAX_POINTS
}

/// Reads `x1,x2,label` CSV; the task follows the labels. An error names the line and field.
#[wasm_bindgen(js_name = readCsv)]
pub fn read_csv(text: &str) -> Result<JsValue, JsError> {
    let data = parse_csv_inferring(text).map_err(|e| JsError::new(&e.to_string()))?;
    if data.labels.len() > MAX_POINTS {
        return Err(JsError::new(&format!(
            "{} points; a run trains on at most {MAX_POINTS}",
            data.labels.len()
        )));
    }
    to_value(&FlatPoints::of(data))
}

/// Points (x1, x2 pairs) and their labels as `x1,x2,label` CSV.
#[wasm_bindgen(js_name = writeCsv)]
pub fn write_csv(points: &[f64], labels: &[f64]) -> String {
    let pairs: Vec<[f64; 2]> = points.chunks_exact(2).map(|p| [p[0], p[1]]).collect();
    points_to_csv(&pairs, labels)
}

fn to_value<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    serde_wasm_bindgen::to_value(value).map_err(|e| JsError::new(&e.to_string()))
}

fn from_value<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&e.to_string()))
}
