//! Two-dimensional data sets: points, labels (a class index, or a value for regression),
//! the task they pose and the plotting bounds they come with.

mod csv;
mod flower;
mod playground;
mod sklearn;

pub use self::csv::{
    infer_task, parse_csv, parse_csv_inferring, points_to_csv, to_csv, CsvError, MAX_COORDINATE,
    MAX_LABEL,
};

/// The most points a run trains on: a page draws them all and measures them every few
/// frames (a large network takes fewer there: the wasm crate's `MAX_WORK`).
pub const MAX_POINTS: usize = 100_000;

use crate::output::Task;
use crate::rng::RandomState;
use serde::{Deserialize, Serialize};

pub use neuranim_kernel::bounds::Bounds;

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub points: Vec<[f64; 2]>,
    pub labels: Vec<f64>,
    pub task: Task,
    pub bounds: Bounds,
}

impl Dataset {
    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// Splits off a test set of `round(test_ratio · n)` points chosen by a seeded shuffle.
    /// Both parts keep the original order, so a ratio of 0 leaves the data untouched.
    pub fn split(&self, test_ratio: f64, seed: u32) -> (Dataset, Dataset) {
        let n = self.len();
        let n_test = (test_ratio.clamp(0.0, 1.0) * n as f64).round() as usize;
        let mut order: Vec<usize> = (0..n).collect();
        RandomState::new(seed).shuffle(&mut order);
        let mut is_test = vec![false; n];
        order[..n_test].iter().for_each(|&i| is_test[i] = true);
        let part = |test: bool| {
            let keep: Vec<usize> = (0..n).filter(|&i| is_test[i] == test).collect();
            Dataset {
                points: keep.iter().map(|&i| self.points[i]).collect(),
                labels: keep.iter().map(|&i| self.labels[i]).collect(),
                task: self.task,
                bounds: self.bounds,
            }
        };
        (part(false), part(true))
    }
}

/// A data set as the page takes it: x1, x2 pairs in one array, the labels, the classes the
/// labels name (0 for regression values) and the plotting bounds [x1_min, x1_max, x2_min,
/// x2_max].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FlatPoints {
    pub points: Vec<f64>,
    pub labels: Vec<f64>,
    pub classes: usize,
    pub bounds: [f64; 4],
}

impl FlatPoints {
    pub fn of(data: Dataset) -> Self {
        let b = data.bounds;
        Self {
            points: data.points.iter().flatten().copied().collect(),
            classes: data.task.class_count().unwrap_or(0),
            labels: data.labels,
            bounds: [b.x1_min, b.x1_max, b.x2_min, b.x2_max],
        }
    }
}

/// Every generated data set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DatasetName {
    /// The course's planar "flower" (`load_planar_dataset`).
    Flower,
    /// The course's extra sets, from scikit-learn's recipes.
    NoisyCircles,
    NoisyMoons,
    Blobs,
    GaussianQuantiles,
    /// TensorFlow Playground's sets.
    Circle,
    Xor,
    Gauss,
    Spiral,
    Plane,
    MultiGaussian,
    /// CS231n's three-class spiral.
    Spiral3,
}

impl DatasetName {
    pub const ALL: [DatasetName; 12] = [
        Self::Flower,
        Self::NoisyCircles,
        Self::NoisyMoons,
        Self::Blobs,
        Self::GaussianQuantiles,
        Self::Circle,
        Self::Xor,
        Self::Gauss,
        Self::Spiral,
        Self::Plane,
        Self::MultiGaussian,
        Self::Spiral3,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Flower => "flower",
            Self::NoisyCircles => "noisy-circles",
            Self::NoisyMoons => "noisy-moons",
            Self::Blobs => "blobs",
            Self::GaussianQuantiles => "gaussian-quantiles",
            Self::Circle => "circle",
            Self::Xor => "xor",
            Self::Gauss => "gauss",
            Self::Spiral => "spiral",
            Self::Plane => "plane",
            Self::MultiGaussian => "multi-gaussian",
            Self::Spiral3 => "spiral3",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.name() == name)
    }

    pub fn task(self) -> Task {
        match self {
            Self::Plane | Self::MultiGaussian => Task::Regression,
            Self::Spiral3 => Task::Classes { classes: 3 },
            _ => Task::Binary,
        }
    }

    /// The noise of the recipe this set was ported from: the flower's 0.2, scikit-learn's
    /// noise or spread, and the Playground's 0 (its slider runs from 0 to 0.5).
    pub fn default_noise(self) -> f64 {
        match self {
            Self::Flower | Self::NoisyMoons | Self::Spiral3 => 0.2,
            Self::NoisyCircles => 0.3,
            Self::Blobs => 1.0,
            Self::GaussianQuantiles => 0.5,
            _ => 0.0,
        }
    }

    /// Generates the set; the same seed and noise always give the same bits.
    pub fn generate(self, seed: u32, noise: f64) -> Dataset {
        let mut rng = RandomState::new(seed);
        let (points, labels) = match self {
            Self::Flower => flower::flower(&mut rng, noise),
            Self::Spiral3 => flower::spiral3(&mut rng, noise),
            Self::NoisyCircles => sklearn::circles(&mut rng, 200, 0.5, noise),
            Self::NoisyMoons => sklearn::moons(&mut rng, 200, noise),
            Self::Blobs => sklearn::blobs(&mut rng, 200, 6, noise),
            Self::GaussianQuantiles => sklearn::gaussian_quantiles(&mut rng, 200, noise),
            Self::Circle => playground::circle(&mut rng, 500, noise),
            Self::Xor => playground::xor(&mut rng, 500, noise),
            Self::Gauss => playground::two_gaussians(&mut rng, 500, noise),
            Self::Spiral => playground::spiral(&mut rng, 500, noise),
            Self::Plane => playground::plane(&mut rng, 1200, noise),
            Self::MultiGaussian => playground::multi_gaussian(&mut rng, 1200, noise),
        };
        let bounds = match self {
            Self::Circle
            | Self::Xor
            | Self::Gauss
            | Self::Spiral
            | Self::Plane
            | Self::MultiGaussian => Bounds::square(6.0),
            Self::Spiral3 => Bounds::around(&points, 0.25),
            _ => Bounds::around(&points, 1.0),
        };
        Dataset {
            points,
            labels,
            task: self.task(),
            bounds,
        }
    }
}

/// numpy's `linspace(start, stop, n)`: i·step + start, with the last value set to `stop`.
pub(crate) fn linspace(start: f64, stop: f64, n: usize) -> Vec<f64> {
    let step = (stop - start) / (n - 1) as f64;
    let mut v: Vec<f64> = (0..n).map(|i| i as f64 * step + start).collect();
    if let Some(last) = v.last_mut() {
        *last = stop;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_set_is_labelled_for_its_task_and_inside_its_bounds_mostly() {
        for name in DatasetName::ALL {
            let d = name.generate(3, name.default_noise());
            assert!(!d.is_empty(), "{}", name.name());
            assert_eq!(d.points.len(), d.labels.len());
            assert!(
                d.labels.iter().all(|&y| d.task.accepts(y)),
                "{}",
                name.name()
            );
            let b = d.bounds;
            let inside = d
                .points
                .iter()
                .filter(|p| (b.x1_min..=b.x1_max).contains(&p[0]))
                .filter(|p| (b.x2_min..=b.x2_max).contains(&p[1]))
                .count();
            assert!(inside * 10 >= d.len() * 9, "{}: {inside}", name.name());
            assert_eq!(DatasetName::from_name(name.name()), Some(name));
        }
    }

    #[test]
    fn classification_sets_hold_every_class() {
        for name in DatasetName::ALL {
            let d = name.generate(5, name.default_noise());
            if let Some(k) = d.task.class_count() {
                for c in 0..k {
                    assert!(d.labels.contains(&(c as f64)), "{} lacks {c}", name.name());
                }
            }
        }
    }

    #[test]
    fn seeds_fix_the_data() {
        for name in DatasetName::ALL {
            let noise = name.default_noise().max(0.1);
            assert_eq!(name.generate(9, noise), name.generate(9, noise));
            assert_ne!(name.generate(9, noise), name.generate(10, noise));
        }
    }

    #[test]
    fn split_partitions_the_points() {
        let d = DatasetName::Flower.generate(1, 0.2);
        let (train, test) = d.split(0.25, 4);
        assert_eq!((train.len(), test.len()), (300, 100));
        let (all, none) = d.split(0.0, 4);
        assert_eq!(all, d);
        assert!(none.is_empty());
    }

    #[test]
    fn linspace_matches_numpy() {
        // numpy: np.linspace(0, 1, 5)
        assert_eq!(linspace(0.0, 1.0, 5), [0.0, 0.25, 0.5, 0.75, 1.0]);
    }
}
