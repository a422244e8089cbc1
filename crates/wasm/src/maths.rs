//! The live maths panel's numbers (the walkthrough for one point) and the layer-space
//! view's (points mapped through a hidden layer), on the weights shown.

use crate::Playground;
use neuranim_core::maths::example_maths;
use neuranim_core::regularization::Regularization;
use neuranim_core::train::NextUpdate;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[derive(Debug, Serialize)]
struct Layer {
    z: Vec<f64>,
    a: Vec<f64>,
    dz: Vec<f64>,
    /// dW by rows, as `snapshot().layers[l].weights`.
    dw: Vec<Vec<f64>>,
    db: Vec<f64>,
}

#[derive(Debug, Serialize)]
struct Maths {
    x: Vec<f64>,
    y: f64,
    layers: Vec<Layer>,
    loss: f64,
}

#[wasm_bindgen]
impl Playground {
    /// X, Z, A, the loss, dZ, dW and db of every layer for the point (x1, x2) with label
    /// `y`, on the weights shown.
    pub fn maths(&self, x1: f64, x2: f64, y: f64) -> Result<JsValue, JsError> {
        let net = self.shown().network();
        let m = example_maths(net, [x1, x2], y);
        let maths = Maths {
            layers: m
                .layers
                .into_iter()
                .enumerate()
                .map(|(l, layer)| Layer {
                    dw: layer
                        .dw
                        .chunks_exact(net.sizes()[l])
                        .map(<[f64]>::to_vec)
                        .collect(),
                    z: layer.z,
                    a: layer.a,
                    dz: layer.dz,
                    db: layer.db,
                })
                .collect(),
            x: m.x,
            y: m.y,
            loss: m.loss,
        };
        crate::to_js(&maths)
    }
}

#[wasm_bindgen]
impl Playground {
    /// Hidden layer `layer`'s activations (0: the first hidden layer) for the points given
    /// as x1, x2 pairs, on the weights shown: one row per neuron, one column per point.
    #[wasm_bindgen(js_name = layerSpace)]
    pub fn layer_space(&self, points: &[f64], layer: usize) -> Result<Vec<f64>, JsError> {
        let net = self.shown().network();
        if layer + 1 >= net.layer_count() {
            return Err(JsError::new(&format!(
                "layer {layer}: the network has {} hidden layers",
                net.layer_count() - 1
            )));
        }
        let points: Vec<[f64; 2]> = points.chunks_exact(2).map(|p| [p[0], p[1]]).collect();
        let x = neuranim_core::features::input_matrix(net.features(), &points);
        let mut cache = neuranim_core::network::Cache::default();
        net.forward(&x, points.len(), &mut cache);
        Ok(cache.a[layer].clone())
    }
}

/// One layer of the next update: the batch's dW and db, and W and b after the update.
#[derive(Debug, Serialize)]
struct LayerUpdate {
    dw: Vec<Vec<f64>>,
    db: Vec<f64>,
    w: Vec<Vec<f64>>,
    b: Vec<f64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Update {
    /// The m of the gradient's 1/m: the examples of the batch.
    examples: usize,
    learning_rate: f64,
    optimizer: &'static str,
    /// "none", "l1" or "l2", with its λ and the penalty it adds to the batch's cost: the
    /// batch's dW holds the penalty's gradient too.
    regularization: &'static str,
    regularization_rate: f64,
    penalty: f64,
    layers: Vec<LayerUpdate>,
}

/// A flat parameter vector cut into each layer's weight rows and biases.
pub(crate) fn by_layer(sizes: &[usize], flat: &[f64]) -> Vec<(Vec<Vec<f64>>, Vec<f64>)> {
    let mut offset = 0;
    sizes
        .windows(2)
        .map(|pair| {
            let (n_in, n_out) = (pair[0], pair[1]);
            let weights = flat[offset..offset + n_in * n_out]
                .chunks_exact(n_in)
                .map(<[f64]>::to_vec)
                .collect();
            let biases = flat[offset + n_in * n_out..offset + n_out * (n_in + 1)].to_vec();
            offset += n_out * (n_in + 1);
            (weights, biases)
        })
        .collect()
}

#[wasm_bindgen]
impl Playground {
    /// The next update from the weights shown, worked out without making it: { examples,
    /// learningRate, optimizer, layers: [{ dw, db, w, b }] } with the batch's gradient and
    /// the weights after; `undefined` once training has diverged.
    #[wasm_bindgen(js_name = nextUpdate)]
    pub fn next_update(&self) -> Result<JsValue, JsError> {
        let trainer = self.shown();
        let Some(next) = trainer.next_update() else {
            return Ok(JsValue::UNDEFINED);
        };
        crate::to_js(&Update::of(trainer, next))
    }
}

impl Update {
    pub(crate) fn of(trainer: &neuranim_core::Trainer, next: NextUpdate) -> Self {
        let sizes = trainer.network().sizes();
        let layers = by_layer(sizes, &next.grads)
            .into_iter()
            .zip(by_layer(sizes, &next.params))
            .map(|((dw, db), (w, b))| LayerUpdate { dw, db, w, b })
            .collect();
        let reg = trainer.config().regularization;
        let (regularization, regularization_rate) = match reg {
            Regularization::None => ("none", 0.0),
            Regularization::L1(rate) => ("l1", rate),
            Regularization::L2(rate) => ("l2", rate),
        };
        Update {
            examples: next.examples,
            learning_rate: trainer.learning_rate(),
            optimizer: trainer.config().optimizer.name(),
            regularization,
            regularization_rate,
            penalty: reg.penalty(trainer.network(), next.examples),
            layers,
        }
    }
}
