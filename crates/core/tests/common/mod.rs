//! What the property tests of the readers share: pieces of text that readers trip on,
//! spliced into files, and the shape every refusal must have.

use proptest::prelude::*;
use proptest::sample::Index;

/// A message a reader may give: one line, short, nothing a terminal would act on.
pub fn check_message(message: &str) -> Result<(), TestCaseError> {
    let shown: String = message.chars().take(300).collect();
    prop_assert!(
        message.chars().count() <= 200,
        "{} chars: {shown:?}",
        message.chars().count()
    );
    prop_assert!(!message.chars().any(char::is_control), "{shown:?}");
    Ok(())
}

const NASTY: [&str; 24] = [
    "\0",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{2028}",
    "\u{202e}",
    "\u{feff}",
    ",",
    "\"",
    "1e308",
    "-1e309",
    "NaN",
    "inf",
    "1e6",
    "1000000.0001",
    "-0",
    "8",
    "x1,x2,label",
    "{}",
];

/// Pieces to splice into a file: nasty text, runs of it, or arbitrary characters.
pub fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(&NASTY[..]).prop_map(str::to_string),
        (prop::sample::select(&NASTY[..]), 1..3000usize).prop_map(|(p, n)| p.repeat(n)),
        any::<String>(),
        (any::<f64>()).prop_map(|v| v.to_string()),
    ]
}

/// `text` with `edits` spliced in: each inserts its piece at its place, or cuts there.
pub fn spliced(text: &str, edits: &[(Index, String, bool)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for (at, piece, cut) in edits {
        let at = at.index(chars.len() + 1);
        if *cut {
            chars.truncate(at);
        } else {
            chars.splice(at..at, piece.chars());
        }
    }
    chars.into_iter().collect()
}

pub fn edits() -> impl Strategy<Value = Vec<(Index, String, bool)>> {
    prop::collection::vec((any::<Index>(), piece(), prop::bool::weighted(0.1)), 0..4)
}

/// Proptest's settings for `cases` cases drawn from a fixed seed: the suite tries the same
/// cases on every machine, so that a failure found is found again. (Other seeds: change
/// `seed` locally.)
pub fn seeded(cases: u32, seed: u64) -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases,
        rng_seed: proptest::test_runner::RngSeed::Fixed(seed),
        failure_persistence: None,
        ..proptest::test_runner::Config::default()
    }
}
