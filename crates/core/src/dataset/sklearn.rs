//! The course's extra data sets, ported from scikit-learn's `make_*` recipes (our own draws).

use crate::rng::RandomState;
use std::f64::consts::PI;

type Points = (Vec<[f64; 2]>, Vec<f64>);

fn add_noise(rng: &mut RandomState, points: &mut [[f64; 2]], noise: f64) {
    for p in points {
        p[0] += rng.normal(0.0, noise);
        p[1] += rng.normal(0.0, noise);
    }
}

/// `make_circles`: an outer unit circle (class 0) and an inner one of radius `factor` (class 1).
pub fn circles(rng: &mut RandomState, n: usize, factor: f64, noise: f64) -> Points {
    let n_out = n / 2;
    let n_in = n - n_out;
    let ring = |count: usize, radius: f64| {
        (0..count).map(move |i| {
            let angle = 2.0 * PI * i as f64 / count as f64;
            [radius * libm::cos(angle), radius * libm::sin(angle)]
        })
    };
    let mut points: Vec<[f64; 2]> = ring(n_out, 1.0).chain(ring(n_in, factor)).collect();
    add_noise(rng, &mut points, noise);
    let labels = (0..n).map(|i| if i < n_out { 0.0 } else { 1.0 }).collect();
    (points, labels)
}

/// `make_moons`: two interleaving half circles.
pub fn moons(rng: &mut RandomState, n: usize, noise: f64) -> Points {
    let n_out = n / 2;
    let n_in = n - n_out;
    let half = |count: usize| (0..count).map(move |i| PI * i as f64 / (count.max(2) - 1) as f64);
    let outer = half(n_out).map(|t| [libm::cos(t), libm::sin(t)]);
    let inner = half(n_in).map(|t| [1.0 - libm::cos(t), 1.0 - libm::sin(t) - 0.5]);
    let mut points: Vec<[f64; 2]> = outer.chain(inner).collect();
    add_noise(rng, &mut points, noise);
    let labels = (0..n).map(|i| if i < n_out { 0.0 } else { 1.0 }).collect();
    (points, labels)
}

/// `make_blobs`: `centers` isotropic clusters with spread `std`, centres uniform in
/// (−10, 10)²; the label is the centre's index mod 2, as the course uses it.
pub fn blobs(rng: &mut RandomState, n: usize, centers: usize, std: f64) -> Points {
    let centres: Vec<[f64; 2]> = (0..centers)
        .map(|_| [rng.uniform_in(-10.0, 10.0), rng.uniform_in(-10.0, 10.0)])
        .collect();
    let mut points = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    for i in 0..n {
        let c = i % centers;
        points.push([
            rng.normal(centres[c][0], std),
            rng.normal(centres[c][1], std),
        ]);
        labels.push((c % 2) as f64);
    }
    (points, labels)
}

/// `make_gaussian_quantiles`: N(0, cov·I) points; the half nearer the origin is class 0.
pub fn gaussian_quantiles(rng: &mut RandomState, n: usize, cov: f64) -> Points {
    let std = libm::sqrt(cov);
    let mut points: Vec<[f64; 2]> = (0..n)
        .map(|_| [rng.normal(0.0, std), rng.normal(0.0, std)])
        .collect();
    points.sort_by(|a, b| (a[0] * a[0] + a[1] * a[1]).total_cmp(&(b[0] * b[0] + b[1] * b[1])));
    let labels: Vec<f64> = (0..n).map(|i| if i < n / 2 { 0.0 } else { 1.0 }).collect();
    // Interleave the classes again so the file does not read as two sorted runs.
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    (
        order.iter().map(|&i| points[i]).collect(),
        order.iter().map(|&i| labels[i]).collect(),
    )
}
