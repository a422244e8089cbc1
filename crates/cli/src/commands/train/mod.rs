//! `neuranim train`: trains one network and prints its progress as CSV.

mod options;
mod progress;
mod setup;

use crate::args::Args;
use crate::error::CliError;
use crate::files;
use neuranim_core::WeightsFile;
use std::io::{self, BufWriter, Write};

pub fn run(args: Args) -> Result<(), CliError> {
    let options = options::parse(args)?;
    if let Some(path) = &options.weights_out {
        files::check_writable("--weights-out", path)?;
        files::check_not_input("--weights-out", path, &options.input_files())?;
    }
    let mut session = setup::session(&options)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let trained = progress::train(&mut session, options.iterations, &mut out);
    if !matches!(trained, Ok(()) | Err(CliError::Diverged(_))) {
        return trained;
    }
    // The rows go out before the divergence message, as they happened.
    out.flush().map_err(CliError::stdout)?;
    if let Some(path) = &options.weights_out {
        let weights = WeightsFile::of(session.trainer.network());
        // A text file ends its last line, as a terminal or `cat` expects.
        files::write_text(path, &format!("{}\n", weights.to_json()))?;
    }
    trained
}
