//! The settings' schema: for every field of `Settings`, its name, label, kind, range,
//! default and when a change of it takes effect. It is the one statement of these: the page
//! builds its controls and its link reader from it (as `www/js/settings-schema.js`, which a
//! test keeps equal to `js_module()`), the command line's help reads its defaults, and
//! `Settings::checked` brings any value into its range by it.

use super::Settings;
use crate::activation::Activation;
use crate::dataset::DatasetName;
use crate::features::Feature;
use crate::init::Initializer;
use crate::optimizer::Optimizer;
use serde::Serialize;

/// The smallest and largest value of a number.
pub type Range = (f64, f64);

pub const NOISE: Range = (0.0, 2.0);
pub const TEST_RATIO: Range = (0.0, 0.9);
pub const LEARNING_RATE: Range = (1e-6, 100.0);

/// `rate` brought into `LEARNING_RATE`: what a run trains with, whatever it was asked.
pub fn learning_rate_within(rate: f64) -> f64 {
    rate.clamp(LEARNING_RATE.0, LEARNING_RATE.1)
}
pub const REGULARIZATION_RATE: Range = (0.0, 10.0);
pub const SEED: Range = (0.0, u32::MAX as f64);
/// Examples per mini-batch.
pub const BATCH_SIZE: Range = (1.0, 10_000.0);
/// Neurons per hidden layer.
pub const LAYER_SIZE: Range = (1.0, 64.0);
pub const MAX_LAYERS: usize = 8;

/// How a field's value is written and read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Kind {
    /// One of `options`.
    Choice { options: Vec<&'static str> },
    /// A number in `min..=max`, or (when the default is null) "auto".
    Number { min: f64, max: f64 },
    /// A whole number in `min..=max`.
    Int { min: f64, max: f64 },
    /// Up to `max_layers` whole numbers, each in `min..=max`.
    #[serde(rename_all = "camelCase")]
    Layers {
        max_layers: usize,
        min: f64,
        max: f64,
    },
    /// A non-empty subset of `options`, in their order.
    Features { options: Vec<&'static str> },
    /// A whole number in `min..=max`, or `word`.
    Batch {
        word: &'static str,
        min: f64,
        max: f64,
    },
}

/// When a change of a field takes effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Applies {
    /// A new run starts from iteration 0.
    Restart,
    /// The run goes on; the next update uses the new value.
    NextUpdate,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    #[serde(flatten)]
    pub kind: Kind,
    /// As a link writes it: null for "auto", the word of a batch field for none.
    pub default: serde_json::Value,
    pub applies: Applies,
}

/// Every field of `Settings`, in the order the page shows them.
pub fn fields() -> Vec<Field> {
    let names = |all: &[&'static str]| all.to_vec();
    let choice = |options: Vec<&'static str>| Kind::Choice { options };
    let number = |(min, max): Range| Kind::Number { min, max };
    let defaults = serde_json::to_value(Settings::default()).unwrap_or_default();
    let field = |key, label, kind, applies| {
        let default = match (&kind, &defaults[key]) {
            (Kind::Batch { word, .. }, serde_json::Value::Null) => serde_json::Value::from(*word),
            (_, value) => value.clone(),
        };
        Field {
            key,
            label,
            kind,
            default,
            applies,
        }
    };
    use Applies::{NextUpdate, Restart};
    vec![
        field(
            "dataset",
            "Data set",
            choice(DatasetName::ALL.map(DatasetName::name).to_vec()),
            Restart,
        ),
        field("noise", "Noise", number(NOISE), Restart),
        field("testRatio", "Test share", number(TEST_RATIO), Restart),
        field(
            "seed",
            "Seed",
            Kind::Int {
                min: SEED.0,
                max: SEED.1,
            },
            Restart,
        ),
        field(
            "features",
            "Input features",
            Kind::Features {
                options: Feature::ALL.map(Feature::name).to_vec(),
            },
            Restart,
        ),
        field(
            "hidden",
            "Hidden layers",
            Kind::Layers {
                max_layers: MAX_LAYERS,
                min: LAYER_SIZE.0,
                max: LAYER_SIZE.1,
            },
            Restart,
        ),
        field(
            "activation",
            "Activation",
            choice(Activation::ALL.map(Activation::name).to_vec()),
            Restart,
        ),
        field(
            "init",
            "Initialiser",
            choice(Initializer::ALL.map(Initializer::name).to_vec()),
            Restart,
        ),
        field(
            "learningRate",
            "Learning rate",
            number(LEARNING_RATE),
            NextUpdate,
        ),
        field(
            "batchSize",
            "Batch size",
            Kind::Batch {
                word: "full",
                min: BATCH_SIZE.0,
                max: BATCH_SIZE.1,
            },
            Restart,
        ),
        field(
            "optimizer",
            "Optimizer",
            choice(Optimizer::ALL.map(Optimizer::name).to_vec()),
            Restart,
        ),
        field(
            "regularization",
            "Regularisation",
            choice(names(&["none", "l1", "l2"])),
            Restart,
        ),
        field(
            "regularizationRate",
            "Regularisation rate",
            number(REGULARIZATION_RATE),
            Restart,
        ),
    ]
}

/// The schema as the page's module `www/js/settings-schema.js`: the fields, the noise each
/// data set uses when none is chosen, and the output neurons and classes of each data set's
/// task (0 classes: regression), from which the page lays out its network before the wasm
/// has come.
pub fn js_module() -> String {
    let fields = serde_json::to_string_pretty(&fields()).unwrap_or_default();
    let by_dataset = |value: fn(DatasetName) -> serde_json::Value| {
        let map: serde_json::Map<String, serde_json::Value> = DatasetName::ALL
            .iter()
            .map(|&d| (d.name().to_string(), value(d)))
            .collect();
        serde_json::to_string_pretty(&map).unwrap_or_default()
    };
    let noise = by_dataset(|d| d.default_noise().into());
    let tasks = by_dataset(|d| {
        let task = d.task();
        serde_json::json!({ "outputs": task.output_size(), "classes": task.class_count().unwrap_or(0) })
    });
    format!(
        "// The core's settings schema (crates/core/src/settings/schema.rs), written by\n\
         // `NEURANIM_WRITE_SCHEMA=1 cargo test -p neuranim-core --test settings_schema`;\n\
         // that test fails while this file and the core differ.\n\
         export const CORE_FIELDS = {fields};\n\
         export const DEFAULT_NOISE = {noise};\n\
         export const DATASET_TASKS = {tasks};\n"
    )
}
