//! `neuranim`: generates data sets and trains networks from the command line.

mod args;
mod commands;
mod error;
mod files;
mod usage;
mod values;

use args::Args;
use error::CliError;
use neuranim_core::excerpt;
use std::process::ExitCode;

fn main() -> ExitCode {
    let result = match arguments() {
        Ok(args) if args.is_empty() => {
            eprintln!("{}", usage::SHORT);
            return ExitCode::from(2);
        }
        Ok(args) => run(args),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(message) = e.message() {
                eprintln!("neuranim: {message}");
            }
            ExitCode::from(e.exit_code())
        }
    }
}

/// Every argument as text, checked before any is read, so that one that is not UTF-8 is
/// refused wherever it stands, even after `--version` or a help topic.
fn arguments() -> Result<Vec<String>, CliError> {
    std::env::args_os().skip(1).map(args::utf8).collect()
}

fn run(mut args: Vec<String>) -> Result<(), CliError> {
    let command = args.remove(0);
    let wants_help = args.iter().any(|a| a == "--help" || a == "-h");
    match command.as_str() {
        "help" | "--help" | "-h" => {
            nothing_after(&command, &args, 1, "a command")?;
            help(args.first().map(String::as_str))
        }
        "--version" | "-V" => {
            nothing_after(&command, &args, 0, "no arguments")?;
            files::write_stdout(&format!("neuranim {}\n", env!("CARGO_PKG_VERSION")))
        }
        "dataset" if wants_help => help(Some("dataset")),
        "train" if wants_help => help(Some("train")),
        "dataset" => commands::dataset::run(Args::new("dataset", args)),
        "train" => commands::train::run(Args::new("train", args)),
        other => Err(CliError::input(format!(
            "unknown command '{}'; expected dataset, train or help (see 'neuranim --help')",
            excerpt(other)
        ))),
    }
}

/// `command` reads only its first `reads` arguments (`takes` says which); one beyond them is
/// refused, since a word the reader meant is otherwise quietly passed over.
fn nothing_after(
    command: &str,
    args: &[String],
    reads: usize,
    takes: &str,
) -> Result<(), CliError> {
    match args.get(reads) {
        None => Ok(()),
        Some(extra) => Err(CliError::input(format!(
            "{command} takes {takes}; found '{}' after it",
            excerpt(extra)
        ))),
    }
}

fn help(topic: Option<&str>) -> Result<(), CliError> {
    let text = match topic {
        None => usage::main(),
        Some("dataset") => usage::dataset(),
        Some("train") => usage::train(),
        Some(other) => {
            return Err(CliError::input(format!(
                "help: unknown command '{}'; expected dataset or train",
                excerpt(other)
            )))
        }
    };
    files::write_stdout(&text)
}
