//! Inputs of every size and value: messages stay one short line, values beyond what the plot
//! and the network can represent are refused by name, endless files are cut off, and an
//! output never replaces an input nor is left half-written.

mod common;

use common::{assert_one_short_line, assert_refused, neuranim, text, TempDir};
use std::fs::{self, File};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Status 2 with one short line naming every one of `words`, and nothing on stdout.
fn assert_refused_without_output(out: &Output, words: &[&str]) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_one_short_line(stderr);
    for word in words {
        assert!(stderr.contains(word), "'{word}' missing from {stderr}");
    }
    assert!(out.stdout.is_empty());
}

#[test]
fn huge_or_raw_input_is_quoted_as_a_short_escaped_excerpt() {
    let dir = TempDir::new("excerpts");
    // Without line feeds, a file of carriage returns is one 40 MB header line.
    dir.write("cr.csv", &"x1,x2,label\r1,2,0\r".repeat(40_000_000 / 18));
    let huge = "7".repeat(50_000_000);
    dir.write("field.csv", &format!("x1,x2,label\n1,\u{1b}]0;{huge},0\n"));
    dir.write("header.csv", &format!("x1,x2,\u{0}{huge}\n1,2,0\n"));
    let long = format!("\u{1b}[2J\r\u{9b}{}", "9".repeat(100_000));
    let cases: [(&[&str], &[&str]); 9] = [
        (
            &["train", "--data", "cr.csv"],
            &["line 1", "x1,x2,label\\r1,2,0\\r"],
        ),
        (
            &["train", "--data", "field.csv"],
            &["field x2", "'\\u{1b}]0;777"],
        ),
        (
            &["train", "--data", "header.csv"],
            &["line 1", "x1,x2,\\0777"],
        ),
        (
            &["train", "--lr", &long],
            &["--lr", "'\\u{1b}[2J\\r\\u{9b}999"],
        ),
        (&["train", &long], &["\\u{1b}[2J"]),
        (&["train", "--data", &long], &["\\u{1b}[2J", "cannot read"]),
        (&[&long], &["\\u{1b}[2J"]),
        (&["dataset", &long], &["\\u{1b}[2J"]),
        (&["train", "--hidden", &long], &["--hidden", "\\u{1b}[2J"]),
    ];
    for (args, words) in cases {
        assert_refused_without_output(&neuranim(args, &dir.0), words);
    }
}

#[test]
fn values_beyond_the_csv_limits_are_refused_by_line_and_field() {
    let dir = TempDir::new("csv-limits");
    let cases: [(&str, &str, &[&str], &[&str]); 4] = [
        (
            "far.csv",
            "x1,x2,label\n1,2,0\n1e308,-1e308,1\n",
            &[],
            &["line 3", "field x1", "'1e308'", "-1e6 to 1e6"],
        ),
        (
            "x2.csv",
            "x1,x2,label\n1,-1000000.5,0\n",
            &[],
            &["line 2", "field x2"],
        ),
        (
            "label.csv",
            "x1,x2,label\n1,2,0.5\n3,4,1e308\n",
            &["--regression"],
            &["line 3", "field label", "-1e6 to 1e6"],
        ),
        (
            "low.csv",
            "x1,x2,label\n1,2,-1.5e6\n",
            &["--regression"],
            &["line 2", "field label"],
        ),
    ];
    for (name, contents, extra, words) in cases {
        dir.write(name, contents);
        let mut args = vec!["train", "--data", name];
        args.extend(extra);
        let mut expected = vec![name];
        expected.extend(words);
        assert_refused(&dir, &args, &expected);
    }
    // The limits themselves are read, as --help says.
    dir.write("edge.csv", "x1,x2,label\n1e6,-1e6,-1e6\n-1e6,1e6,1e6\n");
    let args = [
        "train",
        "--data",
        "edge.csv",
        "--regression",
        "--iterations",
        "1",
    ];
    let out = neuranim(&args, &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let help = neuranim(&["train", "--help"], &dir.0);
    assert!(text(&help.stdout).contains("within ±1e6 and its regression labels within ±1e6"));
}

#[test]
fn option_values_beyond_their_ranges_are_refused_by_name() {
    let dir = TempDir::new("option-ranges");
    let out = neuranim(&["dataset", "flower", "--noise", "1e308"], &dir.0);
    assert_refused_without_output(&out, &["--noise", "'1e308'", "0 to 2"]);
    let cases: [(&[&str], &[&str]); 9] = [
        (&["train", "--noise", "1e308"], &["--noise", "0 to 2"]),
        (&["train", "--noise", "2.5"], &["--noise"]),
        (&["train", "--lr", "1e308"], &["--lr", "1e-6 to 100"]),
        (&["train", "--lr", "1e-7"], &["--lr"]),
        (&["train", "--l2", "1e308"], &["--l2", "0 to 10"]),
        (&["train", "--l1", "11"], &["--l1"]),
        (&["train", "--batch", "10001"], &["--batch", "1 to 10000"]),
        (&["train", "--test-ratio", "0.95"], &["--test-ratio"]),
        (
            &["train", "--hidden", "4,4,4,4,4,4,4,4,4"],
            &["--hidden", "at most 8"],
        ),
    ];
    for (args, words) in cases {
        assert_refused(&dir, args, words);
    }
    let weights = r#"{"layers":[{"weights":[[1e308,0]],"biases":[0]}]}"#;
    dir.write("huge.json", weights);
    assert_refused(
        &dir,
        &["train", "--init", "huge.json"],
        &["huge.json", "layers[0].weights[0][0]", "-1e6 to 1e6"],
    );
}

/// A weights file of `hidden` layers whose every value is `value`.
fn weights_of(hidden: &[usize], outputs: usize, value: f64) -> String {
    let mut sizes = vec![2];
    sizes.extend(hidden);
    sizes.push(outputs);
    let layers: Vec<String> = sizes
        .windows(2)
        .map(|w| {
            let row = format!("[{}]", vec![value.to_string(); w[0]].join(","));
            let rows = vec![row; w[1]].join(",");
            let biases = vec![value.to_string(); w[1]].join(",");
            format!(r#"{{"weights":[{rows}],"biases":[{biases}]}}"#)
        })
        .collect();
    format!(r#"{{"layers":[{}]}}"#, layers.join(","))
}

#[test]
fn values_at_every_limit_at_once_train_past_iteration_0() {
    let dir = TempDir::new("at-the-limits");
    dir.write(
        "far.csv",
        "x1,x2,label\n1e6,1e6,1e6\n-1e6,1e6,-1e6\n1e6,-1e6,0\n",
    );
    dir.write(
        "far-binary.csv",
        "x1,x2,label\n1e6,1e6,1\n-1e6,1e6,0\n1e6,-1e6,0\n",
    );
    dir.write(
        "far-classes.csv",
        "x1,x2,label\n1e6,1e6,7\n-1e6,1e6,0\n1e6,-1e6,1\n",
    );
    let deep = [64; 8];
    dir.write("max-1.json", &weights_of(&deep, 1, 1e6));
    dir.write("max-8.json", &weights_of(&deep, 8, -1e6));
    let regression = ["--data", "far.csv", "--regression", "--init", "max-1.json"];
    let binary = ["--data", "far-binary.csv", "--init", "max-1.json"];
    let classes = [
        "--data",
        "far-classes.csv",
        "--classes",
        "8",
        "--init",
        "max-8.json",
    ];
    let runs: [(&[&str], &str, &str); 6] = [
        (&regression, "linear", "gd"),
        (&regression, "relu", "adam"),
        (&regression, "linear", "momentum"),
        (&binary, "linear", "gd"),
        (&classes, "linear", "adam"),
        (&classes, "relu", "gd"),
    ];
    for (run, activation, optimizer) in runs {
        let mut args = vec!["train", "--lr", "100", "--l2", "10", "--iterations", "3"];
        args.extend(["--activation", activation, "--optimizer", optimizer]);
        args.extend(run);
        let out = neuranim(&args, &dir.0);
        let stderr = text(&out.stderr);
        let first_row = text(&out.stdout).lines().nth(1).unwrap_or_default();
        assert!(first_row.starts_with("0,"), "{run:?}: {stderr}");
        match out.status.code() {
            Some(0) => {}
            Some(3) => assert!(!stderr.contains("at iteration 0:"), "{run:?}: {stderr}"),
            other => panic!("{run:?}: status {other:?}: {stderr}"),
        }
    }
}

/// The binary's output, or a failure if it runs longer than `limit`.
fn run_within(args: &[&str], dir: &Path, limit: Duration) -> (Option<i32>, String) {
    let stderr_path = dir.join("stderr.txt");
    let mut child = Command::new(env!("CARGO_BIN_EXE_neuranim"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(File::create(&stderr_path).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return (status.code(), fs::read_to_string(&stderr_path).unwrap());
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn endless_or_oversized_inputs_are_refused_at_the_size_limit() {
    let dir = TempDir::new("endless");
    for flag in ["--data", "--init"] {
        let args = ["train", flag, "/dev/zero"];
        let (code, stderr) = run_within(&args, &dir.0, Duration::from_secs(60));
        assert_eq!(code, Some(2), "{stderr}");
        assert_one_short_line(&stderr);
        assert!(stderr.contains("/dev/zero: larger than 64 MiB"), "{stderr}");
    }
    File::create(dir.0.join("big.csv"))
        .and_then(|f| f.set_len((64 << 20) + 1))
        .unwrap();
    assert_refused(
        &dir,
        &["train", "--data", "big.csv"],
        &["big.csv", "64 MiB"],
    );
    // A file of exactly the limit is read, and refused for what it holds.
    File::create(dir.0.join("full.csv"))
        .and_then(|f| f.set_len(64 << 20))
        .unwrap();
    assert_refused(
        &dir,
        &["train", "--data", "full.csv"],
        &["full.csv: line 1", "\\0\\0"],
    );
    let help = neuranim(&["train", "--help"], &dir.0);
    assert!(text(&help.stdout).contains("hold at most 64 MiB"));
}

#[test]
fn what_a_run_cannot_take_of_a_file_is_said_of_that_file() {
    let dir = TempDir::new("run-limits");
    let mut rows = String::from("x1,x2,label\n");
    for i in 0..100_001 {
        rows.push_str(&format!("{},{},{}\n", i % 7, i % 5, i % 2));
    }
    dir.write("many.csv", &rows);
    dir.write("one.csv", "x1,x2,label\n1,2,0\n");
    let cases: [(&[&str], &[&str]); 2] = [
        (
            &["train", "--data", "many.csv", "--iterations", "1"],
            &["many.csv: 100001 points; a run trains on at most 100000"],
        ),
        (
            &[
                "train",
                "--data",
                "one.csv",
                "--test-ratio",
                "0.9",
                "--iterations",
                "1",
            ],
            &["one.csv: no training points are left after the test split"],
        ),
    ];
    for (args, words) in cases {
        assert_refused_without_output(&neuranim(args, &dir.0), words);
    }
}
