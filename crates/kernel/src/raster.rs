//! The network evaluated on a regular grid over the input plane, for the page to paint.
//!
//! Pixel (col, row) samples the centre of its cell; row 0 is the top of the plot (largest
//! x2), as on a canvas. Values are the network's own numbers (probabilities, activations),
//! never colours.

use crate::activation::Activation;
use crate::bounds::Bounds;
use crate::features::Feature;
use crate::network::{Cache, Network};
use crate::output::Task;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Grid {
    pub bounds: Bounds,
    pub width: usize,
    pub height: usize,
}

impl Grid {
    pub fn pixels(&self) -> usize {
        self.width * self.height
    }

    /// The input-plane point at the centre of pixel (col, row).
    pub fn point(&self, col: usize, row: usize) -> [f64; 2] {
        let b = self.bounds;
        [
            b.x1_min + (col as f64 + 0.5) / self.width as f64 * (b.x1_max - b.x1_min),
            b.x2_max - (row as f64 + 0.5) / self.height as f64 * (b.x2_max - b.x2_min),
        ]
    }
}

/// Reusable buffers, so that painting every frame allocates nothing.
///
/// Rasters are for the eye, so they run in f32 (twice the SIMD lanes of f64, and a cheaper
/// tanh); they agree with the f64 model to about 1e-6. A network with a parameter beyond
/// `F32_SAFE` (a run file or an edit can make one) is painted by the f64 model itself, since
/// its sums may overflow f32 where the model's do not.
#[derive(Clone, Debug, Default)]
pub struct Rasterizer {
    weights: Vec<f32>,
    /// Per layer: activations of one grid row, (n_out × width).
    rows: Vec<Vec<f32>>,
    inputs: Vec<f32>,
    /// The f64 fallback's input row and forward pass.
    inputs_f64: Vec<f64>,
    cache: Cache,
}

/// Parameters up to this size leave f32 sums of 64 terms of inputs up to 1e6 far from f32's
/// largest value (3.4e38).
pub const F32_SAFE: f64 = 1e30;

impl Rasterizer {
    /// A_L over the grid, one plane per output neuron: `out[k · pixels + row · width + col]`.
    /// For a binary task that is P(class 1) at each pixel.
    pub fn output(&mut self, net: &Network, grid: Grid, out: &mut Vec<f32>) {
        let last = net.layer_count() - 1;
        self.paint(net, grid, out, last..last + 1);
    }

    /// Every neuron's activation over the grid, hidden layers first, output last; one plane
    /// per neuron in that order.
    pub fn neurons(&mut self, net: &Network, grid: Grid, out: &mut Vec<f32>) {
        self.paint(net, grid, out, 0..net.layer_count());
    }

    fn paint(
        &mut self,
        net: &Network,
        grid: Grid,
        out: &mut Vec<f32>,
        planes_of: std::ops::Range<usize>,
    ) {
        let (w, pixels) = (grid.width, grid.pixels());
        let planes: usize = planes_of.clone().map(|l| net.sizes()[l + 1]).sum();
        out.resize(planes * pixels, 0.0);
        if net.params().iter().any(|p| p.abs() > F32_SAFE) {
            self.paint_f64(net, grid, out, planes_of);
            return;
        }
        self.weights.clear();
        self.weights.extend(net.params().iter().map(|&p| p as f32));
        self.rows.resize_with(net.layer_count(), Vec::new);
        for (row, &n) in self.rows.iter_mut().zip(&net.sizes()[1..]) {
            row.resize(n * w, 0.0);
        }
        let features = net.features();
        let plain = features == Feature::PLAIN;
        self.inputs.resize(features.len() * w, 0.0);
        for r in 0..grid.height {
            if plain {
                // x1 is the same on every row, x2 the same along one.
                if r == 0 {
                    for col in 0..w {
                        self.inputs[col] = grid.point(col, 0)[0] as f32;
                    }
                }
                self.inputs[w..].fill(grid.point(0, r)[1] as f32);
            } else {
                for (f, row) in features.iter().zip(self.inputs.chunks_exact_mut(w)) {
                    for (col, input) in row.iter_mut().enumerate() {
                        *input = f.of(grid.point(col, r)) as f32;
                    }
                }
            }
            self.forward_row(net, w);
            let mut plane = 0;
            for l in planes_of.clone() {
                for neuron in self.rows[l].chunks_exact(w) {
                    out[plane * pixels + r * w..][..w].copy_from_slice(neuron);
                    plane += 1;
                }
            }
        }
    }

    /// As `paint`, by the f64 model's own forward pass, row by row.
    fn paint_f64(
        &mut self,
        net: &Network,
        grid: Grid,
        out: &mut [f32],
        planes_of: std::ops::Range<usize>,
    ) {
        let (w, pixels) = (grid.width, grid.pixels());
        let features = net.features();
        self.inputs_f64.resize(features.len() * w, 0.0);
        for r in 0..grid.height {
            for (f, row) in features.iter().zip(self.inputs_f64.chunks_exact_mut(w)) {
                for (col, input) in row.iter_mut().enumerate() {
                    *input = f.of(grid.point(col, r));
                }
            }
            net.forward(&self.inputs_f64, w, &mut self.cache);
            let mut plane = 0;
            for l in planes_of.clone() {
                for neuron in self.cache.a[l].chunks_exact(w) {
                    let target = &mut out[plane * pixels + r * w..][..w];
                    target
                        .iter_mut()
                        .zip(neuron)
                        .for_each(|(t, &a)| *t = a as f32);
                    plane += 1;
                }
            }
        }
    }

    /// The forward pass of one grid row, in f32, into `rows`.
    fn forward_row(&mut self, net: &Network, w: usize) {
        let last = net.layer_count() - 1;
        let mut offset = 0;
        for l in 0..=last {
            let (n_in, n_out) = (net.sizes()[l], net.sizes()[l + 1]);
            let (weights, rest) = self.weights[offset..].split_at(n_in * n_out);
            let biases = &rest[..n_out];
            offset += n_out * (n_in + 1);
            let (done, todo) = self.rows.split_at_mut(l);
            let input: &[f32] = if l == 0 { &self.inputs } else { &done[l - 1] };
            let z = &mut todo[0];
            for i in 0..n_out {
                let w_row = &weights[i * n_in..(i + 1) * n_in];
                combine_rows_f32(w_row, biases[i], input, w, &mut z[i * w..(i + 1) * w]);
            }
            if l == last {
                output_f32(net.task(), z, w);
            } else {
                activate_f32(net.activation(), z);
            }
        }
    }
}

/// out[j] = b + Σₖ w[k]·rows[k·m + j], eight columns at a time so that the partial sums stay
/// in SIMD registers while k runs, instead of `out` being loaded and stored once per k.
fn combine_rows_f32(w: &[f32], b: f32, rows: &[f32], m: usize, out: &mut [f32]) {
    const LANES: usize = 8;
    let blocks = m / LANES * LANES;
    for j in (0..blocks).step_by(LANES) {
        let mut acc = [b; LANES];
        for (k, &wk) in w.iter().enumerate() {
            let row: &[f32; LANES] = rows[k * m + j..k * m + j + LANES]
                .try_into()
                .unwrap_or(&[0.0; LANES]);
            for l in 0..LANES {
                acc[l] += wk * row[l];
            }
        }
        out[j..j + LANES].copy_from_slice(&acc);
    }
    for (j, o) in out.iter_mut().enumerate().skip(blocks) {
        *o = w
            .iter()
            .enumerate()
            .fold(b, |acc, (k, &wk)| acc + wk * rows[k * m + j]);
    }
}

fn activate_f32(activation: Activation, z: &mut [f32]) {
    match activation {
        Activation::Tanh => z.iter_mut().for_each(|v| *v = tanh_f32(*v)),
        Activation::Sigmoid => z.iter_mut().for_each(|v| *v = sigmoid_f32(*v)),
        Activation::Relu => z.iter_mut().for_each(|v| *v = v.max(0.0)),
        Activation::Linear => {}
    }
}

fn output_f32(task: Task, z: &mut [f32], w: usize) {
    match task {
        Task::Binary => z.iter_mut().for_each(|v| *v = sigmoid_f32(*v)),
        Task::Regression => {}
        Task::Classes { classes } => {
            for j in 0..w {
                let max = (0..classes).map(|c| z[c * w + j]).fold(f32::MIN, f32::max);
                let mut sum = 0.0;
                for c in 0..classes {
                    let e = exp_f32(z[c * w + j] - max);
                    z[c * w + j] = e;
                    sum += e;
                }
                for c in 0..classes {
                    z[c * w + j] /= sum;
                }
            }
        }
    }
}

/// eʸ for y ≤ 0 in f32, to about 2e-7 relative: 2ᵏ·p(r) with |r| ≤ ln2/2 and p of degree 7.
fn exp_f32(y: f32) -> f32 {
    const ROUNDER: f32 = 12_582_912.0; // 1.5·2²³: adding it rounds to an integer
    let y = y.max(-87.0);
    let k = (y * std::f32::consts::LOG2_E + ROUNDER) - ROUNDER;
    let r = (y - k * 0.693_145_75) - k * 1.428_606_8e-6;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r / 5040.0))))));
    // 2ᵏ by putting k + 127 in the low mantissa bits and shifting them into the exponent: a
    // saturating `as i32` cast would stop this loop from vectorising.
    const BIAS: f32 = 8_388_608.0 + 127.0;
    p * f32::from_bits((k + BIAS).to_bits() << 23)
}

fn tanh_f32(x: f32) -> f32 {
    let e = exp_f32(-2.0 * x.abs());
    ((1.0 - e) / (1.0 + e)).copysign(x)
}

fn sigmoid_f32(z: f32) -> f32 {
    let e = exp_f32(-z.abs());
    let numerator = if z >= 0.0 { 1.0 } else { e };
    numerator / (1.0 + e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_run_top_down_and_planes_follow_the_neurons() {
        // One hidden linear neuron h = x2, output z = h (regression): the raster is x2 itself.
        let mut net = Network::new(2, &[1], Activation::Linear, Task::Regression).unwrap();
        net.params_mut().copy_from_slice(&[0.0, 1.0, 0.0, 1.0, 0.0]);
        let grid = Grid {
            bounds: Bounds::square(2.0),
            width: 4,
            height: 2,
        };
        let mut out = Vec::new();
        Rasterizer::default().output(&net, grid, &mut out);
        assert_eq!(out, [1.0, 1.0, 1.0, 1.0, -1.0, -1.0, -1.0, -1.0]);
        Rasterizer::default().neurons(&net, grid, &mut out);
        assert_eq!(out.len(), 2 * 8);
        assert_eq!(grid.point(0, 0), [-1.5, 1.0]);
    }

    #[test]
    fn a_network_too_large_for_f32_is_painted_by_the_f64_model() {
        // Weights near 1e39 overflow f32 (its largest is 3.4e38); the model's f64 does not.
        let mut net = Network::new(2, &[3], Activation::Tanh, Task::Binary).unwrap();
        let params = [
            1e39, -2e39, 0.5, 3.0, 1e-39, -1e39, 0.0, 2.0, 1.0, 1e38, -1.0, 0.25, 0.5, 0.0, -0.1,
        ];
        let count = net.params().len();
        net.params_mut().copy_from_slice(&params[..count]);
        let grid = Grid {
            bounds: Bounds::square(3.0),
            width: 19,
            height: 11,
        };
        let mut out = Vec::new();
        Rasterizer::default().neurons(&net, grid, &mut out);
        let mut cache = Cache::default();
        for row in 0..grid.height {
            for col in 0..grid.width {
                let input = crate::features::input_matrix(net.features(), &[grid.point(col, row)]);
                net.forward(&input, 1, &mut cache);
                for (plane, &v) in cache.a.iter().flatten().enumerate() {
                    let ours = out[plane * grid.pixels() + row * grid.width + col];
                    assert_eq!(ours, v as f32, "plane {plane} at ({col}, {row})");
                }
            }
        }
    }
}
