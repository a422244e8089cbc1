//! `train`'s options, each checked alone and then against the others.

use crate::args::{Arg, Args};
use crate::error::CliError;
use crate::values::{self, InitSource};
use neuranim_core::settings::RegularizationKind;
use neuranim_core::{DatasetName, Settings, Task};

#[derive(Debug)]
pub enum DataSource {
    Generated {
        name: DatasetName,
        noise: Option<f64>,
    },
    File {
        path: String,
        task: Task,
    },
}

#[derive(Debug)]
pub struct TrainOptions {
    pub data: DataSource,
    /// Everything but the data, the initialiser and, with a weights file, the hidden sizes.
    pub settings: Settings,
    /// `--hidden` as given; a weights file must then agree with it.
    pub hidden: Option<Vec<usize>>,
    pub init: InitSource,
    pub iterations: u64,
    pub weights_out: Option<String>,
}

impl TrainOptions {
    /// The files read, beside the option that names each.
    pub fn input_files(&self) -> Vec<(&'static str, &str)> {
        let mut inputs = Vec::new();
        if let DataSource::File { path, .. } = &self.data {
            inputs.push(("--data", path.as_str()));
        }
        if let InitSource::File(path) = &self.init {
            inputs.push(("--init", path.as_str()));
        }
        inputs
    }
}

/// Options as given, before they are checked against each other.
#[derive(Default)]
struct Given {
    data: Option<String>,
    dataset: Option<DatasetName>,
    noise: Option<f64>,
    classes: Option<usize>,
    regression: bool,
    penalty: Option<(String, RegularizationKind, f64)>,
    activation: bool,
}

impl Given {
    fn penalty(
        &mut self,
        flag: &str,
        kind: RegularizationKind,
        rate: &str,
    ) -> Result<(), CliError> {
        if let Some((other, ..)) = &self.penalty {
            return Err(CliError::input(format!(
                "{other} and {flag} cannot be used together"
            )));
        }
        self.penalty = Some((flag.to_string(), kind, values::penalty_rate(flag, rate)?));
        Ok(())
    }
}

pub fn parse(mut args: Args) -> Result<TrainOptions, CliError> {
    let mut given = Given::default();
    let mut options = TrainOptions {
        data: DataSource::Generated {
            name: DatasetName::Flower,
            noise: None,
        },
        settings: Settings::default(),
        hidden: None,
        init: InitSource::Named(Settings::default().init),
        iterations: 10_000,
        weights_out: None,
    };
    let settings = &mut options.settings;
    while let Some(arg) = args.next_arg()? {
        let flag = match arg {
            Arg::Flag(flag) => flag,
            Arg::Word(word) => return Err(args.unexpected_word(&word)),
        };
        let f = flag.as_str();
        match f {
            "--regression" => given.regression = true,
            "--data" => given.data = Some(args.value(f)?),
            "--dataset" => given.dataset = Some(values::dataset(&args.value(f)?)?),
            "--noise" => given.noise = Some(values::noise(f, &args.value(f)?)?),
            "--classes" => given.classes = Some(values::classes(f, &args.value(f)?)?),
            "--l1" => given.penalty(f, RegularizationKind::L1, &args.value(f)?)?,
            "--l2" => given.penalty(f, RegularizationKind::L2, &args.value(f)?)?,
            "--seed" => settings.seed = values::seed(f, &args.value(f)?)?,
            "--hidden" => options.hidden = Some(values::hidden(f, &args.value(f)?)?),
            "--activation" => {
                settings.activation = values::activation(f, &args.value(f)?)?;
                given.activation = true;
            }
            "--init" => options.init = values::init(&args.value(f)?),
            "--lr" => settings.learning_rate = values::learning_rate(f, &args.value(f)?)?,
            "--iterations" => options.iterations = values::iterations(f, &args.value(f)?)?,
            "--batch" => settings.batch_size = values::batch(f, &args.value(f)?)?,
            "--optimizer" => settings.optimizer = values::optimizer(f, &args.value(f)?)?,
            "--test-ratio" => settings.test_ratio = values::test_ratio(f, &args.value(f)?)?,
            "--weights-out" => options.weights_out = Some(args.value(f)?),
            _ => return Err(args.unknown_flag(f)),
        }
    }
    if let Some(hidden) = &options.hidden {
        // The activation is the hidden layers'; the output's follows from the task.
        if hidden.is_empty() && given.activation {
            return Err(CliError::input(
                "--activation sets the hidden layers' activation, and --hidden none has none \
                 (the output's follows from the task)",
            ));
        }
        options.settings.hidden = hidden.clone();
    }
    if let Some((_, kind, rate)) = given.penalty {
        options.settings.regularization = kind;
        options.settings.regularization_rate = rate;
    }
    options.data = data_source(given)?;
    Ok(options)
}

fn data_source(given: Given) -> Result<DataSource, CliError> {
    let conflict =
        |a: &str, b: &str| CliError::input(format!("{a} and {b} cannot be used together"));
    let Some(path) = given.data else {
        if given.classes.is_some() || given.regression {
            let flag = if given.regression {
                "--regression"
            } else {
                "--classes"
            };
            return Err(CliError::input(format!(
                "{flag} describes the labels of --data; a generated data set has its own"
            )));
        }
        return Ok(DataSource::Generated {
            name: given.dataset.unwrap_or(DatasetName::Flower),
            noise: given.noise,
        });
    };
    if given.dataset.is_some() {
        return Err(conflict("--data", "--dataset"));
    }
    if given.noise.is_some() {
        return Err(CliError::input(
            "--noise applies to a generated data set, not to --data",
        ));
    }
    let task = match (given.classes, given.regression) {
        (Some(_), true) => return Err(conflict("--classes", "--regression")),
        (Some(k), false) => Task::classification(k),
        (None, true) => Task::Regression,
        (None, false) => Task::Binary,
    };
    Ok(DataSource::File { path, task })
}
