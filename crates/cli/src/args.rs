//! Walks a command's arguments one at a time through lexopt: options (`--lr 0.5`) and plain
//! words. An option comes back spelled as it was typed, since messages quote it that way.

use crate::error::CliError;
use lexopt::Arg as Token;
use neuranim_core::excerpt;
use std::ffi::{OsStr, OsString};

#[derive(Debug, PartialEq, Eq)]
pub enum Arg {
    Flag(String),
    Word(String),
}

#[derive(Debug)]
pub struct Args {
    command: &'static str,
    parser: lexopt::Parser,
    seen: Vec<String>,
}

impl Args {
    pub fn new(command: &'static str, args: Vec<String>) -> Self {
        let mut parser = lexopt::Parser::from_args(args);
        // No option is short, so `-x=1` is one unknown option to quote whole, `=` and all.
        parser.set_short_equals(false);
        Self {
            command,
            parser,
            seen: Vec::new(),
        }
    }

    /// The next argument; an option given twice is an error rather than a silent override.
    pub fn next_arg(&mut self) -> Result<Option<Arg>, CliError> {
        let arg = self.next_token()?;
        if let Some(Arg::Flag(flag)) = &arg {
            if self.seen.contains(flag) {
                return Err(CliError::input(format!("{} is given twice", excerpt(flag))));
            }
            self.seen.push(flag.clone());
        }
        Ok(arg)
    }

    fn next_token(&mut self) -> Result<Option<Arg>, CliError> {
        // lexopt would end the options at `--`; no command takes a word that starts with a
        // dash, so here `--` is just an option that does not exist.
        let dashes = |a: &OsStr| a == "--";
        if let Some(arg) = self
            .parser
            .try_raw_args()
            .and_then(|mut r| r.next_if(dashes))
        {
            return Ok(Some(Arg::Flag(utf8(arg)?)));
        }
        let mut flag = match self.parser.next().map_err(refused)? {
            None => return Ok(None),
            Some(Token::Value(word)) => return Ok(Some(Arg::Word(utf8(word)?))),
            Some(Token::Long(name)) => format!("--{name}"),
            Some(Token::Short(letter)) => format!("-{letter}"),
        };
        // No option takes `--opt=value` or `-abc`: the rest of the argument stays part of
        // the option, which is then unknown and quoted whole.
        if let Some(rest) = self.parser.optional_value() {
            if flag.starts_with("--") {
                flag.push('=');
            }
            flag.push_str(&utf8(rest)?);
        }
        Ok(Some(Arg::Flag(flag)))
    }

    /// The value that follows `flag`; a single dash is allowed so that `--noise -1` can be
    /// refused for its range rather than read as a missing value.
    pub fn value(&mut self, flag: &str) -> Result<String, CliError> {
        let missing = || CliError::input(format!("{flag} needs a value"));
        let value = utf8(self.parser.value().map_err(|_| missing())?)?;
        if value.starts_with("--") {
            return Err(missing());
        }
        Ok(value)
    }

    pub fn unknown_flag(&self, flag: &str) -> CliError {
        let command = self.command;
        // `--lr=0.5`, as other tools take it: the way this one does is worth the words.
        let hint = match flag.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                format!(
                    "an option and its value are two words, '{name} {}'; ",
                    excerpt(value)
                )
            }
            _ => String::new(),
        };
        CliError::input(format!(
            "{command}: unknown option '{}' ({hint}see 'neuranim {command} --help')",
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

/// An argument as text, or the refusal every argument that is not UTF-8 gets.
pub fn utf8(arg: OsString) -> Result<String, CliError> {
    arg.into_string().map_err(|arg| {
        let shown = excerpt(&arg.to_string_lossy());
        CliError::input(format!("'{shown}' is not valid UTF-8"))
    })
}

/// lexopt refuses only a value left over from the previous option, which `next_token`
/// always takes; quoted short all the same, since it holds what was typed.
fn refused(error: lexopt::Error) -> CliError {
    CliError::input(excerpt(&error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(args: &[&str]) -> Vec<Result<Arg, String>> {
        let strings = args.iter().map(|a| a.to_string()).collect();
        let mut args = Args::new("train", strings);
        let mut seen = Vec::new();
        loop {
            match args.next_arg() {
                Ok(Some(arg)) => seen.push(Ok(arg)),
                Ok(None) => return seen,
                Err(e) => {
                    seen.push(Err(e.message().unwrap()));
                    return seen;
                }
            }
        }
    }

    #[test]
    fn options_are_returned_as_typed() {
        let flag = |f: &str| Ok(Arg::Flag(f.to_string()));
        let word = |w: &str| Ok(Arg::Word(w.to_string()));
        let spellings = [
            "--lr=0.5", "--a=b=c", "--=x", "--a=", "-abc", "-a=b", "-1", "---x", "--",
        ];
        for spelling in spellings {
            assert_eq!(walk(&[spelling]), [flag(spelling)], "{spelling}");
        }
        assert_eq!(
            walk(&["-", "", "x", "--", "y"]),
            [word("-"), word(""), word("x"), flag("--"), word("y")]
        );
        assert_eq!(
            walk(&["--seed", "-x", "--seed"]),
            [
                flag("--seed"),
                flag("-x"),
                Err("--seed is given twice".into())
            ]
        );
    }

    #[test]
    fn a_value_is_the_next_argument_unless_it_is_an_option() {
        let value = |args: &[&str]| {
            let mut args = Args::new("train", args.iter().map(|a| a.to_string()).collect());
            assert_eq!(args.next_arg().unwrap(), Some(Arg::Flag("--lr".into())));
            args.value("--lr").map_err(|e| e.message().unwrap())
        };
        assert_eq!(value(&["--lr", "-1"]), Ok("-1".into()));
        assert_eq!(value(&["--lr", "-"]), Ok("-".into()));
        assert_eq!(value(&["--lr", "=1"]), Ok("=1".into()));
        for missing in [&["--lr"][..], &["--lr", "--"], &["--lr", "--seed"]] {
            assert_eq!(value(missing), Err("--lr needs a value".into()));
        }
    }
}
