pub mod dataset;
pub mod train;
