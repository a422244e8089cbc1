//! Every value of a run's settings brought into its field's range (schema.rs), with a
//! notice for each one changed, worded as the page words them for a link. Run files, the
//! page's links and controls and the command line all end here, so what a notice says is
//! used is what trains.

use super::schema::{self, Range};
use super::Settings;
use crate::features::Feature;

/// `value` within `range`, or the default (`fallback`) when it is not a number; a notice
/// when it changed.
fn clamp(
    label: &str,
    value: f64,
    (min, max): Range,
    fallback: f64,
    notices: &mut Vec<String>,
) -> f64 {
    if value.is_nan() {
        notices.push(format!("{label}: not a number; using the default"));
        fallback
    } else if value < min {
        notices.push(format!("{label}: {value} is below {min}; using {min}"));
        min
    } else if value > max {
        notices.push(format!("{label}: {value} is above {max}; using {max}"));
        max
    } else {
        value
    }
}

impl Settings {
    /// These settings with every value in its range, and what was changed to get there.
    pub fn checked(&self) -> (Settings, Vec<String>) {
        let mut notices = Vec::new();
        let defaults = Settings::default();
        let mut s = self.clone();
        let n = &mut notices;
        s.noise = s
            .noise
            .map(|v| clamp("Noise", v, schema::NOISE, s.dataset.default_noise(), n));
        s.test_ratio = clamp(
            "Test share",
            s.test_ratio,
            schema::TEST_RATIO,
            defaults.test_ratio,
            n,
        );
        s.learning_rate = clamp(
            "Learning rate",
            s.learning_rate,
            schema::LEARNING_RATE,
            defaults.learning_rate,
            n,
        );
        s.regularization_rate = clamp(
            "Regularisation rate",
            s.regularization_rate,
            schema::REGULARIZATION_RATE,
            defaults.regularization_rate,
            n,
        );
        s.batch_size = s
            .batch_size
            .map(|b| clamp("Batch size", b as f64, schema::BATCH_SIZE, 1.0, n) as usize);
        if s.hidden.len() > schema::MAX_LAYERS {
            let most = schema::MAX_LAYERS;
            n.push(format!(
                "Hidden layers: at most {most} layers; keeping the first {most}"
            ));
            s.hidden.truncate(most);
        }
        let (least, most) = schema::LAYER_SIZE;
        for (layer, size) in s.hidden.iter_mut().enumerate() {
            let kept = (*size as f64).clamp(least, most) as usize;
            if kept != *size {
                let layer = layer + 1;
                n.push(format!(
                    "Hidden layers: layer {layer} of {size} neurons; using {kept} ({least} to {most})"
                ));
                *size = kept;
            }
        }
        if s.features.is_empty() {
            n.push("Input features: none chosen; using the default".into());
            s.features = Feature::PLAIN.to_vec();
        }
        (s, notices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_in_range_are_kept_as_they_are() {
        let (checked, notices) = Settings::default().checked();
        assert_eq!(checked, Settings::default());
        assert!(notices.is_empty());
    }

    #[test]
    fn each_value_out_of_range_is_brought_in_and_named() {
        let wild = Settings {
            noise: Some(40.0),
            test_ratio: 0.95,
            learning_rate: 5000.0,
            regularization_rate: 500.0,
            batch_size: Some(0),
            hidden: vec![100, 0, 3, 3, 3, 3, 3, 3, 3],
            features: Vec::new(),
            ..Settings::default()
        };
        let (s, notices) = wild.checked();
        assert_eq!(
            (
                s.noise,
                s.test_ratio,
                s.learning_rate,
                s.regularization_rate,
                s.batch_size
            ),
            (Some(2.0), 0.9, 100.0, 10.0, Some(1))
        );
        assert_eq!(s.hidden, [64, 1, 3, 3, 3, 3, 3, 3]);
        assert_eq!(s.features, Feature::PLAIN);
        let said = notices.join("\n");
        for words in [
            "Noise: 40 is above 2; using 2",
            "Test share: 0.95 is above 0.9; using 0.9",
            "Learning rate: 5000 is above 100; using 100",
            "Regularisation rate: 500 is above 10; using 10",
            "Batch size: 0 is below 1; using 1",
            "Hidden layers: at most 8 layers",
            "layer 1 of 100 neurons; using 64",
            "Input features: none chosen",
        ] {
            assert!(said.contains(words), "{words} in {said}");
        }
    }
}
