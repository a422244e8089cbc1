//! Every way a command can fail, and the exit status each one gives.

use neuranim_core::{excerpt, Divergence};
use std::fmt::Display;
use std::io;

#[derive(Debug)]
pub enum CliError {
    /// Bad arguments or bad input: status 2, before anything is written.
    Input(String),
    /// An output could not be written: status 1.
    Output(String),
    /// Training stopped on a number that is no longer finite: status 3.
    Diverged(Divergence),
    /// The reader of stdout went away (e.g. `| head`); it wants nothing more, not even a message.
    BrokenPipe,
}

impl CliError {
    pub fn input(message: impl Into<String>) -> Self {
        Self::Input(message.into())
    }

    /// Bad input found in `path`.
    pub fn in_file(path: &str, message: impl Display) -> Self {
        Self::Input(format!("{}: {message}", excerpt(path)))
    }

    /// A failed write to stdout.
    pub fn stdout(error: io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::BrokenPipe => Self::BrokenPipe,
            _ => Self::Output(format!("stdout: {error}")),
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Self::BrokenPipe => 0,
            Self::Output(_) => 1,
            Self::Input(_) => 2,
            Self::Diverged(_) => 3,
        }
    }

    /// The line for stderr, if any.
    pub fn message(&self) -> Option<String> {
        match self {
            Self::Input(m) | Self::Output(m) => Some(m.clone()),
            Self::Diverged(d) => Some(d.to_string()),
            Self::BrokenPipe => None,
        }
    }
}

impl From<Divergence> for CliError {
    fn from(d: Divergence) -> Self {
        Self::Diverged(d)
    }
}
