//! The slow-motion step's numbers: the next update told phase by phase, from the weights
//! shown, as the core works them out (the same bits as the `step(1)` that follows).

use crate::maths::{by_layer, Update};
use crate::Playground;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What flows along each edge (`w`, by rows as the weights) and from each bias (`b`).
#[derive(Debug, Serialize)]
struct LayerFlows {
    w: Vec<Vec<f64>>,
    b: Vec<f64>,
}

#[derive(Debug, Serialize)]
struct Phases {
    /// Indices into `trainPoints()` / `trainLabels()`.
    batch: Vec<usize>,
    outputs: Vec<f64>,
    losses: Vec<f64>,
    cost: f64,
    penalty: f64,
    flows: Vec<LayerFlows>,
    signals: Vec<Vec<f64>>,
    update: Update,
}

#[wasm_bindgen]
impl Playground {
    /// The next update phase by phase: { batch, outputs, losses, cost, penalty, flows:
    /// [{ w, b }], signals (each neuron's Σ dZ), update (as `nextUpdate()`) }; `undefined`
    /// once training has diverged.
    pub fn phases(&self) -> Result<JsValue, JsError> {
        let trainer = self.shown();
        let Some(phases) = trainer.phases() else {
            return Ok(JsValue::UNDEFINED);
        };
        let flows = by_layer(trainer.network().sizes(), &phases.flows)
            .into_iter()
            .map(|(w, b)| LayerFlows { w, b })
            .collect();
        let told = Phases {
            batch: phases.batch,
            outputs: phases.outputs,
            losses: phases.losses,
            cost: phases.cost,
            penalty: phases.penalty,
            flows,
            signals: phases.signals,
            update: Update::of(trainer, phases.update),
        };
        crate::to_js(&told)
    }
}
