//! Rasters computed away from training: a `Painter` holds a copy of a network's parameters
//! and evaluates it over a grid, so that a Web Worker can paint while the page trains.

use neuranim_core::{Activation, Bounds, Feature, Grid, Network, Rasterizer, Task};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
#[derive(Debug, Default)]
pub struct Painter {
    network: Option<Network>,
    rasterizer: Rasterizer,
    values: Vec<f32>,
}

/// The grid over [x1_min, x1_max, x2_min, x2_max].
fn grid(bounds: &[f64], width: usize, height: usize) -> Result<Grid, JsError> {
    let [x1_min, x1_max, x2_min, x2_max] = bounds else {
        return Err(JsError::new("bounds needs four numbers"));
    };
    Ok(Grid {
        bounds: Bounds {
            x1_min: *x1_min,
            x1_max: *x1_max,
            x2_min: *x2_min,
            x2_max: *x2_max,
        },
        width: width.clamp(1, 4096),
        height: height.clamp(1, 4096),
    })
}

fn no_network() -> JsError {
    JsError::new("no network set")
}

#[wasm_bindgen]
impl Painter {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Painter {
        crate::panic::install_hook();
        Painter::default()
    }

    /// The network to paint: layer sizes [n_x, …, n_L], hidden activation, the number of
    /// classes (1 for regression), every parameter in the core's flat layout, and the names
    /// of the input features.
    #[wasm_bindgen(js_name = setNetwork)]
    pub fn set_network(
        &mut self,
        sizes: &[usize],
        activation: &str,
        classes: usize,
        params: &[f64],
        features: Vec<String>,
    ) -> Result<(), JsError> {
        let features = features
            .iter()
            .map(|name| {
                Feature::by_name(name)
                    .ok_or_else(|| JsError::new(&format!("unknown feature '{name}'")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let activation = Activation::from_name(activation)
            .ok_or_else(|| JsError::new(&format!("unknown activation '{activation}'")))?;
        let task = if classes <= 1 {
            Task::Regression
        } else {
            Task::classification(classes)
        };
        let (n_x, hidden) = match sizes {
            [n_x, hidden @ .., _] => (*n_x, hidden),
            _ => return Err(JsError::new("sizes needs an input and an output size")),
        };
        let mut network = Network::new(n_x, hidden, activation, task)
            .and_then(|n| n.with_features(&features))
            .map_err(|e| JsError::new(&e))?;
        if network.params().len() != params.len()
            || *sizes.last().unwrap_or(&0) != task.output_size()
        {
            return Err(JsError::new("the parameters do not fit these sizes"));
        }
        network.params_mut().copy_from_slice(params);
        self.network = Some(network);
        Ok(())
    }

    /// The output over a width × height grid of [x1_min, x1_max, x2_min, x2_max]; read the
    /// values through `ptr()`.
    #[wasm_bindgen(js_name = computeBoundary)]
    pub fn compute_boundary(
        &mut self,
        bounds: &[f64],
        width: usize,
        height: usize,
    ) -> Result<usize, JsError> {
        let network = self
            .network
            .as_ref()
            .ok_or_else(|| JsError::new("no network set"))?;
        let grid = grid(bounds, width, height)?;
        self.rasterizer.output(network, grid, &mut self.values);
        Ok(self.values.len())
    }

    /// Every neuron's activation over the grid, one plane per neuron, hidden layers first.
    #[wasm_bindgen(js_name = computeNeurons)]
    pub fn compute_neurons(
        &mut self,
        bounds: &[f64],
        width: usize,
        height: usize,
    ) -> Result<usize, JsError> {
        let grid = grid(bounds, width, height)?;
        let network = self.network.as_ref().ok_or_else(no_network)?;
        self.rasterizer.neurons(network, grid, &mut self.values);
        Ok(self.values.len())
    }

    pub fn ptr(&self) -> *const f32 {
        self.values.as_ptr()
    }
}
