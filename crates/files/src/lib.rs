//! What the page needs only when a reader opens or saves a file: run files and weights files
//! read and written as JSON, CSV points read and written, animated GIFs encoded. The page
//! loads this module on first use, so that its start fetches only the training module
//! (`neuranim-wasm`), which takes and gives runs as plain JavaScript values.
//!
//! A run read here comes out as the value `Playground.fromRun` takes, every number exact;
//! a bad file is refused with a message naming what is wrong and where.

mod gif_writer;

use neuranim_core::dataset::{parse_csv_inferring, points_to_csv, FlatPoints, MAX_POINTS};
use neuranim_core::{RunFile, WeightsFile};
use serde::Serialize;
use wasm_bindgen::prelude::*;

pub use gif_writer::GifWriter;

/// A run file's text read and checked; the value `Playground.fromRun` restores.
#[wasm_bindgen(js_name = readRun)]
pub fn read_run(text: &str) -> Result<JsValue, JsError> {
    let file = RunFile::parse(text).map_err(|e| JsError::new(&e))?;
    // Counts beyond 2^53 cross as BigInts, so that restoring refuses them by field, as it
    // does any count beyond a run's reach, rather than this crossing with no field named.
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    file.serialize(&serializer)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The text of a run file, from the value `Playground.runFile` gives.
#[wasm_bindgen(js_name = writeRun)]
pub fn write_run(run: JsValue) -> Result<String, JsError> {
    let file: RunFile = from_value(run)?;
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
