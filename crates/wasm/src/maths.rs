//! The live maths panel's numbers: the walkthrough for one point on the weights shown.

use crate::Playground;
use neuranim_core::maths::example_maths;
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
        serde_wasm_bindgen::to_value(&maths).map_err(|e| JsError::new(&e.to_string()))
    }
}
