//! neuranim's core: a small multilayer perceptron trained by gradient descent on 2-D data,
//! written so that a student can put it beside the course's maths, plus the data sets, the
//! training history and the rasters that the page paints.
//!
//! Pure Rust: nothing here knows of browsers, pixels' colours or files. Transcendental
//! functions go through `libm`, so native and wasm32 builds compute the same bits.

pub use neuranim_kernel::{
    activation, fastmath, features, network, optimizer, output, raster, regularization,
    rounded_math,
};

pub mod dataset;
pub mod excerpt;
pub mod history;
pub mod init;
mod json_error;
pub mod maths;
pub mod recorded;
pub mod rng;
pub mod run_file;
pub mod settings;
pub mod timeline;
pub mod train;
pub mod weights;

pub use activation::Activation;
pub use dataset::{Bounds, Dataset, DatasetName};
pub use excerpt::excerpt;
pub use features::Feature;
pub use history::{History, Metrics, Record};
pub use init::Initializer;
pub use network::Network;
pub use optimizer::Optimizer;
pub use output::Task;
pub use raster::{Grid, Rasterizer};
pub use recorded::RecordedRun;
pub use regularization::Regularization;
pub use run_file::RunFile;
pub use settings::{Session, Settings};
pub use timeline::{Event, Timeline};
pub use train::{Divergence, TrainConfig, Trainer, TrainerState};
pub use weights::WeightsFile;
