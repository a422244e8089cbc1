//! What the next update will do, worked out without making it: the batch it trains on, the
//! gradient over that batch and the parameters after it, and (`phases`) the numbers of each
//! of its beats: forward, cost, backward, update. The live maths shows the update row
//! (W := W − α·dW) with these numbers and the slow-motion step plays them; tests hold them
//! to `step` bit for bit.

use super::{Columns, Trainer};
use crate::network::{Cache, Network};

/// The next update of a trainer.
#[derive(Clone, Debug, PartialEq)]
pub struct NextUpdate {
    /// Examples in the batch: the m of the gradient's 1/m.
    pub examples: usize,
    /// The batch's gradient (regularisation included), in the parameters' flat layout.
    pub grads: Vec<f64>,
    /// The parameters after the update.
    pub params: Vec<f64>,
}

/// One update told in the course's four beats, with the numbers the update is made of:
/// what flows forward along each edge, each example's loss and the cost, the error signal
/// back at each neuron, and the update itself.
#[derive(Clone, Debug, PartialEq)]
pub struct StepPhases {
    /// The batch, as indices into the training set (in the order the update reads them).
    pub batch: Vec<usize>,
    /// The output layer's activations for the batch, A_L (n_out × m, example by example
    /// within each output row).
    pub outputs: Vec<f64>,
    /// Each example's loss, without the regularisation penalty.
    pub losses: Vec<f64>,
    /// The cost the update descends: the mean loss plus the penalty, as `step` computes it.
    pub cost: f64,
    /// The regularisation penalty within `cost`.
    pub penalty: f64,
    /// In the parameters' flat layout: for weight W[l][i][k], the mean over the batch of
    /// |W[l][i][k] · a[k]|, how much that edge carries forward; for bias b[l][i], |b[l][i]|.
    pub flows: Vec<f64>,
    /// Per layer, per neuron: Σ over the batch of dZ (the 1/m is in dZ), the error signal
    /// the backward pass brings to the neuron; without the penalty, it is the bias's gradient.
    pub signals: Vec<Vec<f64>>,
    pub update: NextUpdate,
}

impl Trainer {
    /// The next update as `step` would make it, or `None` once training has diverged or the
    /// update would not be finite. Costs a forward and a backward pass over the batch.
    pub fn next_update(&self) -> Option<NextUpdate> {
        self.phases().map(|phases| phases.update)
    }

    /// The next update with every phase's numbers, worked out without making it; `None` as
    /// for `next_update`.
    pub fn phases(&self) -> Option<StepPhases> {
        if self.diverged.is_some() {
            return None;
        }
        let (batch, peeked) = if self.is_full_batch() {
            ((0..self.train.m).collect(), None)
        } else {
            let (batch, columns) = self.peek_batch();
            (batch, Some(columns))
        };
        let data = peeked.as_ref().unwrap_or(&self.train);
        let net = &self.network;
        let mut cache = Cache::default();
        net.forward(&data.x, data.m, &mut cache);
        let reg = self.config.regularization;
        let penalty = reg.penalty(net, data.m);
        let cost = net.mean_loss(&data.y, &cache) + penalty;
        let losses = example_losses(net, &data.y, &cache);
        let flows = flows(net, &data.x, &cache);
        let mut grads = vec![0.0; net.params().len()];
        net.backward(&data.x, &data.y, &mut cache, &mut grads);
        let signals = cache
            .dz
            .iter()
            .map(|dz| {
                dz.chunks_exact(data.m)
                    .map(|row| row.iter().sum())
                    .collect()
            })
            .collect();
        reg.add_gradient(net, data.m, &mut grads);
        let mut params = net.params().to_vec();
        let mut state = self.state.clone();
        state.apply(
            self.config.optimizer,
            self.config.learning_rate,
            &mut params,
            &grads,
        );
        let finite = cost.is_finite() && grads.iter().chain(&params).all(|v| v.is_finite());
        finite.then_some(StepPhases {
            batch,
            outputs: cache.output().to_vec(),
            losses,
            cost,
            penalty,
            flows,
            signals,
            update: NextUpdate {
                examples: data.m,
                grads,
                params,
            },
        })
    }

    /// The mini-batch the next `step` gathers, from copies of where the batches stand: its
    /// indices into the training set and its columns.
    fn peek_batch(&self) -> (Vec<usize>, Columns) {
        let size = self.config.batch_size.unwrap_or(self.train.m).max(1);
        let mut order = self.order.clone();
        if self.cursor == 0 {
            self.order_rng.clone().shuffle(&mut order);
        }
        let picked = &order[self.cursor..(self.cursor + size).min(self.train.m)];
        let (m, n_x) = (picked.len(), self.network.sizes()[0]);
        let mut batch = Columns {
            x: vec![0.0; n_x * m],
            y: Vec::with_capacity(m),
            m,
        };
        for (j, &i) in picked.iter().enumerate() {
            for f in 0..n_x {
                batch.x[f * m + j] = self.train.x[f * self.train.m + i];
            }
            batch.y.push(self.train.y[i]);
        }
        (picked.to_vec(), batch)
    }
}

/// Each example's loss, by the same function as the batch's (so that their sum in order,
/// over m, is the mean loss bit for bit).
fn example_losses(net: &Network, y: &[f64], cache: &Cache) -> Vec<f64> {
    let m = cache.m;
    let last = net.layer_count() - 1;
    let n_out = net.sizes()[last + 1];
    let column =
        |values: &[f64], j: usize| (0..n_out).map(|c| values[c * m + j]).collect::<Vec<_>>();
    (0..m)
        .map(|j| {
            let (z, a) = (column(&cache.z[last], j), column(&cache.a[last], j));
            net.task().total_loss(&z, &a, &y[j..=j], 1)
        })
        .collect()
}

/// |W·a| averaged over the batch for every weight, |b| for every bias, in the flat layout.
fn flows(net: &Network, x: &[f64], cache: &Cache) -> Vec<f64> {
    let m = cache.m;
    let mut flows = Vec::with_capacity(net.params().len());
    for l in 0..net.layer_count() {
        let layer = net.layer(l);
        let input: &[f64] = if l == 0 { x } else { &cache.a[l - 1] };
        let mean_size: Vec<f64> = input
            .chunks_exact(m.max(1))
            .map(|row| row.iter().map(|v| v.abs()).sum::<f64>() / m as f64)
            .collect();
        for row in layer.weights.chunks_exact(layer.n_in) {
            flows.extend(row.iter().zip(&mean_size).map(|(w, a)| (w * a).abs()));
        }
        flows.extend(layer.biases.iter().map(|b| b.abs()));
    }
    flows
}

#[cfg(test)]
mod tests {
    use crate::maths::example_maths;
    use crate::{DatasetName, Initializer, Optimizer, Settings};

    #[test]
    fn the_next_update_is_the_one_step_makes_bit_for_bit() {
        let mini = Settings {
            dataset: DatasetName::Spiral,
            hidden: vec![6, 3],
            init: Initializer::Xavier,
            learning_rate: 0.01,
            batch_size: Some(7),
            optimizer: Optimizer::ADAM,
            ..Settings::default()
        };
        for settings in [Settings::default(), mini] {
            let mut trainer = settings.start().unwrap().trainer;
            for i in 0..150 {
                let next = trainer.next_update().unwrap();
                trainer.step().unwrap();
                let bits = |v: &[f64]| v.iter().map(|p| p.to_bits()).collect::<Vec<_>>();
                assert_eq!(
                    bits(&next.params),
                    bits(trainer.network().params()),
                    "update {i}"
                );
                // A whole batch, or what the epoch has left.
                let size = settings.batch_size.unwrap_or(usize::MAX);
                assert!(
                    next.examples > 0 && next.examples <= size.min(400),
                    "{}",
                    next.examples
                );
            }
        }
    }

    /// The phases' numbers against ones worked out another way: each example alone through
    /// the course's walkthrough (`example_maths`), and the history `step` records.
    #[test]
    fn the_phases_are_the_steps_numbers() {
        let mini = Settings {
            dataset: DatasetName::Spiral,
            hidden: vec![5, 3],
            learning_rate: 0.03,
            batch_size: Some(9),
            regularization: crate::settings::RegularizationKind::L2,
            regularization_rate: 0.01,
            ..Settings::default()
        };
        for settings in [Settings::default(), mini] {
            let session = settings.start().unwrap();
            let mut trainer = session.trainer;
            for iteration in 0..40 {
                let phases = trainer.phases().unwrap();
                let net = trainer.network().clone();
                let m = phases.batch.len() as f64;
                let mut flows = vec![0.0; net.params().len()];
                let mut signals: Vec<Vec<f64>> =
                    net.sizes()[1..].iter().map(|&n| vec![0.0; n]).collect();
                for (j, &i) in phases.batch.iter().enumerate() {
                    let point = session.train.points[i];
                    let alone = example_maths(&net, point, session.train.labels[i]);
                    assert_close(phases.losses[j], alone.loss);
                    assert_close(phases.outputs[j], alone.layers.last().unwrap().a[0]);
                    let mut offset = 0;
                    for (l, layer) in alone.layers.iter().enumerate() {
                        let w = net.layer(l);
                        let input = if l == 0 {
                            &alone.x
                        } else {
                            &alone.layers[l - 1].a
                        };
                        for (n, weight) in w.weights.iter().enumerate() {
                            flows[offset + n] += (weight * input[n % w.n_in]).abs() / m;
                        }
                        for (n, b) in w.biases.iter().enumerate() {
                            flows[offset + w.weights.len() + n] = b.abs();
                        }
                        offset += w.weights.len() + w.n_out;
                        for (s, dz) in signals[l].iter_mut().zip(&layer.dz) {
                            *s += dz / m;
                        }
                    }
                }
                for (l, (ours, theirs)) in phases.signals.iter().zip(&signals).enumerate() {
                    for (a, b) in ours.iter().zip(theirs) {
                        assert!((a - b).abs() <= 1e-12, "layer {l}: {a} against {b}");
                    }
                }
                for (n, (a, b)) in phases.flows.iter().zip(&flows).enumerate() {
                    assert!((a - b).abs() <= 1e-12, "parameter {n}: {a} against {b}");
                }
                let mean: f64 = phases.losses.iter().sum::<f64>() / m;
                assert_eq!((mean + phases.penalty).to_bits(), phases.cost.to_bits());
                let full = settings.batch_size.is_none();
                trainer.step().unwrap();
                if full {
                    let record = trainer.history().last().unwrap();
                    assert_eq!(record.iteration, iteration);
                    assert_eq!(record.train.cost.to_bits(), phases.cost.to_bits());
                }
            }
        }
    }

    #[test]
    fn the_course_s_first_cost_is_0_693048() {
        let trainer = Settings::default().start().unwrap().trainer;
        let phases = trainer.phases().unwrap();
        assert_eq!(format!("{:.6}", phases.cost), "0.693048");
        assert_eq!(phases.batch.len(), 400);
    }

    fn assert_close(a: f64, b: f64) {
        assert!((a - b).abs() <= 1e-12 * (1.0 + b.abs()), "{a} against {b}");
    }
}
