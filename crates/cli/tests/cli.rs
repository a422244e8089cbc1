//! The `neuranim` binary, run as a user would.

mod common;

use common::{assert_refused, neuranim, text, TempDir};
use neuranim_core::dataset::parse_csv;
use neuranim_core::DatasetName;
use std::io::Read;
use std::process::{Command, Stdio};

/// (iteration, cost, score) of every row after the header.
fn rows(stdout: &str) -> Vec<(u64, f64, f64)> {
    stdout
        .lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            assert_eq!(f.len(), 3, "{line}");
            (
                f[0].parse().unwrap(),
                f[1].parse().unwrap(),
                f[2].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn default_run_follows_the_course() {
    let dir = TempDir::new("defaults");
    let out = neuranim(&["train"], &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 10_002);
    assert_eq!(stdout.lines().next(), Some("iteration,cost,accuracy"));
    let rows = rows(stdout);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.0, i as u64);
    }
    for (iteration, cost) in [(0, 0.693048), (1000, 0.288083), (2000, 0.254385)] {
        let row = rows[iteration];
        assert!(
            (row.1 - cost).abs() < 1e-6,
            "iteration {iteration}: {row:?}"
        );
    }
    assert!(rows[10_000].2 >= 0.90, "{:?}", rows[10_000]);
}

#[test]
fn dataset_csv_round_trips_into_train() {
    let dir = TempDir::new("round-trip");
    let out = neuranim(&["dataset", "flower", "--out", "f.csv"], &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let from_file = neuranim(&["train", "--data", "f.csv", "--iterations", "50"], &dir.0);
    let generated = neuranim(
        &["train", "--dataset", "flower", "--iterations", "50"],
        &dir.0,
    );
    assert!(from_file.status.success(), "{}", text(&from_file.stderr));
    assert_eq!(text(&from_file.stdout).lines().count(), 52);
    assert_eq!(from_file.stdout, generated.stdout);

    for (name, seed, noise) in [
        ("flower", 1, None),
        ("plane", 4, Some(0.3)),
        ("spiral3", 2, Some(0.1)),
    ] {
        let dataset = DatasetName::from_name(name).unwrap();
        let noise_text = noise.map(|n: f64| n.to_string());
        let seed_text = seed.to_string();
        let mut args = vec!["dataset", name, "--seed", &seed_text];
        if let Some(n) = &noise_text {
            args.extend(["--noise", n]);
        }
        let out = neuranim(&args, &dir.0);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let expected = dataset.generate(seed, noise.unwrap_or(dataset.default_noise()));
        let back = parse_csv(text(&out.stdout), expected.task).unwrap();
        let bits = |d: &neuranim_core::Dataset| -> Vec<u64> {
            let coords = d.points.iter().flatten();
            coords.chain(&d.labels).map(|v| v.to_bits()).collect()
        };
        assert_eq!(bits(&back), bits(&expected), "{name}");
    }
}

#[test]
fn saved_weights_restart_where_the_run_ended() {
    let dir = TempDir::new("weights");
    let args = [
        "train",
        "--iterations",
        "200",
        "--hidden",
        "5,3",
        "--weights-out",
        "w.json",
    ];
    let run = neuranim(&args, &dir.0);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let last = text(&run.stdout).lines().last().unwrap().to_string();
    assert!(last.starts_with("200,"), "{last}");
    assert!(
        dir.read("w.json").ends_with("}\n"),
        "the file ends its line"
    );

    let resumed = neuranim(&["train", "--init", "w.json", "--iterations", "0"], &dir.0);
    assert!(resumed.status.success(), "{}", text(&resumed.stderr));
    let resumed = text(&resumed.stdout);
    assert_eq!(resumed.lines().count(), 2);
    let first = resumed.lines().nth(1).unwrap();
    assert_eq!(
        first.split_once(',').unwrap().1,
        last.split_once(',').unwrap().1
    );

    let disagree = neuranim(&["train", "--init", "w.json", "--hidden", "4"], &dir.0);
    assert_eq!(disagree.status.code(), Some(2));
    assert!(text(&disagree.stderr).contains("w.json"));

    dir.write(
        "three.json",
        r#"{"layers":[{"weights":[[1,2,3]],"biases":[0]}]}"#,
    );
    let wrong = neuranim(&["train", "--init", "three.json"], &dir.0);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(wrong.stdout.is_empty());
    let stderr = text(&wrong.stderr);
    assert!(
        stderr.contains("three.json: layers[0].weights[0]"),
        "{stderr}"
    );
}

#[test]
fn bad_csv_is_refused_with_its_line_and_field() {
    let dir = TempDir::new("bad-csv");
    let cases: [(&str, &str, &[&str]); 7] = [
        ("no-header.csv", "1,2,0\n3,4,1\n", &["line 1", "header"]),
        (
            "word.csv",
            "x1,x2,label\n1,2,0\n1,abc,1\n",
            &["line 3", "field x2", "'abc'"],
        ),
        (
            "nan.csv",
            "x1,x2,label\n1,2,0\n3,4,1\nNaN,2,1\n",
            &["line 4", "field x1", "not finite"],
        ),
        (
            "short.csv",
            "x1,x2,label\n1,2,0\n1,2\n",
            &["line 3", "expected 3 fields"],
        ),
        (
            "label.csv",
            "x1,x2,label\n1,2,0\n3,4,2\n",
            &["line 3", "field label"],
        ),
        ("empty.csv", "", &["line 1", "empty"]),
        ("header-only.csv", "x1,x2,label\n", &["line 2", "no points"]),
    ];
    for (name, contents, words) in cases {
        dir.write(name, contents);
        let mut expected = vec![name];
        expected.extend(words);
        assert_refused(&dir, &["train", "--data", name], &expected);
    }
    dir.write("three.csv", "x1,x2,label\n1,2,0\n3,4,2\n");
    assert!(neuranim(
        &[
            "train",
            "--data",
            "three.csv",
            "--classes",
            "3",
            "--iterations",
            "1"
        ],
        &dir.0
    )
    .status
    .success());
}

#[test]
fn bad_options_and_files_are_refused_by_name() {
    let dir = TempDir::new("bad-options");
    dir.write("ok.csv", "x1,x2,label\n1,2,0\n3,4,1\n");
    dir.write("deep.json", r#"{"layers":[{"weights":[[1,2],[3,4]],"biases":[0,0]},{"weights":[[1,2,3]],"biases":[0]}]}"#);
    dir.write("bad.json", "{\"layers\": [");
    let cases: [(&[&str], &[&str]); 19] = [
        (
            &["train", "--data", "missing.csv"],
            &["missing.csv", "no such file"],
        ),
        (&["train", "--init", "missing.json"], &["missing.json"]),
        (
            &["train", "--init", "deep.json"],
            &["deep.json", "layers[1].weights[0]"],
        ),
        (&["train", "--init", "bad.json"], &["bad.json"]),
        (
            &["train", "--data", "ok.csv", "--init", "deep.json"],
            &["deep.json", "layers[1].weights[0]"],
        ),
        (&["train", "--bogus"], &["--bogus"]),
        (
            &["train", "--lr=0.5"],
            &["'--lr=0.5'", "two words, '--lr 0.5'"],
        ),
        (&["train", "--lr", "abc"], &["--lr", "'abc'"]),
        (&["train", "--lr", "-1"], &["--lr", "-1"]),
        (&["train", "--lr"], &["--lr", "needs a value"]),
        (&["train", "--iterations", "x"], &["--iterations", "'x'"]),
        (&["train", "--batch", "0"], &["--batch", "'0'"]),
        (&["train", "--dataset", "nope"], &["'nope'", "flower"]),
        (
            &["train", "--activation", "gelu"],
            &["--activation", "'gelu'"],
        ),
        (&["train", "--optimizer", "sgd"], &["--optimizer", "'sgd'"]),
        (&["train", "--hidden", "4,0"], &["--hidden", "'0'"]),
        (&["train", "--l1", "0.1", "--l2", "0.1"], &["--l1", "--l2"]),
        (
            &["train", "--hidden", "none", "--activation", "relu"],
            &["--activation", "--hidden none"],
        ),
        (
            &["train", "--data", "ok.csv", "--dataset", "flower"],
            &["--data", "--dataset"],
        ),
    ];
    for (args, words) in cases {
        assert_refused(&dir, args, words);
    }
    let out = neuranim(&["dataset", "nope"], &dir.0);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("'nope'"));
    let out = neuranim(&["dataset", "flower", "--out", "no/such/dir.csv"], &dir.0);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--out"));
}

#[test]
fn no_hidden_layer_is_logistic_regression_and_fails_on_the_flower_as_the_course_shows() {
    let dir = TempDir::new("logistic");
    let args = [
        "train",
        "--hidden",
        "none",
        "--iterations",
        "2000",
        "--weights-out",
        "w.json",
    ];
    let out = neuranim(&args, &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let last = text(&out.stdout).lines().last().unwrap().to_string();
    let accuracy: f64 = last.rsplit(',').next().unwrap().parse().unwrap();
    // The course's logistic regression gets 47 % of the flower right; a line cannot do better.
    assert!((0.4..0.6).contains(&accuracy), "{last}");
    let weights: neuranim_core::WeightsFile = serde_json::from_str(&dir.read("w.json")).unwrap();
    assert_eq!(weights.layers.len(), 1);
}

#[test]
fn a_diverging_run_prints_its_huge_costs_with_an_exponent_that_reads_back() {
    let dir = TempDir::new("huge-costs");
    let args = [
        "train",
        "--dataset",
        "plane",
        "--lr",
        "100",
        "--iterations",
        "500",
    ];
    let out = neuranim(&args, &dir.0);
    assert_eq!(out.status.code(), Some(3));
    let stdout = text(&out.stdout);
    let mut huge = 0;
    for line in stdout.lines().skip(1) {
        for field in line.split(',') {
            assert!(field.len() <= 24, "{line}");
            let value: f64 = field.parse().unwrap_or_else(|_| panic!("{line}"));
            if value.abs() >= 1e16 {
                huge += 1;
                assert!(field.contains('e'), "{line}");
            }
        }
    }
    assert!(huge > 0, "no cost grew past 10¹⁶:\n{stdout}");
}

#[test]
fn divergence_prints_the_rows_before_it_and_exits_3() {
    let dir = TempDir::new("divergence");
    let args = [
        "train",
        "--dataset",
        "plane",
        "--hidden",
        "8,8,8,8,8,8",
        "--activation",
        "relu",
        "--init",
        "he",
        "--lr",
        "10",
        "--iterations",
        "2000",
        "--weights-out",
        "w.json",
    ];
    let out = neuranim(&args, &dir.0);
    assert_eq!(out.status.code(), Some(3));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let at: u64 = stderr
        .strip_prefix("neuranim: training diverged at iteration ")
        .and_then(|rest| rest.split(':').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{stderr}"));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().next(), Some("iteration,cost,rmse"));
    let rows = rows(stdout);
    assert!(!rows.is_empty());
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.0, i as u64);
        assert!(row.1.is_finite() && row.2.is_finite(), "{row:?}");
    }
    let last = rows.last().unwrap().0;
    assert!(
        last + 1 == at || last == at,
        "last row {last}, diverged at {at}"
    );
    // Read without the reader's limit, which the last finite weights of a run that diverged
    // may pass.
    let weights: neuranim_core::WeightsFile = serde_json::from_str(&dir.read("w.json")).unwrap();
    assert!(weights
        .layers
        .iter()
        .all(|l| l.weights.iter().flatten().all(|w| w.is_finite())));
}

#[test]
fn mini_batches_get_a_row_per_iteration() {
    let dir = TempDir::new("mini-batch");
    let args = [
        "train",
        "--batch",
        "10",
        "--optimizer",
        "adam",
        "--lr",
        "0.01",
        "--dataset",
        "circle",
        "--test-ratio",
        "0.5",
        "--iterations",
        "20",
    ];
    let out = neuranim(&args, &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows = rows(text(&out.stdout));
    let iterations: Vec<u64> = rows.iter().map(|r| r.0).collect();
    assert_eq!(iterations, (0..=20).collect::<Vec<_>>());
}

#[test]
fn regression_data_gets_an_rmse_column() {
    let dir = TempDir::new("regression");
    dir.write("r.csv", "x1,x2,label\n1,2,0.5\n3,4,-1.25\n");
    let out = neuranim(
        &[
            "train",
            "--data",
            "r.csv",
            "--regression",
            "--iterations",
            "3",
        ],
        &dir.0,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).lines().next(),
        Some("iteration,cost,rmse")
    );
    assert_eq!(rows(text(&out.stdout)).len(), 4);
}

#[test]
fn help_goes_to_stdout_and_no_arguments_to_stderr() {
    let dir = TempDir::new("help");
    for args in [
        &["--help"][..],
        &["help"],
        &["train", "--help"],
        &["help", "dataset"],
    ] {
        let out = neuranim(args, &dir.0);
        assert!(out.status.success(), "{args:?}");
        assert!(text(&out.stdout).contains("Usage"), "{args:?}");
        assert!(out.stderr.is_empty());
    }
    let train_help = neuranim(&["train", "--help"], &dir.0);
    assert!(text(&train_help.stdout).contains("--weights-out"));
    let none = neuranim(&[], &dir.0);
    assert_eq!(none.status.code(), Some(2));
    assert!(none.stdout.is_empty());
    let stderr = text(&none.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("Usage") && stderr.contains("--help"),
        "{stderr}"
    );
}

#[test]
fn a_word_after_version_or_a_help_topic_is_refused() {
    let dir = TempDir::new("version-extra");
    assert_refused(
        &dir,
        &["--version", "extra"],
        &["--version takes no arguments", "'extra'"],
    );
    assert_refused(
        &dir,
        &["-V", "train"],
        &["-V takes no arguments", "'train'"],
    );
    assert_refused(
        &dir,
        &["help", "train", "now"],
        &["help takes a command", "'now'"],
    );
    let version = neuranim(&["--version"], &dir.0);
    assert!(version.status.success());
    assert!(text(&version.stdout).starts_with("neuranim "));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_neuranim"))
        .args(["train", "--iterations", "100000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(text(&first).starts_with("iteration,cost,accuracy"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}
