//! The help texts. Ranges and limits are written from the constants that enforce them.

use crate::files::MAX_INPUT_SIZE;
use crate::values::{dataset_names, range_text};
use neuranim_core::dataset::{MAX_COORDINATE, MAX_LABEL};
use neuranim_core::output::MAX_CLASSES;
use neuranim_core::settings::schema;
use neuranim_core::weights::MAX_WEIGHT;
use neuranim_core::Settings;

/// What running with no arguments prints.
pub const SHORT: &str =
    "Usage: neuranim dataset|train|help [OPTIONS]; see 'neuranim --help' for the options";

const INTRO: &str = "\
neuranim: generate 2-D data sets and train small neural networks on them

Usage:
  neuranim dataset NAME [--seed S] [--noise N] [--out FILE]
  neuranim train [OPTIONS]
  neuranim help [dataset|train]
  neuranim --version
";

const EXIT: &str = "\
Exit status: 0 done, 1 an output could not be written, 2 bad arguments or input
(nothing is written), 3 training diverged (the rows before it are printed).
";

fn noise() -> String {
    format!("noise level, {}", range_text(schema::NOISE))
}

fn dataset_text() -> String {
    format!(
        "\
neuranim dataset NAME [--seed S] [--noise N] [--out FILE]
  Writes the generated data set NAME as CSV with the header x1,x2,label.
  --seed S          data seed, 0 to {seed_max} (default {seed})
  --noise N         {noise} (default: the data set's own)
  --out FILE        write to FILE instead of stdout (replaced whole, or left as it was)
",
        seed_max = u32::MAX,
        noise = noise(),
        seed = Settings::default().seed,
    )
}

fn train_text() -> String {
    // The defaults as the core has them, so that help and behaviour never part.
    let defaults = Settings::default();
    format!(
        "\
neuranim train [OPTIONS]
  Trains and prints CSV on stdout: iteration,cost,accuracy (rmse for regression),
  one row for each iteration from 0 (before any update) to N (after N updates).
  --data FILE.csv        train on an x1,x2,label file (labels 0 and 1 unless:)
    --classes K          labels are classes 0 to K-1 (K from 2 to {MAX_CLASSES})
    --regression         labels are real values
  --dataset NAME         train on a generated data set (default {dataset})
  --noise N              {noise} (default: the data set's own)
  --seed S               seeds the data, initial weights, batch order and test split,
                         0 to {seed_max} (default {seed})
  --hidden 4[,3,...]     hidden layer sizes, {sizes} each, at most {layers} layers; none
                         for no hidden layer (logistic regression)
                         (default {hidden})
  --activation NAME      tanh, sigmoid, relu or linear (default {activation})
  --init NAME|FILE.json  course, xavier, he, or a weights file whose layers also
                         fix the hidden sizes (default {init})
  --lr RATE              learning rate, {lr} (default {learning_rate})
  --iterations N         number of updates, any whole number (default 10000)
  --batch full|N         examples per update, {batch} (default full)
  --optimizer NAME       gd, momentum or adam (default {optimizer})
  --l2 RATE | --l1 RATE  weight penalty, {rate} (default none)
  --test-ratio R         share of points held out, {ratio} (default {test_ratio}); rows
                         show the training set's metrics
  --weights-out FILE     write the final weights as JSON (the last finite ones if
                         training diverges); never one of the input files

Input files (--data, --init) hold at most {MAX_INPUT_SIZE}. A CSV's coordinates lie
within ±{MAX_COORDINATE:e} and its regression labels within ±{MAX_LABEL:e}; a weights file's
values lie within ±{MAX_WEIGHT:e}. Anything beyond is refused with its line and field.
Outputs are written whole through a new file beside them, or left as they were.
",
        noise = noise(),
        seed_max = u32::MAX,
        sizes = range_text(schema::LAYER_SIZE),
        layers = schema::MAX_LAYERS,
        lr = range_text(schema::LEARNING_RATE),
        batch = range_text(schema::BATCH_SIZE),
        rate = range_text(schema::REGULARIZATION_RATE),
        ratio = range_text(schema::TEST_RATIO),
        dataset = defaults.dataset.name(),
        seed = defaults.seed,
        hidden = defaults
            .hidden
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(","),
        activation = defaults.activation.name(),
        init = defaults.init.name(),
        learning_rate = defaults.learning_rate,
        optimizer = defaults.optimizer.name(),
        test_ratio = defaults.test_ratio,
    )
}

fn data_sets() -> String {
    let mut text = String::from("Data sets (NAME):\n ");
    let mut width = 1;
    for name in dataset_names().split(' ') {
        if width + 1 + name.len() > 78 {
            text.push_str("\n ");
            width = 1;
        }
        text.push(' ');
        text.push_str(name);
        width += 1 + name.len();
    }
    text.push('\n');
    text
}

pub fn main() -> String {
    format!(
        "{INTRO}\n{}\n{}\n{}\n{EXIT}",
        dataset_text(),
        train_text(),
        data_sets()
    )
}

pub fn dataset() -> String {
    format!("Usage: {}\n{}", dataset_text(), data_sets())
}

pub fn train() -> String {
    format!("Usage: {}\n{}\n{EXIT}", train_text(), data_sets())
}
