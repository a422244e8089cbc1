//! Option values turned into settings, each refusal naming the option and what it accepts.

use crate::error::CliError;
use neuranim_core::network::{MAX_HIDDEN_LAYERS, MAX_LAYER_SIZE};
use neuranim_core::output::MAX_CLASSES;
use neuranim_core::{Activation, DatasetName, Initializer, Optimizer};

pub fn dataset_names() -> String {
    let names: Vec<&str> = DatasetName::ALL.iter().map(|d| d.name()).collect();
    names.join(", ")
}

pub fn dataset(text: &str) -> Result<DatasetName, CliError> {
    DatasetName::from_name(text).ok_or_else(|| {
        CliError::input(format!(
            "unknown data set '{text}'; expected one of {}",
            dataset_names()
        ))
    })
}

pub fn activation(flag: &str, text: &str) -> Result<Activation, CliError> {
    Activation::from_name(text).ok_or_else(|| {
        CliError::input(format!(
            "{flag}: unknown activation '{text}'; expected tanh, sigmoid, relu or linear"
        ))
    })
}

pub fn optimizer(flag: &str, text: &str) -> Result<Optimizer, CliError> {
    Optimizer::from_name(text).ok_or_else(|| {
        CliError::input(format!(
            "{flag}: unknown optimizer '{text}'; expected gd, momentum or adam"
        ))
    })
}

/// How the first weights are chosen: a named initialiser, or a weights file to read.
#[derive(Clone, Debug, PartialEq)]
pub enum InitSource {
    Named(Initializer),
    File(String),
}

pub fn init(text: &str) -> InitSource {
    match Initializer::from_name(text) {
        Some(i) => InitSource::Named(i),
        None => InitSource::File(text.to_string()),
    }
}

pub fn seed(flag: &str, text: &str) -> Result<u32, CliError> {
    text.parse().map_err(|_| {
        CliError::input(format!(
            "{flag}: '{text}' is not a whole number from 0 to {}",
            u32::MAX
        ))
    })
}

pub fn iterations(flag: &str, text: &str) -> Result<u64, CliError> {
    text.parse()
        .map_err(|_| CliError::input(format!("{flag}: '{text}' is not a whole number")))
}

/// A finite number.
pub fn number(flag: &str, text: &str) -> Result<f64, CliError> {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(CliError::input(format!("{flag}: '{text}' is not finite"))),
        Err(_) => Err(CliError::input(format!("{flag}: '{text}' is not a number"))),
    }
}

pub fn positive(flag: &str, text: &str) -> Result<f64, CliError> {
    let v = number(flag, text)?;
    if v > 0.0 {
        Ok(v)
    } else {
        Err(CliError::input(format!(
            "{flag}: {text} must be greater than 0"
        )))
    }
}

pub fn non_negative(flag: &str, text: &str) -> Result<f64, CliError> {
    let v = number(flag, text)?;
    if v >= 0.0 {
        Ok(v)
    } else {
        Err(CliError::input(format!(
            "{flag}: {text} must not be negative"
        )))
    }
}

pub fn test_ratio(flag: &str, text: &str) -> Result<f64, CliError> {
    let v = number(flag, text)?;
    if (0.0..=0.9).contains(&v) {
        Ok(v)
    } else {
        Err(CliError::input(format!(
            "{flag}: {text} is not between 0 and 0.9"
        )))
    }
}

/// `full` or a whole number of examples per update.
pub fn batch(flag: &str, text: &str) -> Result<Option<usize>, CliError> {
    if text == "full" {
        return Ok(None);
    }
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(Some(n)),
        _ => Err(CliError::input(format!(
            "{flag}: '{text}' is neither 'full' nor a whole number of at least 1"
        ))),
    }
}

pub fn classes(flag: &str, text: &str) -> Result<usize, CliError> {
    match text.parse::<usize>() {
        Ok(k) if (2..=MAX_CLASSES).contains(&k) => Ok(k),
        _ => Err(CliError::input(format!(
            "{flag}: '{text}' is not a class count from 2 to {MAX_CLASSES}"
        ))),
    }
}

/// Comma-separated hidden layer sizes, e.g. `8,8,4`.
pub fn hidden(flag: &str, text: &str) -> Result<Vec<usize>, CliError> {
    let sizes = text
        .split(',')
        .map(|s| match s.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_LAYER_SIZE).contains(&n) => Ok(n),
            _ => Err(CliError::input(format!(
                "{flag}: '{s}' is not a layer size from 1 to {MAX_LAYER_SIZE}"
            ))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if sizes.len() > MAX_HIDDEN_LAYERS {
        return Err(CliError::input(format!(
            "{flag}: {} hidden layers; at most {MAX_HIDDEN_LAYERS} are allowed",
            sizes.len()
        )));
    }
    Ok(sizes)
}
