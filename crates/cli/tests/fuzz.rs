//! Seeded fuzzing of the binary: mutated CSV files, weights files and option lists. Whatever
//! comes in, it does not panic, says at most one short line without control characters,
//! exits 2 for bad input and, for good input, 0 or 3 (a divergence after an update, never
//! at iteration 0). Which input is bad is told by the core's own readers and by the ranges
//! that --help states.
//!
//! `NEURANIM_FUZZ_SEED` and `NEURANIM_FUZZ_CASES` (per kind) run other or more cases.

mod common;

use common::mutate::{mutate, nasty, Rng};
use common::{assert_one_short_line, TempDir};
use neuranim_core::dataset::parse_csv;
use neuranim_core::{Task, WeightsFile};
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;
use std::process::Command;

/// How a run must end, as the test tells beforehand.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    Refused,
    Runs,
}

/// Runs the binary and checks everything the contract says of its ending; its status.
fn check(dir: &Path, args: &[OsString], expect: Expect, input: &[u8]) -> i32 {
    let out = Command::new(env!("CARGO_BIN_EXE_neuranim"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let shown = |text: &str| {
        text.chars()
            .take(80)
            .flat_map(char::escape_debug)
            .collect::<String>()
    };
    let shown_args: Vec<String> = args.iter().map(|a| shown(&a.to_string_lossy())).collect();
    let shown_input = shown(&String::from_utf8_lossy(input));
    let context = format!("{shown_args:?} on '{shown_input}'");
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("{context}: killed"));
    assert!(!stderr.contains("panicked"), "{context}: {stderr}");
    match code {
        0 => assert!(stderr.is_empty(), "{context}: {stderr}"),
        2 | 3 => assert_one_short_line(&stderr),
        other => panic!("{context}: status {other}: {stderr}"),
    }
    match (expect, code) {
        (Expect::Refused, 2) | (Expect::Runs, 0) => {}
        (Expect::Runs, 3) => {
            assert!(!stderr.contains("at iteration 0:"), "{context}: {stderr}")
        }
        _ => panic!("{context}: expected {expect:?}, status {code}: {stderr}"),
    }
    if code == 2 {
        assert!(out.stdout.is_empty(), "{context}");
        assert!(!dir.join("out.json").exists(), "{context}");
    }
    let _ = std::fs::remove_file(dir.join("out.json"));
    code
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

fn csv_case(rng: &mut Rng, dir: &Path) -> i32 {
    let (task, flags): (Task, &[&str]) = *rng.pick(&[
        (Task::Binary, &[][..]),
        (Task::Regression, &["--regression"][..]),
        (Task::classification(3), &["--classes", "3"][..]),
    ]);
    let classes = task.class_count().unwrap_or(4);
    let mut text = String::from("x1,x2,label\n");
    for _ in 0..1 + rng.below(12) {
        let label = rng.below(classes);
        text.push_str(&format!("{},{},{label}\n", rng.number(), rng.number()));
    }
    let bytes = mutate(rng, &text);
    std::fs::write(dir.join("in.csv"), &bytes).unwrap();
    let readable = std::str::from_utf8(&bytes).is_ok_and(|t| parse_csv(t, task).is_ok());
    let mut args = vec!["train", "--data", "in.csv", "--iterations", "2"];
    args.extend(flags);
    args.extend(["--weights-out", "out.json"]);
    let expect = if readable {
        Expect::Runs
    } else {
        Expect::Refused
    };
    check(dir, &os(&args), expect, &bytes)
}

fn weights_case(rng: &mut Rng, dir: &Path) -> i32 {
    let mut sizes = vec![2];
    sizes.extend((0..1 + rng.below(2)).map(|_| 1 + rng.below(5)));
    sizes.push(1);
    let mut layers = Vec::new();
    for w in sizes.windows(2) {
        let mut numbers = || {
            (0..w[0])
                .map(|_| rng.number().to_string())
                .collect::<Vec<_>>()
        };
        let rows: Vec<String> = (0..w[1])
            .map(|_| format!("[{}]", numbers().join(",")))
            .collect();
        let biases: Vec<String> = (0..w[1]).map(|_| rng.number().to_string()).collect();
        layers.push(format!(
            r#"{{"weights":[{}],"biases":[{}]}}"#,
            rows.join(","),
            biases.join(",")
        ));
    }
    let text = format!(r#"{{"layers":[{}]}}"#, layers.join(","));
    let bytes = if rng.chance(2) {
        // JSON-shaped mutations: a value or key replaced by another kind of JSON.
        let replacements = [
            "1e308",
            "-1e308",
            "1e6",
            "1000001",
            "1e999",
            "\"\\u001b[2J\"",
            "null",
            "true",
            "[]",
            "{}",
            "[[[[[[[[[[[[[[[[[[[[",
            "\"layers\":",
            "\"x\":1,",
            "-0",
        ];
        let mut t = text.clone();
        for _ in 0..rng.below(3) {
            let starts: Vec<usize> = t
                .match_indices(['[', ',', ':'])
                .map(|(i, _)| i + 1)
                .collect();
            let at = *rng.pick(&starts);
            let piece = *rng.pick(&replacements);
            t.insert_str(at, piece);
        }
        t.into_bytes()
    } else {
        mutate(rng, &text)
    };
    std::fs::write(dir.join("w.json"), &bytes).unwrap();
    let readable = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|t| WeightsFile::parse(t).ok())
        .is_some_and(|f| f.hidden_sizes(2, 1).is_ok());
    let args = [
        "train",
        "--init",
        "w.json",
        "--iterations",
        "2",
        "--weights-out",
        "out.json",
    ];
    let expect = if readable {
        Expect::Runs
    } else {
        Expect::Refused
    };
    check(dir, &os(&args), expect, &bytes)
}

/// Options of `train` with values inside and outside the ranges --help states.
const TRAIN_OPTIONS: [(&str, &[&str], &[&str]); 11] = [
    (
        "--noise",
        &["0", "0.3", "2"],
        &["-1", "2.01", "1e308", "NaN", "inf", ""],
    ),
    (
        "--lr",
        &["0.5", "1e-6", "100"],
        &["0", "101", "1e308", "-1", "NaN"],
    ),
    (
        "--seed",
        &["0", "7", "4294967295"],
        &["-1", "4294967296", "1.5", "x"],
    ),
    (
        "--hidden",
        &["3", "2,2", "64", "1,1,1,1,1,1,1,1"],
        &["0", "65", "1,1,1,1,1,1,1,1,1", ","],
    ),
    (
        "--activation",
        &["tanh", "sigmoid", "relu", "linear"],
        &["gelu", "TANH"],
    ),
    ("--init", &["course", "xavier", "he"], &["missing.json"]),
    (
        "--batch",
        &["full", "1", "10", "10000"],
        &["0", "10001", "-1", "x"],
    ),
    ("--optimizer", &["gd", "momentum", "adam"], &["sgd"]),
    ("--l2", &["0", "0.01", "10"], &["-0.1", "11", "1e308"]),
    ("--test-ratio", &["0", "0.5", "0.9"], &["0.95", "-0.1", "1"]),
    (
        "--dataset",
        &["flower", "spiral3", "plane", "xor"],
        &["nope"],
    ),
];

/// An argument of any shape: long, with control characters, or not UTF-8.
fn junk(rng: &mut Rng) -> OsString {
    match rng.below(4) {
        0 => OsString::from_vec(vec![b'-', b'-', 0xff, 0xfe]),
        1 => OsString::from(format!("--{}", nasty(rng).replace('\0', ""))),
        _ => OsString::from(nasty(rng).replace('\0', "")),
    }
}

fn options_case(rng: &mut Rng, dir: &Path) -> i32 {
    let mut args = os(&["train", "--iterations", &rng.below(3).to_string()]);
    let mut bad = false;
    let mut used = Vec::new();
    for _ in 0..rng.below(6) {
        let (flag, good, wrong) = rng.pick(&TRAIN_OPTIONS);
        if rng.chance(8) {
            args.push(junk(rng));
            bad = true;
            continue;
        }
        // An option given twice is refused too.
        bad |= used.contains(flag);
        used.push(*flag);
        args.push(OsString::from(flag));
        if rng.chance(6) {
            args.push(OsString::from(rng.pick(wrong)));
            bad = true;
        } else {
            args.push(OsString::from(rng.pick(good)));
        }
    }
    if rng.chance(10) {
        // An option without its value.
        args.push(OsString::from(rng.pick(&TRAIN_OPTIONS).0));
        bad = true;
    }
    if rng.chance(4) {
        // `dataset` accepts none of `train`'s options but its own three.
        args[0] = OsString::from("dataset");
        args.insert(1, OsString::from(rng.pick(&["flower", "xor", "nope"])));
        bad = true;
    }
    let expect = if bad { Expect::Refused } else { Expect::Runs };
    check(dir, &args, expect, b"")
}

fn dataset_case(rng: &mut Rng, dir: &Path) -> i32 {
    let name = rng.pick(&["flower", "noisy-moons", "spiral3", "plane", "blobs", "nope"]);
    let noises = [
        ("0", true),
        ("2", true),
        ("0.7", true),
        ("1e308", false),
        ("-0.5", false),
    ];
    let (noise, noise_ok) = *rng.pick(&noises);
    let seeds = [
        ("1", true),
        ("42", true),
        ("4294967295", true),
        ("4294967296", false),
    ];
    let (seed, seed_ok) = *rng.pick(&seeds);
    let args = [
        "dataset", name, "--noise", noise, "--seed", seed, "--out", "out.csv",
    ];
    let good = *name != "nope" && noise_ok && seed_ok;
    let expect = if good { Expect::Runs } else { Expect::Refused };
    let code = check(dir, &os(&args), expect, b"");
    if good {
        // What `dataset` writes, `train --data` reads.
        let written = std::fs::read_to_string(dir.join("out.csv")).unwrap();
        assert!(neuranim_core::dataset::parse_csv_inferring(&written).is_ok());
    }
    code
}

/// The seed of case `i` of kind `kind`: the run's seed spread over every bit first, so
/// that runs of nearby seeds share no case.
fn case_seed(seed: u64, kind: usize, i: usize) -> u64 {
    let mut spread = Rng(seed);
    spread.next() ^ ((kind as u64) << 48) ^ i as u64
}

#[test]
fn mutated_inputs_never_panic_and_end_as_the_contract_says() {
    let seed =
        std::env::var("NEURANIM_FUZZ_SEED").map_or(0x6e65_7572_616e_696d, |s| s.parse().unwrap());
    let cases: usize = std::env::var("NEURANIM_FUZZ_CASES").map_or(1000, |s| s.parse().unwrap());
    let kinds: [fn(&mut Rng, &Path) -> i32; 4] =
        [csv_case, weights_case, options_case, dataset_case];
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    // Per kind, the runs refused and the runs that trained.
    let tally = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || {
                    let dir = TempDir::new(&format!("fuzz-{worker}"));
                    let mut tally = [[0usize; 2]; 4];
                    for (k, case) in kinds.iter().enumerate() {
                        for i in (worker..cases).step_by(workers) {
                            let mut rng = Rng(case_seed(seed, k, i));
                            tally[k][usize::from(case(&mut rng, &dir.0) != 2)] += 1;
                        }
                    }
                    tally
                })
            })
            .collect();
        let mut total = [[0usize; 2]; 4];
        for handle in handles {
            let tally = handle.join().unwrap();
            for (t, w) in total.iter_mut().zip(tally) {
                t[0] += w[0];
                t[1] += w[1];
            }
        }
        total
    });
    println!("[refused, ran] per kind (csv, weights, options, dataset): {tally:?}");
    // Each kind reaches both sides of its contract often enough to test them.
    for [refused, ran] in tally {
        assert!(refused * 10 >= cases && ran * 10 >= cases, "{tally:?}");
    }
}
