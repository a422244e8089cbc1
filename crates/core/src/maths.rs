//! The course's walkthrough for one example, with the numbers: the forward pass
//! X → Z[1] → A[1] → … → A[L], the loss, and the backward pass dZ[L], dW[L], db[L], …,
//! dZ[1], dW[1], db[1], exactly as training computes them (for one example, without the
//! regularisation penalty).

use crate::features::input_matrix;
use crate::network::{Cache, Network};

/// One layer's numbers for the example.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerMaths {
    pub z: Vec<f64>,
    pub a: Vec<f64>,
    pub dz: Vec<f64>,
    /// dW, (n_out, n_in) row-major, as W.
    pub dw: Vec<f64>,
    pub db: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExampleMaths {
    /// The network's inputs for the point: its features.
    pub x: Vec<f64>,
    pub y: f64,
    pub layers: Vec<LayerMaths>,
    pub loss: f64,
}

/// The walkthrough for the point `[x1, x2]` with label (or target) `y`.
pub fn example_maths(net: &Network, point: [f64; 2], y: f64) -> ExampleMaths {
    let x = input_matrix(net.features(), &[point]);
    let mut cache = Cache::default();
    let mut grads = vec![0.0; net.params().len()];
    net.forward(&x, 1, &mut cache);
    let loss = net.mean_loss(&[y], &cache);
    net.backward(&x, &[y], &mut cache, &mut grads);
    let mut offset = 0;
    let layers = (0..net.layer_count())
        .map(|l| {
            let n = net.sizes()[l] * net.sizes()[l + 1];
            let dw = grads[offset..offset + n].to_vec();
            let db = grads[offset + n..offset + n + net.sizes()[l + 1]].to_vec();
            offset += n + net.sizes()[l + 1];
            LayerMaths {
                z: cache.z[l].clone(),
                a: cache.a[l].clone(),
                dz: cache.dz[l].clone(),
                dw,
                db,
            }
        })
        .collect();
    ExampleMaths { x, y, layers, loss }
}
