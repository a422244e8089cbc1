//! `neuranim dataset NAME`: a generated data set as CSV.

use crate::args::{Arg, Args};
use crate::error::CliError;
use crate::{files, values};
use neuranim_core::dataset::to_csv;

pub fn run(mut args: Args) -> Result<(), CliError> {
    let (mut name, mut seed, mut noise, mut out) = (None, 1, None, None);
    while let Some(arg) = args.next_arg()? {
        match arg {
            Arg::Word(word) if name.is_none() => name = Some(values::dataset(&word)?),
            Arg::Word(word) => return Err(args.unexpected_word(&word)),
            Arg::Flag(flag) => match flag.as_str() {
                "--seed" => seed = values::seed(&flag, &args.value(&flag)?)?,
                "--noise" => noise = Some(values::noise(&flag, &args.value(&flag)?)?),
                "--out" => out = Some(args.value(&flag)?),
                _ => return Err(args.unknown_flag(&flag)),
            },
        }
    }
    let name = name.ok_or_else(|| {
        CliError::input(format!(
            "dataset: missing NAME, one of {}",
            values::dataset_names()
        ))
    })?;
    if let Some(path) = &out {
        files::check_writable("--out", path)?;
    }
    let csv = to_csv(&name.generate(seed, noise.unwrap_or(name.default_noise())));
    match &out {
        Some(path) => files::write_text(path, &csv),
        None => files::write_stdout(&csv),
    }
}
