//! Property tests of the run file reader: whatever text comes in, `RunFile::parse` and
//! `restore` give a run or a refusal, never a panic.

mod common;

use common::{check_message, edits, piece, spliced};
use neuranim_core::{DatasetName, Optimizer, RecordedRun, RunFile, Settings};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};

/// Run files of two kinds of run, as JSON values to mutate.
fn run_files() -> Vec<serde_json::Value> {
    let batches = Settings {
        dataset: DatasetName::Spiral3,
        test_ratio: 0.2,
        batch_size: Some(16),
        optimizer: Optimizer::ADAM,
        hidden: vec![5, 3],
        ..Settings::default()
    };
    [Settings::default(), batches]
        .into_iter()
        .map(|settings| {
            let mut run = RecordedRun::new(settings.start().unwrap());
            for _ in 0..20 {
                run.step().unwrap();
                run.session.trainer.record().unwrap();
            }
            serde_json::to_value(RunFile::of(&run, true)).unwrap()
        })
        .collect()
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Replaces node `n` of `value`, counted depth first from 0.
fn replace_node(value: &mut Value, n: &mut usize, by: &Value) {
    if *n == 0 {
        *value = by.clone();
        return;
    }
    *n -= 1;
    let children: Vec<&mut Value> = match value {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(map) => map.values_mut().collect(),
        _ => Vec::new(),
    };
    for child in children {
        let size = count_nodes(child);
        if *n < size {
            return replace_node(child, n, by);
        }
        *n -= size;
    }
}

/// JSON of every kind, and numbers at the edges of what fields hold.
fn json_value() -> impl Strategy<Value = Value> {
    let number = prop_oneof![
        any::<f64>()
            .prop_filter("finite", |v| v.is_finite())
            .prop_map(Value::from),
        prop::sample::select(vec![
            0.0,
            -1.0,
            0.5,
            1e308,
            -1e308,
            9.007_199_254_740_993e15
        ])
        .prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        number,
        piece().prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec((piece(), inner), 0..3)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// A run file with one node replaced, some text spliced in, or both.
fn run_file_text() -> impl Strategy<Value = String> {
    let files = run_files();
    (
        0..files.len(),
        any::<Index>(),
        json_value(),
        prop::bool::ANY,
        edits(),
    )
        .prop_map(move |(which, node, by, replace, edits)| {
            let mut file = files[which].clone();
            if replace {
                let mut n = node.index(count_nodes(&file));
                replace_node(&mut file, &mut n, &by);
            }
            spliced(&file.to_string(), &edits)
        })
}

proptest! {
    #![proptest_config(common::seeded(1000, 32))]

    #[test]
    fn run_file_reader_never_panics(text in run_file_text()) {
        if let Ok(file) = RunFile::parse(&text) {
            let _ = file.restore();
        }
    }
}

/// The path of every node of `value`, arrays' first three items only.
fn paths(value: &Value, prefix: &mut Vec<String>, all: &mut Vec<Vec<String>>) {
    all.push(prefix.clone());
    let children: Vec<(String, &Value)> = match value {
        Value::Array(items) => items
            .iter()
            .take(3)
            .enumerate()
            .map(|(i, c)| (i.to_string(), c))
            .collect(),
        Value::Object(map) => map.iter().map(|(k, c)| (k.clone(), c)).collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        prefix.push(key);
        paths(child, prefix, all);
        prefix.pop();
    }
}

#[test]
fn every_field_of_a_run_file_at_an_edge_is_restored_or_refused() {
    let edges = [
        json!(0),
        json!(1),
        json!(-1),
        json!(0.5),
        json!(1e308),
        json!(-1e308),
        json!(u64::MAX),
        json!(1u64 << 32),
        json!(65),
        json!(100_000),
        json!(null),
        json!([]),
        json!([0]),
        json!([1e308, 1e308]),
        json!([[1e308, -1e308]]),
        json!({}),
    ];
    for file in run_files() {
        let mut all = Vec::new();
        paths(&file, &mut Vec::new(), &mut all);
        for path in &all {
            for edge in &edges {
                let mut changed = file.clone();
                let node = path.iter().fold(&mut changed, |node, key| match node {
                    Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
                    _ => &mut node[key.as_str()],
                });
                *node = edge.clone();
                if let Ok(mut run) = RunFile::parse(&changed.to_string()).and_then(|f| f.restore())
                {
                    for _ in 0..3 {
                        let _ = run.step();
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(common::seeded(1000, 33))]

    /// As the CSV and weights readers: serde's messages quote a file's text (an unknown
    /// variant, an unknown key, a string where a number belongs), cut to an excerpt.
    #[test]
    fn run_file_refusals_are_one_short_line(text in run_file_text()) {
        if let Err(message) = RunFile::parse(&text).and_then(|f| f.restore().map(|_| ())) {
            check_message(&message)?;
        }
    }
}
