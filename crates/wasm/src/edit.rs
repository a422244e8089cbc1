//! Hand edits of single parameters, as the network graph makes them: the rest of the run
//! (iteration, optimizer state, history) is kept, so training goes on from the edited
//! network. Indices follow `snapshot().layers`: layer l's W is (n_out × n_in), its rows are
//! the layer's neurons and its columns the layer's inputs.

use crate::Playground;
use neuranim_core::Network;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// Sets `w[layer][row][column]` to `value`.
    #[wasm_bindgen(js_name = setWeight)]
    pub fn set_weight(
        &mut self,
        layer: f64,
        row: f64,
        column: f64,
        value: f64,
    ) -> Result<(), JsError> {
        let at = weight_index(self.run.trainer().network(), layer, row, column)
            .and_then(|at| finite(value, || format!("w[{layer}][{row}][{column}]")).map(|_| at))
            .map_err(|e| JsError::new(&e))?;
        self.set_param(at, value)
    }

    /// Sets `b[layer][row]` to `value`.
    #[wasm_bindgen(js_name = setBias)]
    pub fn set_bias(&mut self, layer: f64, row: f64, value: f64) -> Result<(), JsError> {
        let at = bias_index(self.run.trainer().network(), layer, row)
            .and_then(|at| finite(value, || format!("b[{layer}][{row}]")).map(|_| at))
            .map_err(|e| JsError::new(&e))?;
        self.set_param(at, value)
    }
}

impl Playground {
    fn set_param(&mut self, at: usize, value: f64) -> Result<(), JsError> {
        if self.viewing.is_some() {
            return Err(JsError::new(
                "this is a past iteration: continue from here, or return to the live run, to edit it",
            ));
        }
        let mut params = self.run.trainer().network().params().to_vec();
        params[at] = value;
        self.run.set_params(&params).map_err(|e| JsError::new(&e))
    }
}

/// Where `w[layer][row][column]` lives in the flat parameter vector.
fn weight_index(net: &Network, layer: f64, row: f64, column: f64) -> Result<usize, String> {
    let layer = index("layer", layer, net.layer_count(), "layers of weights")?;
    let (n_in, n_out) = (net.sizes()[layer], net.sizes()[layer + 1]);
    let row = index("row", row, n_out, &format!("neurons in layer {layer}"))?;
    let column = index("column", column, n_in, &format!("inputs to layer {layer}"))?;
    Ok(net.weight_range(layer).start + row * n_in + column)
}

/// Where `b[layer][row]` lives: each layer's b follows its W.
fn bias_index(net: &Network, layer: f64, row: f64) -> Result<usize, String> {
    let layer = index("layer", layer, net.layer_count(), "layers of weights")?;
    let row = index(
        "row",
        row,
        net.sizes()[layer + 1],
        &format!("neurons in layer {layer}"),
    )?;
    Ok(net.weight_range(layer).end + row)
}

fn finite(value: f64, name: impl Fn() -> String) -> Result<(), String> {
    if value.is_finite() {
        return Ok(());
    }
    // Named as JavaScript names them, since that is where the value came from.
    let shown = match value {
        v if v.is_nan() => "NaN",
        v if v > 0.0 => "Infinity",
        _ => "-Infinity",
    };
    Err(format!("{} must be a finite number, not {shown}", name()))
}

/// `value` as an index below `count`. JavaScript numbers may be fractional or negative, so
/// they arrive as f64 and are refused here rather than silently wrapped by a cast to u32.
fn index(name: &str, value: f64, count: usize, what: &str) -> Result<usize, String> {
    if value.fract() == 0.0 && value >= 0.0 && value < count as f64 {
        return Ok(value as usize);
    }
    Err(format!(
        "{name} {value} is out of range: there are {count} {what} (0 to {})",
        count.saturating_sub(1)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use neuranim_core::{Activation, Task};

    /// 2 → 3 → 1, every parameter set to its own index so that lookups can be read back.
    fn numbered() -> Network {
        let mut net = Network::new(2, &[3], Activation::Tanh, Task::Binary).unwrap();
        for (i, p) in net.params_mut().iter_mut().enumerate() {
            *p = i as f64;
        }
        net
    }

    #[test]
    fn indices_follow_the_layer_arrays() {
        let net = numbered();
        for l in 0..net.layer_count() {
            let layer = net.layer(l);
            for i in 0..layer.n_out {
                let at = bias_index(&net, l as f64, i as f64).unwrap();
                assert_eq!(net.params()[at], layer.biases[i]);
                for k in 0..layer.n_in {
                    let at = weight_index(&net, l as f64, i as f64, k as f64).unwrap();
                    assert_eq!(net.params()[at], layer.weights[i * layer.n_in + k]);
                }
            }
        }
    }

    #[test]
    fn out_of_range_and_non_finite_are_named() {
        let net = numbered();
        let layer = weight_index(&net, 2.0, 0.0, 0.0).unwrap_err();
        assert_eq!(
            layer,
            "layer 2 is out of range: there are 2 layers of weights (0 to 1)"
        );
        let row = weight_index(&net, 1.0, 1.0, 0.0).unwrap_err();
        assert!(row.starts_with("row 1 is out of range"), "{row}");
        let column = weight_index(&net, 0.0, 0.0, 2.0).unwrap_err();
        assert!(column.contains("2 inputs to layer 0"), "{column}");
        for bad in [-1.0, 0.5, f64::NAN] {
            assert!(bias_index(&net, 0.0, bad).is_err(), "{bad}");
        }
        let nan = finite(f64::NAN, || "w[0][0][0]".into()).unwrap_err();
        assert_eq!(nan, "w[0][0][0] must be a finite number, not NaN");
        assert!(finite(f64::NEG_INFINITY, String::new)
            .unwrap_err()
            .ends_with("-Infinity"));
    }
}
