//! What every test of the binary needs: running it, and a directory of its own.

// Each test file uses its own share of these.
#![allow(dead_code)]

pub mod mutate;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn neuranim(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_neuranim"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

pub fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("UTF-8 output")
}

/// A fresh directory of this test's own, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("neuranim-cli-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    pub fn write(&self, name: &str, contents: &str) {
        fs::write(self.0.join(name), contents).unwrap();
    }

    pub fn read(&self, name: &str) -> String {
        fs::read_to_string(self.0.join(name)).unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The longest line a message may take: a prefix, a path and a value quoted as excerpts of
/// 61 characters each, and the words around them.
pub const MAX_MESSAGE_CHARS: usize = 320;

/// `stderr` is one line starting `neuranim: `, short and without control characters.
pub fn assert_one_short_line(stderr: &str) {
    let shown = || stderr.chars().take(300).collect::<String>();
    let line = stderr
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("no line end: {}", shown()));
    assert!(line.starts_with("neuranim: "), "{}", shown());
    assert!(
        line.chars().count() <= MAX_MESSAGE_CHARS,
        "{} characters: {}",
        line.chars().count(),
        shown()
    );
    assert!(
        !line.chars().any(char::is_control),
        "a control character in {line:?}"
    );
}

/// A run that must be refused: status 2, one line on stderr holding every one of `words`,
/// nothing on stdout and no weights file.
pub fn assert_refused(dir: &TempDir, args: &[&str], words: &[&str]) {
    let _ = fs::remove_file(dir.0.join("out.json"));
    let mut all = args.to_vec();
    all.extend(["--weights-out", "out.json"]);
    let out = neuranim(&all, &dir.0);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_one_short_line(stderr);
    for word in words {
        assert!(
            stderr.contains(word),
            "{args:?}: '{word}' missing from {stderr}"
        );
    }
    assert!(out.stdout.is_empty(), "{args:?}");
    assert!(!dir.0.join("out.json").exists(), "{args:?}");
}
