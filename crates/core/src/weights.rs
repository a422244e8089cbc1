//! The weights file: `{"layers":[{"weights":[[…n_in…], … n_out rows], "biases":[…n_out…]}, …]}`,
//! first layer first, W shaped (n_out, n_in) as everywhere else.
//!
//! The reader streams the file and refuses, naming the field, a value beyond ±`MAX_WEIGHT`
//! or more layers, rows or values than a network can have, so that a file of any size
//! costs little memory; its messages quote only an excerpt of the file.

use crate::network::Network;
use serde::{Deserialize, Serialize};

mod read;

/// The largest |weight| or |bias| a weights file may hold: with inputs within the CSV's
/// ±1e6, the first update of the largest network computes finite costs and gradients.
pub const MAX_WEIGHT: f64 = 1e6;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerWeights {
    pub weights: Vec<Vec<f64>>,
    pub biases: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightsFile {
    pub layers: Vec<LayerWeights>,
}

impl WeightsFile {
    pub fn of(net: &Network) -> Self {
        let layers = (0..net.layer_count())
            .map(|l| {
                let layer = net.layer(l);
                LayerWeights {
                    weights: layer
                        .weights
                        .chunks_exact(layer.n_in)
                        .map(<[f64]>::to_vec)
                        .collect(),
                    biases: layer.biases.to_vec(),
                }
            })
            .collect();
        Self { layers }
    }

    /// Reads a weights file; a refusal names the field and, for broken JSON, the line and
    /// column.
    pub fn parse(text: &str) -> Result<Self, String> {
        read::weights_file(text)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The hidden sizes, after checking that the layers chain from `n_inputs` to `n_outputs`;
    /// a mismatch names the field, e.g. `layers[1].weights[0]`.
    pub fn hidden_sizes(&self, n_inputs: usize, n_outputs: usize) -> Result<Vec<usize>, String> {
        if self.layers.is_empty() {
            return Err("layers: the file has no layers".into());
        }
        let mut n_in = n_inputs;
        for (l, layer) in self.layers.iter().enumerate() {
            let n_out = layer.weights.len();
            if n_out == 0 {
                return Err(format!("layers[{l}].weights: no rows"));
            }
            for (i, row) in layer.weights.iter().enumerate() {
                if row.len() != n_in {
                    return Err(format!(
                        "layers[{l}].weights[{i}]: {} values, expected {n_in} (the size of {})",
                        row.len(),
                        if l == 0 {
                            "the input".to_string()
                        } else {
                            format!("layer {}", l - 1)
                        }
                    ));
                }
            }
            if layer.biases.len() != n_out {
                return Err(format!(
                    "layers[{l}].biases: {} values, expected {n_out} (one per weight row)",
                    layer.biases.len()
                ));
            }
            n_in = n_out;
        }
        if n_in != n_outputs {
            return Err(format!(
                "layers[{}]: {n_in} outputs, but the data needs {n_outputs}",
                self.layers.len() - 1
            ));
        }
        Ok(self.layers[..self.layers.len() - 1]
            .iter()
            .map(|l| l.weights.len())
            .collect())
    }

    /// Copies the weights into `net`, whose shape must match.
    pub fn apply_to(&self, net: &mut Network) -> Result<(), String> {
        let hidden = self.hidden_sizes(net.sizes()[0], *net.sizes().last().unwrap_or(&0))?;
        if hidden != net.hidden_sizes() {
            return Err(format!(
                "layers: hidden sizes {hidden:?} do not match the network's {:?}",
                net.hidden_sizes()
            ));
        }
        for (l, layer) in self.layers.iter().enumerate() {
            let (weights, biases) = net.layer_mut(l);
            for (dst, &src) in weights.iter_mut().zip(layer.weights.iter().flatten()) {
                *dst = src;
            }
            biases.copy_from_slice(&layer.biases);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::output::Task;

    #[test]
    fn round_trips_through_json() {
        let mut net = Network::new(2, &[3, 2], Activation::Tanh, Task::Binary).unwrap();
        for (i, p) in net.params_mut().iter_mut().enumerate() {
            *p = (i as f64 * 0.37).sin() / 3.0;
        }
        let text = WeightsFile::of(&net).to_json();
        let file = WeightsFile::parse(&text).unwrap();
        assert_eq!(file.hidden_sizes(2, 1).unwrap(), [3, 2]);
        let mut back = Network::new(2, &[3, 2], Activation::Tanh, Task::Binary).unwrap();
        file.apply_to(&mut back).unwrap();
        assert_eq!(back.params(), net.params());
    }

    #[test]
    fn names_the_field_that_does_not_fit() {
        let file = WeightsFile::parse(
            r#"{"layers":[{"weights":[[1,2],[3,4]],"biases":[0,0]},{"weights":[[1,2,3]],"biases":[0]}]}"#,
        )
        .unwrap();
        let e = file.hidden_sizes(2, 1).unwrap_err();
        assert!(
            e.starts_with("layers[1].weights[0]: 3 values, expected 2"),
            "{e}"
        );
        assert!(file
            .hidden_sizes(3, 1)
            .unwrap_err()
            .starts_with("layers[0].weights[0]"));
        assert!(WeightsFile::parse(r#"{"layers":[{"weights":[[1e999]],"biases":[0]}]}"#).is_err());
    }

    #[test]
    fn a_file_that_is_empty_or_no_json_is_called_so_and_a_place_is_said_once() {
        let refusal = |text: &str| WeightsFile::parse(text).unwrap_err();
        assert_eq!(refusal(""), "the file is empty");
        assert_eq!(refusal(" \n"), "the file is empty");
        assert_eq!(
            refusal("hello"),
            "the file is not JSON (line 1, column 1): expected value"
        );
        assert_eq!(
            refusal(r#"{"layers": 5}"#),
            "layers: expected a list of layers, found a number (line 1, column 12)"
        );
        assert_eq!(
            refusal(r#"{"layers": [] "#).split(':').next(),
            Some("the file is not JSON (line 1, column 14)")
        );
    }
}
