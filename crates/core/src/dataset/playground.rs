//! TensorFlow Playground's data sets (`dataset.ts`), with labels 1/−1 mapped to 1/0 and
//! `noise` on its 0‥0.5 scale.

use crate::rng::RandomState;
use std::f64::consts::PI;

type Points = (Vec<[f64; 2]>, Vec<f64>);

fn class(positive: bool) -> f64 {
    if positive {
        1.0
    } else {
        0.0
    }
}

/// A disc of radius 2.5 (class 1) inside a ring from 3.5 to 5 (class 0); the label follows
/// the noisy point.
pub fn circle(rng: &mut RandomState, n: usize, noise: f64) -> Points {
    const RADIUS: f64 = 5.0;
    let mut points = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    for (r_min, r_max, count) in [
        (0.0, 0.5 * RADIUS, n / 2),
        (0.7 * RADIUS, RADIUS, n - n / 2),
    ] {
        for _ in 0..count {
            let r = rng.uniform_in(r_min, r_max);
            let angle = rng.uniform_in(0.0, 2.0 * PI);
            let x = r * libm::sin(angle) + rng.uniform_in(-RADIUS, RADIUS) * noise;
            let y = r * libm::cos(angle) + rng.uniform_in(-RADIUS, RADIUS) * noise;
            points.push([x, y]);
            labels.push(class(libm::hypot(x, y) < 0.5 * RADIUS));
        }
    }
    (points, labels)
}

/// Four quadrants, pushed 0.3 away from the axes; class 1 where x1·x2 ≥ 0.
pub fn xor(rng: &mut RandomState, n: usize, noise: f64) -> Points {
    const PADDING: f64 = 0.3;
    let away = |v: f64| if v > 0.0 { v + PADDING } else { v - PADDING };
    let mut points = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    for _ in 0..n {
        let x = away(rng.uniform_in(-5.0, 5.0));
        let y = away(rng.uniform_in(-5.0, 5.0));
        let noisy = [
            x + rng.uniform_in(-5.0, 5.0) * noise,
            y + rng.uniform_in(-5.0, 5.0) * noise,
        ];
        labels.push(class(noisy[0] * noisy[1] >= 0.0));
        points.push([x, y]);
    }
    (points, labels)
}

/// Two Gaussians at (2, 2) (class 1) and (−2, −2) (class 0); variance grows from 0.5 to 4
/// as noise goes from 0 to 0.5.
pub fn two_gaussians(rng: &mut RandomState, n: usize, noise: f64) -> Points {
    let variance = 0.5 + (noise / 0.5) * 3.5;
    let std = libm::sqrt(variance);
    let mut points = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    for (centre, label, count) in [(2.0, 1.0, n / 2), (-2.0, 0.0, n - n / 2)] {
        for _ in 0..count {
            points.push([rng.normal(centre, std), rng.normal(centre, std)]);
            labels.push(label);
        }
    }
    (points, labels)
}

/// Two interleaved spiral arms of 1.75 turns out to radius 5.
pub fn spiral(rng: &mut RandomState, n: usize, noise: f64) -> Points {
    let per_arm = n / 2;
    let mut points = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    for (delta, label) in [(0.0, 1.0), (PI, 0.0)] {
        for i in 0..per_arm {
            let f = i as f64 / per_arm as f64;
            let r = f * 5.0;
            let t = 1.75 * f * 2.0 * PI + delta;
            points.push([
                r * libm::sin(t) + rng.uniform_in(-1.0, 1.0) * noise,
                r * libm::cos(t) + rng.uniform_in(-1.0, 1.0) * noise,
            ]);
            labels.push(label);
        }
    }
    (points, labels)
}

/// Regression on a tilted plane: target (x1 + x2)/10 of the noisy point, clamped to [−1, 1].
pub fn plane(rng: &mut RandomState, n: usize, noise: f64) -> Points {
    regression(rng, n, noise, |x, y| ((x + y) / 10.0).clamp(-1.0, 1.0))
}

/// Regression on six signed Gaussian bumps; the strongest bump at a point sets its target.
pub fn multi_gaussian(rng: &mut RandomState, n: usize, noise: f64) -> Points {
    const BUMPS: [(f64, f64, f64); 6] = [
        (-4.0, 2.5, 1.0),
        (0.0, 2.5, -1.0),
        (4.0, 2.5, 1.0),
        (-4.0, -2.5, -1.0),
        (0.0, -2.5, 1.0),
        (4.0, -2.5, -1.0),
    ];
    regression(rng, n, noise, |x, y| {
        BUMPS.iter().fold(0.0, |best: f64, &(cx, cy, sign)| {
            let strength = (1.0 - libm::hypot(x - cx, y - cy) / 2.0).clamp(0.0, 1.0);
            let value = sign * strength;
            if value.abs() > best.abs() {
                value
            } else {
                best
            }
        })
    })
}

fn regression(
    rng: &mut RandomState,
    n: usize,
    noise: f64,
    target: impl Fn(f64, f64) -> f64,
) -> Points {
    const RADIUS: f64 = 6.0;
    let mut points = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    for _ in 0..n {
        let x = rng.uniform_in(-RADIUS, RADIUS);
        let y = rng.uniform_in(-RADIUS, RADIUS);
        let nx = rng.uniform_in(-RADIUS, RADIUS) * noise;
        let ny = rng.uniform_in(-RADIUS, RADIUS) * noise;
        points.push([x, y]);
        labels.push(target(x + nx, y + ny));
    }
    (points, labels)
}
