//! Reading inputs and writing outputs, with errors that name the file.

use crate::error::CliError;
use std::io::{self, Write};
use std::path::Path;

pub fn read_text(path: &str) -> Result<String, CliError> {
    std::fs::read_to_string(path)
        .map_err(|e| CliError::in_file(path, format!("cannot read: {}", describe(&e))))
}

/// Checks up front that `path` can be created, so that a typo fails before any work is done.
pub fn check_writable(flag: &str, path: &str) -> Result<(), CliError> {
    let target = Path::new(path);
    if target.is_dir() {
        return Err(CliError::input(format!("{flag} {path}: is a directory")));
    }
    let parent = target.parent().filter(|p| !p.as_os_str().is_empty());
    match parent {
        Some(dir) if !dir.is_dir() => Err(CliError::input(format!(
            "{flag} {path}: no such directory '{}'",
            dir.display()
        ))),
        _ => Ok(()),
    }
}

pub fn write_text(path: &str, text: &str) -> Result<(), CliError> {
    std::fs::write(path, text)
        .map_err(|e| CliError::Output(format!("{path}: cannot write: {}", describe(&e))))
}

pub fn write_stdout(text: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(CliError::stdout)
}

fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => error.to_string(),
    }
}
