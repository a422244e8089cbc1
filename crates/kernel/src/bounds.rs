//! The rectangle of the input plane that a data set comes with and a raster covers.

use serde::{Deserialize, Serialize};

/// The rectangle of the input plane that plots and rasters cover.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    pub x1_min: f64,
    pub x1_max: f64,
    pub x2_min: f64,
    pub x2_max: f64,
}

impl Bounds {
    pub fn square(half_width: f64) -> Self {
        Self {
            x1_min: -half_width,
            x1_max: half_width,
            x2_min: -half_width,
            x2_max: half_width,
        }
    }

    /// The points' extent widened by `margin` on every side, as the course's
    /// `plot_decision_boundary` does with a margin of 1.
    pub fn around(points: &[[f64; 2]], margin: f64) -> Self {
        let mut b = Self {
            x1_min: f64::INFINITY,
            x1_max: f64::NEG_INFINITY,
            x2_min: f64::INFINITY,
            x2_max: f64::NEG_INFINITY,
        };
        for p in points {
            b.x1_min = b.x1_min.min(p[0]);
            b.x1_max = b.x1_max.max(p[0]);
            b.x2_min = b.x2_min.min(p[1]);
            b.x2_max = b.x2_max.max(p[1]);
        }
        if points.is_empty() {
            return Self::square(1.0);
        }
        b.x1_min -= margin;
        b.x1_max += margin;
        b.x2_min -= margin;
        b.x2_max += margin;
        b
    }
}
