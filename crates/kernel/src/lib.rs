//! The arithmetic that runs on every training step and every raster pixel: the network's
//! forward and backward passes, the activations and output functions, the optimisers'
//! updates, regularisation, the input features and the rasters.
//!
//! It is a crate of its own so that the release profile can compile it for speed while the
//! rest of the core (data sets, run files, history, settings), which runs once per load or
//! per click, is compiled for size. `neuranim-core` re-exports every module here under its
//! own name, so nothing outside needs to know of the split.

pub mod activation;
pub mod bounds;
pub mod fastmath;
pub mod features;
pub mod network;
pub mod optimizer;
pub mod output;
pub mod raster;
pub mod regularization;
pub mod rounded_math;
