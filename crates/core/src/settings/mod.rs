//! Every choice that defines a run, in one table; the same settings and seed always give the
//! same bits. One seed feeds four streams, so that the course's defaults fall out of seed 1:
//! data = seed (the flower's `np.random.seed(1)`), initial weights = seed + 1
//! (`initialize_parameters`' `np.random.seed(2)`), batch order = seed + 2, test split = seed + 3.

use crate::activation::Activation;
use crate::dataset::{Dataset, DatasetName, MAX_POINTS};
use crate::features::{self, Feature};
use crate::init::Initializer;
use crate::network::Network;
use crate::optimizer::Optimizer;
use crate::regularization::Regularization;
use crate::rng::RandomState;
use crate::train::{TrainConfig, Trainer};
use serde::{Deserialize, Serialize};

mod check;
pub mod schema;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegularizationKind {
    #[default]
    None,
    L1,
    L2,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Settings {
    pub dataset: DatasetName,
    /// `None` is the data set's own default noise.
    pub noise: Option<f64>,
    /// The share of points held out for testing.
    pub test_ratio: f64,
    pub seed: u32,
    pub hidden: Vec<usize>,
    pub activation: Activation,
    pub init: Initializer,
    pub learning_rate: f64,
    /// `None` is the full batch.
    pub batch_size: Option<usize>,
    pub optimizer: Optimizer,
    pub regularization: RegularizationKind,
    pub regularization_rate: f64,
    /// What the network sees of each point; the plain coordinates by default.
    pub features: Vec<Feature>,
}

impl Default for Settings {
    /// The course's run: flower seed 1, one hidden layer of 4 tanh neurons, course
    /// initialisation, learning rate 1.2, full-batch gradient descent.
    fn default() -> Self {
        Self {
            dataset: DatasetName::Flower,
            noise: None,
            test_ratio: 0.0,
            seed: 1,
            hidden: vec![4],
            activation: Activation::Tanh,
            init: Initializer::Course,
            learning_rate: 1.2,
            batch_size: None,
            optimizer: Optimizer::Gd,
            regularization: RegularizationKind::None,
            regularization_rate: 0.0,
            features: Feature::PLAIN.to_vec(),
        }
    }
}

impl Settings {
    pub fn data(&self) -> Dataset {
        let noise = self.noise.unwrap_or(self.dataset.default_noise());
        self.dataset.generate(self.seed, noise)
    }

    pub fn train_config(&self) -> TrainConfig {
        let rate = self.regularization_rate;
        TrainConfig {
            learning_rate: self.learning_rate,
            batch_size: self.batch_size,
            optimizer: self.optimizer,
            regularization: match self.regularization {
                RegularizationKind::None => Regularization::None,
                RegularizationKind::L1 => Regularization::L1(rate),
                RegularizationKind::L2 => Regularization::L2(rate),
            },
            shuffle_seed: self.seed.wrapping_add(2),
        }
    }

    /// A network of these settings' shape for `data`, initialised from seed + 1.
    pub fn initial_network(&self, data: &Dataset) -> Result<Network, String> {
        let features = features::normalized(&self.features)?;
        let mut net = Network::new(features.len(), &self.hidden, self.activation, data.task)?
            .with_features(&features)?;
        let mut rng = RandomState::new(self.seed.wrapping_add(1));
        self.init.initialize(&mut net, &mut rng);
        Ok(net)
    }

    /// Generates the data, splits it and starts training, with every value in range first
    /// (a noise of 1e308 would make points no plot can hold).
    pub fn start(&self) -> Result<Session, String> {
        let (settings, _) = self.checked();
        let data = settings.data();
        Session::new(settings, data, None)
    }
}

/// A run in progress: its settings, data and trainer.
#[derive(Debug)]
pub struct Session {
    pub settings: Settings,
    pub data: Dataset,
    pub train: Dataset,
    pub test: Dataset,
    pub trainer: Trainer,
}

impl Session {
    /// Trains on `data` (generated or imported); `network` overrides the initialiser.
    pub fn new(
        settings: Settings,
        data: Dataset,
        network: Option<Network>,
    ) -> Result<Self, String> {
        // Whatever reaches a run is in range; callers that show notices have them from
        // `checked` too.
        let (settings, _) = settings.checked();
        if data.len() > MAX_POINTS {
            return Err(format!(
                "{} points; a run trains on at most {MAX_POINTS}",
                data.len()
            ));
        }
        let (train, test) = data.split(settings.test_ratio, settings.seed.wrapping_add(3));
        if train.is_empty() {
            return Err("no training points are left after the test split".into());
        }
        let network = match network {
            Some(n) => n,
            None => settings.initial_network(&data)?,
        };
        let trainer = Trainer::new(network, settings.train_config(), &train, &test);
        Ok(Self {
            settings,
            data,
            train,
            test,
            trainer,
        })
    }
}
