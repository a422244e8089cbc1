//! The two linspace-and-sine sets: the course's flower and CS231n's spiral.

use super::linspace;
use crate::rng::RandomState;
use crate::rounded_math;

type Points = (Vec<[f64; 2]>, Vec<f64>);

/// `load_planar_dataset`: per class j, t = linspace(3.12j, 3.12(j+1), 200) + noise·randn,
/// r = 4·sin(4t) + noise·randn, (x1, x2) = (r·sin t, r·cos t). Seed 1 and noise 0.2 give the
/// course's data bit for bit.
pub fn flower(rng: &mut RandomState, noise: f64) -> Points {
    const PER_CLASS: usize = 200;
    const PETAL: f64 = 4.0;
    let mut points = Vec::with_capacity(2 * PER_CLASS);
    let mut labels = Vec::with_capacity(2 * PER_CLASS);
    for j in 0..2 {
        let base = linspace(j as f64 * 3.12, (j + 1) as f64 * 3.12, PER_CLASS);
        let t: Vec<f64> = base.iter().map(|b| b + rng.randn() * noise).collect();
        for &t in &t {
            let r = PETAL * rounded_math::sin(4.0 * t) + rng.randn() * noise;
            points.push([r * rounded_math::sin(t), r * rounded_math::cos(t)]);
            labels.push(j as f64);
        }
    }
    (points, labels)
}

/// CS231n's spiral: 100 points per class on three arms, r = linspace(0, 1),
/// t = linspace(4k, 4(k+1)) + noise·randn.
pub fn spiral3(rng: &mut RandomState, noise: f64) -> Points {
    const PER_CLASS: usize = 100;
    let mut points = Vec::new();
    let mut labels = Vec::new();
    for k in 0..3 {
        let radii = linspace(0.0, 1.0, PER_CLASS);
        let angles = linspace(k as f64 * 4.0, (k + 1) as f64 * 4.0, PER_CLASS);
        for (r, t) in radii.into_iter().zip(angles) {
            let t = t + rng.randn() * noise;
            points.push([r * rounded_math::sin(t), r * rounded_math::cos(t)]);
            labels.push(k as f64);
        }
    }
    (points, labels)
}
