//! Property tests of the core's CSV and weights readers: whatever text comes in, they give
//! a value or a refusal, never a panic; what they read lies within their limits; a refusal
//! is one short line without control characters.

mod common;

use common::{check_message, edits, spliced};
use neuranim_core::dataset::{parse_csv, parse_csv_inferring};
use neuranim_core::{Activation, Network, Task, WeightsFile};
use proptest::prelude::*;

fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![
        -5.0..5.0,
        -1e6..=1e6f64,
        any::<f64>(),
        Just(1e6),
        Just(-1e6),
        Just(1e308)
    ]
}

fn csv_text() -> impl Strategy<Value = String> {
    let row = (
        coordinate(),
        coordinate(),
        prop_oneof![0..3u8, 0..9u8].prop_map(f64::from),
    );
    let rows = prop::collection::vec(row, 0..12);
    let file = (rows, edits()).prop_map(|(rows, edits)| {
        let mut text = String::from("x1,x2,label\n");
        for (x1, x2, y) in rows {
            text.push_str(&format!("{x1},{x2},{y}\n"));
        }
        spliced(&text, &edits)
    });
    prop_oneof![4 => file, 1 => any::<String>()]
}

fn check_csv(
    text: &str,
    task: Task,
    read: Result<neuranim_core::Dataset, String>,
) -> Result<(), TestCaseError> {
    match read {
        Ok(data) => {
            prop_assert!(!data.is_empty() && data.points.len() == data.labels.len());
            prop_assert!(
                data.points.iter().flatten().all(|v| v.abs() <= 1e6),
                "{text:?}"
            );
            prop_assert!(data
                .labels
                .iter()
                .all(|&y| data.task.accepts(y) && y.abs() <= 1e6));
            if task != Task::Regression {
                prop_assert_eq!(data.task, task);
            }
            let b = data.bounds;
            prop_assert!(b.x1_min < b.x1_max && b.x2_min < b.x2_max, "{b:?}");
            prop_assert!([b.x1_min, b.x1_max, b.x2_min, b.x2_max]
                .iter()
                .all(|v| v.is_finite()));
        }
        Err(message) => check_message(&message)?,
    }
    Ok(())
}

fn weights_text() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        -3.0..3.0,
        Just(1e6),
        Just(-1e6),
        any::<f64>().prop_filter("finite", |v| v.is_finite())
    ];
    let layer = (1..5usize, prop::collection::vec(value, 25));
    let layers = prop::collection::vec(layer, 1..4);
    let file = (layers, edits()).prop_map(|(layers, edits): (Vec<(usize, Vec<f64>)>, _)| {
        let mut n_in = 2;
        let mut json = Vec::new();
        for (n_out, values) in &layers {
            let v = |i: usize| values[i % values.len()].to_string();
            let rows: Vec<String> = (0..*n_out)
                .map(|r| {
                    format!(
                        "[{}]",
                        (0..n_in)
                            .map(|c| v(r * n_in + c))
                            .collect::<Vec<_>>()
                            .join(",")
                    )
                })
                .collect();
            let biases: Vec<String> = (0..*n_out).map(|r| v(r + 7)).collect();
            json.push(format!(
                r#"{{"weights":[{}],"biases":[{}]}}"#,
                rows.join(","),
                biases.join(",")
            ));
            n_in = *n_out;
        }
        spliced(&format!(r#"{{"layers":[{}]}}"#, json.join(",")), &edits)
    });
    prop_oneof![4 => file, 1 => any::<String>()]
}

proptest! {
    #![proptest_config(common::seeded(2000, 31))]

    #[test]
    fn csv_readers_keep_to_their_limits(text in csv_text()) {
        for task in [Task::Binary, Task::classification(3), Task::Regression] {
            check_csv(&text, task, parse_csv(&text, task).map_err(|e| e.to_string()))?;
        }
        let inferred = parse_csv_inferring(&text).map_err(|e| e.to_string());
        check_csv(&text, Task::Regression, inferred)?;
    }

    #[test]
    fn weights_reader_keeps_to_its_limits(text in weights_text()) {
        match WeightsFile::parse(&text) {
            Ok(file) => {
                prop_assert!(file.layers.len() <= 9);
                for layer in &file.layers {
                    prop_assert!(layer.weights.len() <= 64 && layer.biases.len() <= 64);
                    let values = layer.weights.iter().flatten().chain(&layer.biases);
                    prop_assert!(values.clone().all(|v| v.abs() <= 1e6), "{text:?}");
                    prop_assert!(layer.weights.iter().all(|row| row.len() <= 64));
                }
                for outputs in [1, 3] {
                    let Ok(hidden) = file.hidden_sizes(2, outputs) else { continue };
                    let task = if outputs == 1 { Task::Binary } else { Task::classification(3) };
                    let mut net = Network::new(2, &hidden, Activation::Tanh, task).unwrap();
                    file.apply_to(&mut net).unwrap();
                }
            }
            Err(message) => check_message(&message)?,
        }
    }
}
