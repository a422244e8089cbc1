//! The help texts.

use crate::values::dataset_names;

const INTRO: &str = "\
neuranim: generate 2-D data sets and train small neural networks on them

Usage:
  neuranim dataset NAME [--seed S] [--noise N] [--out FILE]
  neuranim train [OPTIONS]
  neuranim help [dataset|train]
  neuranim --version
";

const DATASET: &str = "\
neuranim dataset NAME [--seed S] [--noise N] [--out FILE]
  Writes the generated data set NAME as CSV with the header x1,x2,label.
  --seed S          data seed (default 1)
  --noise N         noise level (default: the data set's own)
  --out FILE        write to FILE instead of stdout
";

const TRAIN: &str = "\
neuranim train [OPTIONS]
  Trains and prints CSV on stdout: iteration,cost,accuracy (rmse for regression),
  one row for each iteration from 0 (before any update) to N (after N updates).
  --data FILE.csv        train on an x1,x2,label file (labels 0 and 1 unless:)
    --classes K          labels are classes 0 to K-1 (K from 2 to 8)
    --regression         labels are real values
  --dataset NAME         train on a generated data set (default flower)
  --noise N              noise of the generated data set (default: its own)
  --seed S               seeds the data, initial weights, batch order and test split
                         (default 1)
  --hidden 4[,3,...]     hidden layer sizes (default 4)
  --activation NAME      tanh, sigmoid, relu or linear (default tanh)
  --init NAME|FILE.json  course, xavier, he, or a weights file whose layers also
                         fix the hidden sizes (default course)
  --lr RATE              learning rate (default 1.2)
  --iterations N         number of updates (default 10000)
  --batch full|N         examples per update (default full)
  --optimizer NAME       gd, momentum or adam (default gd)
  --l2 RATE | --l1 RATE  weight penalty (default none)
  --test-ratio R         share of points held out, 0 to 0.9 (default 0); rows show
                         the training set's metrics
  --weights-out FILE     write the final weights as JSON (the last finite ones if
                         training diverges)
";

const EXIT: &str = "\
Exit status: 0 done, 1 an output could not be written, 2 bad arguments or input
(nothing is written), 3 training diverged (the rows before it are printed).
";

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
    format!("{INTRO}\n{DATASET}\n{TRAIN}\n{}\n{EXIT}", data_sets())
}

pub fn dataset() -> String {
    format!("Usage: {DATASET}\n{}", data_sets())
}

pub fn train() -> String {
    format!("Usage: {TRAIN}\n{}\n{EXIT}", data_sets())
}
