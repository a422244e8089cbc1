//! Reading inputs within a size limit and writing outputs whole, with errors that name the
//! file.

use crate::error::CliError;
use neuranim_core::excerpt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The most bytes an input file may hold: far beyond any real data or weights file, and it
/// bounds what an endless stream (`/dev/zero`, a pipe) can cost.
pub const MAX_INPUT_BYTES: u64 = 64 << 20;
/// `MAX_INPUT_BYTES` as the help and the messages say it.
pub const MAX_INPUT_SIZE: &str = "64 MiB";

pub fn read_text(path: &str) -> Result<String, CliError> {
    let cannot_read =
        |e: io::Error| CliError::in_file(path, format!("cannot read: {}", describe(&e)));
    let too_large = || {
        CliError::in_file(
            path,
            format!("larger than {MAX_INPUT_SIZE}, the most an input file may hold"),
        )
    };
    let file = File::open(path).map_err(cannot_read)?;
    // A regular file tells its size; a device or a pipe is read up to one byte past the limit.
    if file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > MAX_INPUT_BYTES)
    {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        CliError::in_file(path, format!("not UTF-8 text (byte {at} is not)"))
    })
}

/// Checks up front that `path` can be created, so that a typo fails before any work is done.
pub fn check_writable(flag: &str, path: &str) -> Result<(), CliError> {
    let target = Path::new(path);
    let shown = excerpt(path);
    if target.is_dir() {
        return Err(CliError::input(format!("{flag} {shown}: is a directory")));
    }
    let parent = target.parent().filter(|p| !p.as_os_str().is_empty());
    match parent {
        Some(dir) if !dir.is_dir() => Err(CliError::input(format!(
            "{flag} {shown}: no such directory '{}'",
            excerpt(&dir.to_string_lossy())
        ))),
        _ => Ok(()),
    }
}

/// Refuses an output that is one of the inputs (`(flag, path)`), which writing it would
/// replace.
pub fn check_not_input(flag: &str, path: &str, inputs: &[(&str, &str)]) -> Result<(), CliError> {
    for (input_flag, input) in inputs {
        if same_file(Path::new(path), Path::new(input)) {
            return Err(CliError::input(format!(
                "{flag} {}: is the file given to {input_flag}; writing it would replace that input",
                excerpt(path)
            )));
        }
    }
    Ok(())
}

/// Whether both paths exist and name one file, through symbolic or hard links.
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ca), Ok(cb)) = (fs::canonicalize(a), fs::canonicalize(b)) else {
        return false;
    };
    ca == cb || same_inode(&ca, &cb)
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}

/// Writes `text` to `path` whole or not at all: into a new file beside it, then renamed over
/// it, so that a failure leaves `path` as it was. A device or a pipe (`/dev/stdout`) cannot
/// be renamed over and is written directly, after what it holds: `/dev/stdout` sent to a file
/// leads to that file, whose rows printed before must stay.
pub fn write_text(path: &str, text: &str) -> Result<(), CliError> {
    let cannot_write = |e: io::Error| {
        CliError::Output(format!("{}: cannot write: {}", excerpt(path), describe(&e)))
    };
    let append = || {
        OpenOptions::new()
            .append(true)
            .open(path)
            .and_then(|mut file| file.write_all(text.as_bytes()))
            .map_err(cannot_write)
    };
    if is_device_path(path) {
        return append();
    }
    // A symbolic link stays a link: its target is what gets replaced.
    let target = fs::canonicalize(path).unwrap_or_else(|_| PathBuf::from(path));
    match fs::metadata(&target) {
        Ok(m) if !m.is_file() => append(),
        existing => replace(&target, text, existing.ok()).map_err(cannot_write),
    }
}

/// Whether `path` names a device or a process's own descriptor (`/dev/stdout`,
/// `/proc/self/fd/1`), which may lead to a regular file that is not to be replaced.
fn is_device_path(path: &str) -> bool {
    ["/dev/", "/proc/"]
        .iter()
        .any(|root| path.starts_with(root))
}

fn replace(target: &Path, text: &str, existing: Option<fs::Metadata>) -> io::Result<()> {
    let (mut file, temp) = temporary_beside(target)?;
    let written = (|| {
        file.write_all(text.as_bytes())?;
        if let Some(m) = existing {
            file.set_permissions(m.permissions())?;
        }
        file.sync_all()?;
        fs::rename(&temp, target)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written
}

/// A new file in `target`'s directory, named after it and never one that exists.
fn temporary_beside(target: &Path) -> io::Result<(File, PathBuf)> {
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let dir = target.parent().unwrap_or(Path::new(""));
    let mut attempt = 0;
    loop {
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}-{attempt}.tmp", std::process::id()));
        let temp = dir.join(temp_name);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
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
        // The system's own words, as the others read: "input/output error", without the
        // number that follows them ("Input/output error (os error 5)").
        _ => {
            let text = error.to_string();
            let words = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = words.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}
