//! Walks a command's arguments one at a time: options (`--lr 0.5`) and plain words.

use crate::error::CliError;
use neuranim_core::excerpt;
use std::collections::VecDeque;

#[derive(Debug, PartialEq, Eq)]
pub enum Arg {
    Flag(String),
    Word(String),
}

#[derive(Debug)]
pub struct Args {
    command: &'static str,
    rest: VecDeque<String>,
    seen: Vec<String>,
}

impl Args {
    pub fn new(command: &'static str, args: Vec<String>) -> Self {
        Self {
            command,
            rest: args.into(),
            seen: Vec::new(),
        }
    }

    /// The next argument; an option given twice is an error rather than a silent override.
    pub fn next_arg(&mut self) -> Result<Option<Arg>, CliError> {
        let Some(arg) = self.rest.pop_front() else {
            return Ok(None);
        };
        if !arg.starts_with('-') || arg == "-" {
            return Ok(Some(Arg::Word(arg)));
        }
        if self.seen.contains(&arg) {
            return Err(CliError::input(format!("{} is given twice", excerpt(&arg))));
        }
        self.seen.push(arg.clone());
        Ok(Some(Arg::Flag(arg)))
    }

    /// The value that follows `flag`; a single dash is allowed so that `--noise -1` can be
    /// refused for its range rather than read as a missing value.
    pub fn value(&mut self, flag: &str) -> Result<String, CliError> {
        match self.rest.pop_front() {
            Some(v) if !v.starts_with("--") => Ok(v),
            _ => Err(CliError::input(format!("{flag} needs a value"))),
        }
    }

    pub fn unknown_flag(&self, flag: &str) -> CliError {
        let command = self.command;
        CliError::input(format!(
            "{command}: unknown option '{}' (see 'neuranim {command} --help')",
            excerpt(flag)
        ))
    }

    pub fn unexpected_word(&self, word: &str) -> CliError {
        let command = self.command;
        CliError::input(format!(
            "{command}: unexpected argument '{}' (see 'neuranim {command} --help')",
            excerpt(word)
        ))
    }
}
