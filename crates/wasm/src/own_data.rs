//! Runs on the reader's own points (drawn on the page or read from CSV by the files module).

use crate::Playground;
use neuranim_core::dataset::{FlatPoints, MAX_POINTS};
use neuranim_core::output::MAX_CLASSES;
use neuranim_core::{Bounds, Dataset, RecordedRun, Session, Settings, Task};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// A run of `settings` on these points: x1, x2 pairs, their labels (class indices, or
    /// values when `classes` is 0), plotted over `bounds` [x1_min, x1_max, x2_min, x2_max].
    /// With `params` (which must fit the settings' network) training starts from them
    /// rather than from the initialiser.
    #[wasm_bindgen(js_name = withData)]
    pub fn with_data(
        settings: JsValue,
        points: &[f64],
        labels: &[f64],
        classes: usize,
        bounds: &[f64],
        params: Option<Vec<f64>>,
    ) -> Result<Playground, JsError> {
        crate::panic::install_hook();
        let settings: Settings = crate::from_js(settings)?;
        let data = dataset(points, labels, classes, bounds).map_err(|e| JsError::new(&e))?;
        let mut network = settings
            .initial_network(&data)
            .map_err(|e| JsError::new(&e))?;
        if let Some(params) =
            params.filter(|p| p.len() == network.params().len() && p.iter().all(|v| v.is_finite()))
        {
            network.params_mut().copy_from_slice(&params);
        }
        let session = Session::new(settings, data, Some(network)).map_err(|e| JsError::new(&e))?;
        crate::within_a_frame(&session)?;
        Ok(Playground::of_run(RecordedRun::new(session)))
    }

    /// Every point of the data set, before the test split, as x1, x2 pairs.
    #[wasm_bindgen(js_name = dataPoints)]
    pub fn data_points(&self) -> Vec<f64> {
        self.run
            .session
            .data
            .points
            .iter()
            .flatten()
            .copied()
            .collect()
    }

    #[wasm_bindgen(js_name = dataLabels)]
    pub fn data_labels(&self) -> Vec<f64> {
        self.run.session.data.labels.clone()
    }

    /// The classes the labels name (2 for binary), or 0 for regression.
    #[wasm_bindgen(js_name = dataClasses)]
    pub fn data_classes(&self) -> usize {
        self.run.session.data.task.class_count().unwrap_or(0)
    }

    /// Whether the points are the reader's own rather than those the settings generate.
    #[wasm_bindgen(js_name = isOwnData)]
    pub fn is_own_data(&self) -> bool {
        self.run.session.data != self.run.session.settings.data()
    }
}

fn dataset(
    points: &[f64],
    labels: &[f64],
    classes: usize,
    bounds: &[f64],
) -> Result<Dataset, String> {
    if points.len() != 2 * labels.len() {
        return Err(format!(
            "{} coordinates for {} labels",
            points.len(),
            labels.len()
        ));
    }
    if labels.is_empty() {
        return Err("there are no points to train on: add some".into());
    }
    if labels.len() > MAX_POINTS {
        return Err(format!(
            "{} points; a run trains on at most {MAX_POINTS}",
            labels.len()
        ));
    }
    let task = match classes {
        0 => Task::Regression,
        k if k <= MAX_CLASSES => Task::classification(k),
        k => return Err(format!("{k} classes; at most {MAX_CLASSES}")),
    };
    if let Some(i) = labels.iter().position(|&y| !task.accepts(y)) {
        return Err(format!(
            "point {}: label {} is not one of the {classes} classes",
            i + 1,
            labels[i]
        ));
    }
    if points.iter().chain(labels).any(|v| !v.is_finite()) {
        return Err("every coordinate and label must be a finite number".into());
    }
    let [x1_min, x1_max, x2_min, x2_max] =
        <[f64; 4]>::try_from(bounds).map_err(|_| "bounds: four numbers".to_string())?;
    if !(x1_min < x1_max && x2_min < x2_max) {
        return Err("bounds: each minimum must be below its maximum".into());
    }
    Ok(Dataset {
        points: points.chunks_exact(2).map(|p| [p[0], p[1]]).collect(),
        labels: labels.to_vec(),
        task,
        bounds: Bounds {
            x1_min,
            x1_max,
            x2_min,
            x2_max,
        },
    })
}

/// A data set as a picker's thumbnail shows it: its points (x1, x2 pairs), labels, classes
/// (0 for regression) and plotting bounds, generated from `seed` at its own noise.
#[wasm_bindgen(js_name = datasetPreview)]
pub fn dataset_preview(name: &str, seed: u32) -> Result<JsValue, JsError> {
    let settings = Settings {
        dataset: neuranim_core::DatasetName::ALL
            .into_iter()
            .find(|d| d.name() == name)
            .ok_or_else(|| {
                JsError::new(&format!("no data set {}", neuranim_core::excerpt(name)))
            })?,
        seed,
        ..Settings::default()
    };
    crate::to_js(&FlatPoints::of(settings.data()))
}
