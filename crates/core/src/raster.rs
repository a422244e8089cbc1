//! The network evaluated on a regular grid over the input plane, for the page to paint.
//!
//! Pixel (col, row) samples the centre of its cell; row 0 is the top of the plot (largest
//! x2), as on a canvas. Values are the network's own numbers (probabilities, activations),
//! never colours.

use crate::dataset::Bounds;
use crate::network::{Cache, Network};

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
#[derive(Clone, Debug, Default)]
pub struct Rasterizer {
    cache: Cache,
    row: Vec<f64>,
}

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
        layers: std::ops::Range<usize>,
    ) {
        let (w, pixels) = (grid.width, grid.pixels());
        let planes: usize = layers.clone().map(|l| net.sizes()[l + 1]).sum();
        out.resize(planes * pixels, 0.0);
        self.row.resize(2 * w, 0.0);
        for col in 0..w {
            self.row[col] = grid.point(col, 0)[0];
        }
        for r in 0..grid.height {
            self.row[w..].fill(grid.point(0, r)[1]);
            net.forward(&self.row, w, &mut self.cache);
            let mut plane = 0;
            for l in layers.clone() {
                for neuron in self.cache.a[l].chunks_exact(w) {
                    let dst = &mut out[plane * pixels + r * w..][..w];
                    for (d, &v) in dst.iter_mut().zip(neuron) {
                        *d = v as f32;
                    }
                    plane += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::output::Task;

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
}
