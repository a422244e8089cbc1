//! What the next update will do, worked out without making it: the batch it trains on, the
//! gradient over that batch and the parameters after it. The live maths shows the update
//! row (W := W − α·dW) with these numbers; a test holds them to `step` bit for bit.

use super::{Columns, Trainer};
use crate::network::Cache;

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

impl Trainer {
    /// The next update as `step` would make it, or `None` once training has diverged or the
    /// update would not be finite. Costs a forward and a backward pass over the batch.
    pub fn next_update(&self) -> Option<NextUpdate> {
        if self.diverged.is_some() {
            return None;
        }
        let peeked;
        let data = if self.is_full_batch() {
            &self.train
        } else {
            peeked = self.peek_batch();
            &peeked
        };
        let net = &self.network;
        let mut cache = Cache::default();
        net.forward(&data.x, data.m, &mut cache);
        let mut grads = vec![0.0; net.params().len()];
        net.backward(&data.x, &data.y, &mut cache, &mut grads);
        self.config
            .regularization
            .add_gradient(net, data.m, &mut grads);
        let mut params = net.params().to_vec();
        let mut state = self.state.clone();
        state.apply(
            self.config.optimizer,
            self.config.learning_rate,
            &mut params,
            &grads,
        );
        let finite = grads.iter().chain(&params).all(|v| v.is_finite());
        finite.then_some(NextUpdate {
            examples: data.m,
            grads,
            params,
        })
    }

    /// The mini-batch the next `step` gathers, from copies of where the batches stand.
    fn peek_batch(&self) -> Columns {
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
        batch
    }
}

#[cfg(test)]
mod tests {
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
}
