//! Outputs: never one of the inputs, and written whole or not at all.

mod common;

use common::{assert_one_short_line, neuranim, text, TempDir};
use std::fs;
use std::process::Command;

const DATA: &str = "x1,x2,label\n1,2,0\n3,4,1\n";

/// The names in `dir`, sorted.
fn names(dir: &TempDir) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(&dir.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_output_that_is_one_of_the_inputs_is_refused() {
    let dir = TempDir::new("output-is-input");
    dir.write("d.csv", DATA);
    let made = neuranim(
        &["train", "--iterations", "0", "--weights-out", "w.json"],
        &dir.0,
    );
    assert!(made.status.success(), "{}", text(&made.stderr));
    let weights = dir.read("w.json");
    std::os::unix::fs::symlink("d.csv", dir.0.join("link.csv")).unwrap();
    fs::hard_link(dir.0.join("d.csv"), dir.0.join("hard.csv")).unwrap();
    let absolute = dir.0.join("d.csv").to_string_lossy().into_owned();
    let cases: [(&[&str], &str, &str); 6] = [
        (&["--data", "d.csv"], "d.csv", "--data"),
        (&["--data", "d.csv"], "./d.csv", "--data"),
        (&["--data", "d.csv"], &absolute, "--data"),
        (&["--data", "link.csv"], "d.csv", "--data"),
        (&["--data", "hard.csv"], "d.csv", "--data"),
        (&["--init", "w.json"], "w.json", "--init"),
    ];
    for (inputs, output, flag) in cases {
        let mut args = vec!["train", "--iterations", "1"];
        args.extend(inputs);
        args.extend(["--weights-out", output]);
        let out = neuranim(&args, &dir.0);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_one_short_line(stderr);
        assert!(
            stderr.contains("--weights-out") && stderr.contains(flag),
            "{stderr}"
        );
        assert!(out.stdout.is_empty());
    }
    assert_eq!(dir.read("d.csv"), DATA);
    assert_eq!(dir.read("w.json"), weights);
    let other = neuranim(
        &[
            "train",
            "--data",
            "d.csv",
            "--iterations",
            "1",
            "--weights-out",
            "new.json",
        ],
        &dir.0,
    );
    assert!(other.status.success(), "{}", text(&other.stderr));
}

#[test]
fn a_write_that_fails_leaves_the_old_file_whole() {
    let dir = TempDir::new("failed-write");
    dir.write("w.json", "the old weights");
    // Files of at most 1 KiB (a shell's `ulimit -f` counts 512- or 1024-byte blocks); the
    // weights of 64 hidden units take some 5 KB. SIGXFSZ ignored, a write past it fails.
    let script = r#"ulimit -f 1 && trap '' XFSZ && exec "$0" "$@""#;
    for args in [
        &[
            "train",
            "--hidden",
            "64",
            "--iterations",
            "0",
            "--weights-out",
            "w.json",
        ][..],
        &["dataset", "flower", "--out", "w.json"],
    ] {
        let out = Command::new("sh")
            .args(["-c", script, env!("CARGO_BIN_EXE_neuranim")])
            .args(args)
            .current_dir(&dir.0)
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert_one_short_line(stderr);
        // The system's reason in the message's own words, without its error number.
        assert!(
            stderr.contains("w.json: cannot write: file too large\n"),
            "{stderr}"
        );
        assert_eq!(dir.read("w.json"), "the old weights");
        assert_eq!(names(&dir), ["w.json"]);
    }
}

#[test]
fn a_write_replaces_the_file_whole_and_a_link_stays_a_link() {
    let dir = TempDir::new("replace");
    dir.write("target.csv", "old");
    std::os::unix::fs::symlink("target.csv", dir.0.join("link.csv")).unwrap();
    let out = neuranim(&["dataset", "xor", "--out", "link.csv"], &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(fs::symlink_metadata(dir.0.join("link.csv"))
        .unwrap()
        .is_symlink());
    assert!(dir.read("target.csv").starts_with("x1,x2,label\n"));
    assert_eq!(names(&dir), ["link.csv", "target.csv"]);
    // A device is written, not replaced.
    let out = neuranim(&["dataset", "xor", "--out", "/dev/null"], &dir.0);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn weights_sent_to_dev_stdout_follow_the_rows_in_the_file_stdout_goes_to() {
    let dir = TempDir::new("dev-stdout");
    let sink = fs::File::create(dir.0.join("out.txt")).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_neuranim"))
        .args(["train", "--iterations", "2", "--weights-out", "/dev/stdout"])
        .current_dir(&dir.0)
        .stdout(sink)
        .status()
        .unwrap();
    assert!(status.success());
    let out = dir.read("out.txt");
    let (rows, json) = out.split_at(out.find('{').expect("the weights follow"));
    assert_eq!(rows.lines().count(), 4, "{rows}");
    assert!(
        rows.starts_with("iteration,cost,accuracy\n0,0.693048"),
        "{rows}"
    );
    let weights: neuranim_core::WeightsFile = serde_json::from_str(json).unwrap();
    assert_eq!(weights.layers.len(), 2);
    assert_eq!(names(&dir), ["out.txt"]);
}
