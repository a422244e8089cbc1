//! Everything a run needs, read and checked before the first row is printed.

use super::options::{DataSource, TrainOptions};
use crate::error::CliError;
use crate::files;
use crate::values::InitSource;
use neuranim_core::dataset::parse_csv;
use neuranim_core::{Activation, Network, Session, Task, WeightsFile};

pub fn session(options: &TrainOptions) -> Result<Session, CliError> {
    let mut settings = options.settings.clone();
    let data = match &options.data {
        DataSource::Generated { name, noise } => {
            settings.dataset = *name;
            settings.noise = *noise;
            settings.data()
        }
        DataSource::File { path, task } => {
            let text = files::read_text(path)?;
            parse_csv(&text, *task).map_err(|e| CliError::in_file(path, e))?
        }
    };
    let network = match &options.init {
        InitSource::Named(init) => {
            settings.init = *init;
            None
        }
        InitSource::File(path) => {
            let hidden = options.hidden.as_deref();
            let net = network_from_file(path, hidden, settings.activation, data.task)?;
            settings.hidden = net.hidden_sizes().to_vec();
            Some(net)
        }
    };
    // What a run cannot take of a file's points (too many, none left to train on after the
    // test share) is said of that file.
    Session::new(settings, data, network).map_err(|e| match &options.data {
        DataSource::File { path, .. } => CliError::in_file(path, e),
        DataSource::Generated { .. } => CliError::Input(e),
    })
}

/// A network whose shape and weights come from a weights file; `hidden`, if given on the
/// command line, must agree with the file.
fn network_from_file(
    path: &str,
    hidden: Option<&[usize]>,
    activation: Activation,
    task: Task,
) -> Result<Network, CliError> {
    let text = files::read_text(path).map_err(|e| match e {
        CliError::Input(m) => CliError::Input(format!(
            "{m} (--init takes course, xavier, he or a weights file)"
        )),
        other => other,
    })?;
    let in_file = |message: String| CliError::in_file(path, message);
    let file = WeightsFile::parse(&text).map_err(in_file)?;
    let sizes = file.hidden_sizes(2, task.output_size()).map_err(in_file)?;
    if let Some(given) = hidden.filter(|&h| h != sizes) {
        return Err(in_file(format!(
            "hidden sizes {sizes:?} do not match --hidden {given:?}"
        )));
    }
    let mut net = Network::new(2, &sizes, activation, task).map_err(in_file)?;
    file.apply_to(&mut net).map_err(in_file)?;
    Ok(net)
}
