//! Option values turned into settings, each refusal naming the option and what it accepts.
//! Numbers are held to the ranges of the core's settings schema, the same as the page's.

use crate::error::CliError;
use neuranim_core::excerpt;
use neuranim_core::output::MAX_CLASSES;
use neuranim_core::settings::schema::{self, Range};
use neuranim_core::{Activation, DatasetName, Initializer, Optimizer};

pub fn dataset_names() -> String {
    let names: Vec<&str> = DatasetName::ALL.iter().map(|d| d.name()).collect();
    names.join(", ")
}

pub fn dataset(text: &str) -> Result<DatasetName, CliError> {
    DatasetName::from_name(text).ok_or_else(|| {
        CliError::input(format!(
            "unknown data set '{}'; expected one of {}",
            excerpt(text),
            dataset_names()
        ))
    })
}

pub fn activation(flag: &str, text: &str) -> Result<Activation, CliError> {
    Activation::from_name(text).ok_or_else(|| {
        CliError::input(format!(
            "{flag}: unknown activation '{}'; expected tanh, sigmoid, relu or linear",
            excerpt(text)
        ))
    })
}

pub fn optimizer(flag: &str, text: &str) -> Result<Optimizer, CliError> {
    Optimizer::from_name(text).ok_or_else(|| {
        CliError::input(format!(
            "{flag}: unknown optimizer '{}'; expected gd, momentum or adam",
            excerpt(text)
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
            "{flag}: '{}' is not a whole number from 0 to {}",
            excerpt(text),
            u32::MAX
        ))
    })
}

pub fn iterations(flag: &str, text: &str) -> Result<u64, CliError> {
    text.parse().map_err(|_| {
        CliError::input(format!(
            "{flag}: '{}' is not a whole number from 0 to {}",
            excerpt(text),
            u64::MAX
        ))
    })
}

/// A number within `range`, ends included.
fn within(flag: &str, text: &str, range: Range) -> Result<f64, CliError> {
    match text.parse::<f64>() {
        Ok(v) if (range.0..=range.1).contains(&v) => Ok(v),
        _ => Err(CliError::input(format!(
            "{flag}: '{}' is not a number from {}",
            excerpt(text),
            range_text(range)
        ))),
    }
}

/// `min to max`, small numbers such as 1e-6 in exponent form.
pub fn range_text((min, max): Range) -> String {
    let shown = |v: f64| match v.abs() {
        a if a != 0.0 && a < 1e-3 => format!("{v:e}"),
        _ => v.to_string(),
    };
    format!("{} to {}", shown(min), shown(max))
}

pub fn noise(flag: &str, text: &str) -> Result<f64, CliError> {
    within(flag, text, schema::NOISE)
}

pub fn learning_rate(flag: &str, text: &str) -> Result<f64, CliError> {
    within(flag, text, schema::LEARNING_RATE)
}

pub fn penalty_rate(flag: &str, text: &str) -> Result<f64, CliError> {
    within(flag, text, schema::REGULARIZATION_RATE)
}

pub fn test_ratio(flag: &str, text: &str) -> Result<f64, CliError> {
    within(flag, text, schema::TEST_RATIO)
}

/// `full` or a whole number of examples per update.
pub fn batch(flag: &str, text: &str) -> Result<Option<usize>, CliError> {
    if text == "full" {
        return Ok(None);
    }
    let (min, max) = schema::BATCH_SIZE;
    match text.parse::<usize>() {
        Ok(n) if (min..=max).contains(&(n as f64)) => Ok(Some(n)),
        _ => Err(CliError::input(format!(
            "{flag}: '{}' is neither 'full' nor a whole number from {min} to {max}",
            excerpt(text)
        ))),
    }
}

pub fn classes(flag: &str, text: &str) -> Result<usize, CliError> {
    match text.parse::<usize>() {
        Ok(k) if (2..=MAX_CLASSES).contains(&k) => Ok(k),
        _ => Err(CliError::input(format!(
            "{flag}: '{}' is not a class count from 2 to {MAX_CLASSES}",
            excerpt(text)
        ))),
    }
}

/// Comma-separated hidden layer sizes, e.g. `8,8,4`; `none` for no hidden layer (logistic
/// regression, as the page's links write it).
pub fn hidden(flag: &str, text: &str) -> Result<Vec<usize>, CliError> {
    if text.trim() == "none" {
        return Ok(Vec::new());
    }
    let (least, most) = schema::LAYER_SIZE;
    let layers = text.split(',').count();
    if layers > schema::MAX_LAYERS {
        return Err(CliError::input(format!(
            "{flag}: {layers} hidden layers; at most {} are allowed",
            schema::MAX_LAYERS
        )));
    }
    text.split(',')
        .map(|s| match s.trim().parse::<usize>() {
            Ok(n) if (least..=most).contains(&(n as f64)) => Ok(n),
            _ => Err(CliError::input(format!(
                "{flag}: '{}' is not a layer size from {least} to {most}",
                excerpt(s)
            ))),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(result: Result<impl std::fmt::Debug, CliError>) -> String {
        result.unwrap_err().message().unwrap()
    }

    #[test]
    fn hidden_layers_are_sizes_or_none() {
        assert_eq!(hidden("--hidden", "8,8,4").unwrap(), [8, 8, 4]);
        assert_eq!(hidden("--hidden", "none").unwrap(), Vec::<usize>::new());
        assert!(refusal(hidden("--hidden", "0")).contains("'0' is not a layer size from 1 to 64"));
        assert!(refusal(hidden("--hidden", "")).contains("is not a layer size"));
    }

    #[test]
    fn numbers_beyond_the_schema_are_refused_by_option() {
        assert_eq!(noise("--noise", "2").unwrap(), 2.0);
        assert_eq!(
            refusal(noise("--noise", "1e308")),
            "--noise: '1e308' is not a number from 0 to 2"
        );
        assert!(refusal(learning_rate("--lr", "101")).contains("from 1e-6 to 100"));
        assert!(learning_rate("--lr", "0").is_err());
        assert!(learning_rate("--lr", "NaN").is_err());
        assert!(refusal(penalty_rate("--l2", "inf")).starts_with("--l2: 'inf'"));
        assert!(test_ratio("--test-ratio", "0.95").is_err());
        assert_eq!(batch("--batch", "10000").unwrap(), Some(10_000));
        assert!(refusal(batch("--batch", "10001")).contains("from 1 to 10000"));
        assert!(refusal(hidden("--hidden", "4,65")).contains("'65'"));
        assert!(refusal(hidden("--hidden", &"1,".repeat(1_000_000))).contains("1000001 hidden"));
    }

    #[test]
    fn values_are_quoted_as_excerpts() {
        let long = format!("\u{1b}[2J{}", "9".repeat(1 << 20));
        for message in [
            refusal(noise("--noise", &long)),
            refusal(seed("--seed", &long)),
            refusal(dataset(&long)),
            refusal(hidden("--hidden", &long)),
        ] {
            assert!(message.len() < 250, "{message}");
            assert!(message.contains("'\\u{1b}[2J999"), "{message}");
        }
    }
}
