//! What the network sees of a point (x1, x2): the plain coordinates, or any of the
//! Playground's derived features. The network's first layer has one input per feature.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Feature {
    #[serde(rename = "x1")]
    X1,
    #[serde(rename = "x2")]
    X2,
    #[serde(rename = "x1Squared")]
    X1Squared,
    #[serde(rename = "x2Squared")]
    X2Squared,
    #[serde(rename = "x1x2")]
    X1TimesX2,
    #[serde(rename = "sinX1")]
    SinX1,
    #[serde(rename = "sinX2")]
    SinX2,
}

impl Feature {
    /// Every feature, in the order a network's inputs take them.
    pub const ALL: [Feature; 7] = [
        Feature::X1,
        Feature::X2,
        Feature::X1Squared,
        Feature::X2Squared,
        Feature::X1TimesX2,
        Feature::SinX1,
        Feature::SinX2,
    ];
    /// The plain coordinates: the course's inputs.
    pub const PLAIN: [Feature; 2] = [Feature::X1, Feature::X2];

    /// The feature of the point `[x1, x2]`. `sin` is correctly rounded, so every platform
    /// computes the same bits.
    pub fn of(self, [x1, x2]: [f64; 2]) -> f64 {
        match self {
            Feature::X1 => x1,
            Feature::X2 => x2,
            Feature::X1Squared => x1 * x1,
            Feature::X2Squared => x2 * x2,
            Feature::X1TimesX2 => x1 * x2,
            Feature::SinX1 => crate::rounded_math::sin(x1),
            Feature::SinX2 => crate::rounded_math::sin(x2),
        }
    }

    /// The name used in settings and links.
    pub fn name(self) -> &'static str {
        match self {
            Feature::X1 => "x1",
            Feature::X2 => "x2",
            Feature::X1Squared => "x1Squared",
            Feature::X2Squared => "x2Squared",
            Feature::X1TimesX2 => "x1x2",
            Feature::SinX1 => "sinX1",
            Feature::SinX2 => "sinX2",
        }
    }

    pub fn by_name(name: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Checks a choice of features: at least one, none twice; kept in the canonical order.
pub fn normalized(features: &[Feature]) -> Result<Vec<Feature>, String> {
    if features.is_empty() {
        return Err("choose at least one input feature".into());
    }
    if let Some(f) = features
        .iter()
        .enumerate()
        .find_map(|(i, f)| features[..i].contains(f).then_some(f))
    {
        return Err(format!("the feature {} is chosen twice", f.name()));
    }
    Ok(Feature::ALL
        .into_iter()
        .filter(|f| features.contains(f))
        .collect())
}

/// The network's input matrix for `points`: one row per feature, one column per point.
pub fn input_matrix(features: &[Feature], points: &[[f64; 2]]) -> Vec<f64> {
    features
        .iter()
        .flat_map(|f| points.iter().map(move |&p| f.of(p)))
        .collect()
}
