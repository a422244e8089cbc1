//! The run file: a run written and read back trains on bit for bit as the original does;
//! each kind of bad file is refused with a message naming the field.

use neuranim_core::history::Column;
use neuranim_core::{DatasetName, Initializer, Optimizer, RecordedRun, RunFile, Settings};

fn adam_batches() -> Settings {
    Settings {
        dataset: DatasetName::Spiral,
        noise: Some(0.1),
        test_ratio: 0.25,
        seed: 9,
        hidden: vec![8, 8],
        init: Initializer::Xavier,
        learning_rate: 0.01,
        batch_size: Some(7),
        optimizer: Optimizer::ADAM,
        ..Settings::default()
    }
}

fn trained(settings: Settings, updates: usize) -> RecordedRun {
    let mut run = RecordedRun::new(settings.start().unwrap());
    for i in 0..updates {
        run.step().unwrap();
        if i % 25 == 0 {
            run.session.trainer.record().unwrap();
        }
    }
    run.session.trainer.record().unwrap();
    run
}

/// The run's file as a JSON value, for a test to change a field of (with its history or not).
fn file_value(run: &RecordedRun, history: bool) -> serde_json::Value {
    serde_json::from_str(&RunFile::of(run, history).to_json()).unwrap()
}

fn bits(run: &RecordedRun) -> Vec<u64> {
    run.trainer()
        .network()
        .params()
        .iter()
        .map(|p| p.to_bits())
        .collect()
}

#[test]
fn a_run_read_back_trains_on_exactly_as_the_original() {
    for settings in [Settings::default(), adam_batches()] {
        let mut original = trained(settings, 333);
        let text = RunFile::of(&original, true).to_json();
        let mut copy = RunFile::parse(&text).unwrap().restore().unwrap();
        assert_eq!(bits(&copy), bits(&original));
        assert_eq!(copy.trainer().iteration(), 333);
        assert_eq!(copy.trainer().epochs(), original.trainer().epochs());
        assert_eq!(copy.trainer().history(), original.trainer().history());
        for _ in 0..200 {
            original.step().unwrap();
            copy.step().unwrap();
        }
        assert_eq!(bits(&copy), bits(&original));
        // With the history, the copy's time machine reaches back as the original's does.
        let at = |run: &mut RecordedRun| -> Vec<u64> {
            let trainer = run.seek(10).unwrap();
            assert_eq!(trainer.iteration(), 10);
            trainer
                .network()
                .params()
                .iter()
                .map(|p| p.to_bits())
                .collect()
        };
        assert_eq!(at(&mut copy), at(&mut original));
    }
}

/// The message for `text` edited by `edit` from a good file.
fn refusal(edit: impl Fn(&mut serde_json::Value)) -> String {
    let run = trained(adam_batches(), 40);
    let mut value = file_value(&run, true);
    edit(&mut value);
    match RunFile::parse(&value.to_string()).and_then(|f| f.restore()) {
        Ok(_) => panic!("accepted"),
        Err(e) => e,
    }
}

/// A change that spoils a good file.
type Edit = Box<dyn Fn(&mut serde_json::Value)>;

#[test]
fn bad_files_are_refused_with_the_field_named() {
    let not_json = RunFile::parse("{\"format\": \"neuranim-run\",\n \"version\": 1,").unwrap_err();
    assert!(
        not_json.starts_with("the file is not JSON (line 2"),
        "{not_json}"
    );
    // The place said once, not again in the reader's own words.
    assert!(!not_json.contains(" at line "), "{not_json}");
    assert_eq!(RunFile::parse(" \n").unwrap_err(), "the file is empty");
    // JSON, but not a run file: said as such, whatever its shape.
    for other in ["[1,2,3]", "42", "{\"layers\": []}"] {
        assert!(
            RunFile::parse(other)
                .unwrap_err()
                .starts_with("format: not a neuranim run file"),
            "{other}"
        );
    }
    let whole = RunFile::parse("{\"format\": \"neuranim-run\", \"version\": 1}").unwrap_err();
    assert!(whole.starts_with("the file: missing field"), "{whole}");
    let huge = RunFile::parse(
        "{\"format\": \"neuranim-run\", \"version\": 1, \"settings\": {\"learningRate\": 1e999}}",
    )
    .unwrap_err();
    assert!(
        huge.starts_with("settings.learningRate: number out of range") && huge.contains("column"),
        "{huge}"
    );

    let cases: Vec<(&str, Edit)> = vec![
        ("format:", Box::new(|v| v["format"] = "weights".into())),
        ("version: 2", Box::new(|v| v["version"] = 2.into())),
        (
            "settings.learningRate",
            Box::new(|v| v["settings"]["learningRate"] = "fast".into()),
        ),
        // An unknown data set is told with the names there are.
        (
            "settings.dataset: unknown variant `nope`, expected one of `flower`",
            Box::new(|v| v["settings"]["dataset"] = "nope".into()),
        ),
        (
            "but the settings say [8, 7]",
            Box::new(|v| v["settings"]["hidden"] = serde_json::json!([8, 7])),
        ),
        (
            "state.weights.layers[1]",
            Box::new(|v| {
                v["state"]["weights"]["layers"][1]["biases"]
                    .as_array_mut()
                    .unwrap()
                    .pop();
            }),
        ),
        (
            "state.velocity",
            Box::new(|v| {
                v["state"]["velocity"].as_array_mut().unwrap().pop();
            }),
        ),
        (
            "state.shuffle.order[1]",
            Box::new(|v| {
                v["state"]["shuffle"]["order"][1] = v["state"]["shuffle"]["order"][0].clone()
            }),
        ),
        (
            "state.shuffle.rngKey",
            Box::new(|v| {
                v["state"]["shuffle"]["rngKey"]
                    .as_array_mut()
                    .unwrap()
                    .truncate(10);
            }),
        ),
        (
            "state.learningRate",
            Box::new(|v| v["state"]["learningRate"] = (-1.0).into()),
        ),
        (
            "history.trainCost",
            Box::new(|v| {
                v["history"]["trainCost"].as_array_mut().unwrap().pop();
            }),
        ),
        (
            "history.iterations[1]",
            Box::new(|v| v["history"]["iterations"][1] = 0.into()),
        ),
        ("state.epch", Box::new(|v| v["state"]["epch"] = 1.into())),
        // Layers no run has: they name the file's sizes, not sizes brought into range.
        (
            "settings.hidden: [1000000] has a layer of fewer than 1 or more than 64 neurons",
            Box::new(|v| v["settings"]["hidden"] = serde_json::json!([1000000])),
        ),
        (
            "settings.batchSize: 0 is outside 1 to 10000",
            Box::new(|v| v["settings"]["batchSize"] = 0.into()),
        ),
        // Values no run records: the chart and the readouts would show them.
        (
            "history.trainScore[1]: 7.5 is not an accuracy, from 0 to 1",
            Box::new(|v| v["history"]["trainScore"][1] = 7.5.into()),
        ),
        (
            "history.trainScore[0]: 1e96 is not an accuracy",
            Box::new(|v| v["history"]["trainScore"][0] = 1e96.into()),
        ),
        (
            "history.testCost[2]: -1 is below 0, which a cost never is",
            Box::new(|v| v["history"]["testCost"][2] = (-1.0).into()),
        ),
    ];
    for (field, edit) in cases {
        let message = refusal(edit);
        assert!(message.contains(field), "expected {field} in: {message}");
    }
}

#[test]
fn a_thinned_history_is_written_and_read_back_row_for_row() {
    let mut run = RecordedRun::new(Settings::default().start().unwrap());
    let history = neuranim_core::History::with_budget(neuranim_core::History::MIN_BUDGET);
    run.session.trainer.replace_history(history);
    for _ in 0..2000 {
        run.step().unwrap();
    }
    let original = run.trainer().history();
    assert!(original.merged_rows() > 0, "the history was thinned");
    let text = RunFile::of(&run, true).to_json();
    let copy = RunFile::parse(&text).unwrap().restore().unwrap();
    let read: Vec<_> = copy.trainer().history().records().collect();
    let written: Vec<_> = original.records().collect();
    assert_eq!(read, written);
}

/// A thinned run whose early cost spike was merged away, for the tests below.
fn thinned_with_a_spike() -> RecordedRun {
    let mut run = RecordedRun::new(Settings::default().start().unwrap());
    let history = neuranim_core::History::with_budget(neuranim_core::History::MIN_BUDGET);
    run.session.trainer.replace_history(history);
    for i in 0..3000 {
        if i == 500 {
            // Every parameter times ten: predictions far too sure of themselves, a spike.
            let loud: Vec<f64> = run
                .trainer()
                .network()
                .params()
                .iter()
                .map(|p| 10.0 * p)
                .collect();
            run.set_params(&loud).unwrap();
        }
        run.step().unwrap();
    }
    run
}

#[test]
fn a_thinned_history_keeps_its_envelopes_when_written_and_read_back() {
    let run = thinned_with_a_spike();
    let original = run.trainer().history();
    let copy = RunFile::parse(&RunFile::of(&run, true).to_json())
        .unwrap()
        .restore()
        .unwrap();
    let read = copy.trainer().history();
    assert_eq!(read.merged_rows(), original.merged_rows());
    let last = original.last_iteration().unwrap();
    // The spike the large step made is merged into a row of its own no longer.
    let highest = original.train_cost().iter().copied().fold(0.0, f64::max);
    let envelope = |h: &neuranim_core::History, column, buckets| -> Vec<_> {
        h.envelope_over_iterations(column, 0..=last, buckets)
            .collect()
    };
    let whole = envelope(original, Column::TrainCost, 1)[0].unwrap();
    assert!(whole.max > highest, "{} vs the rows' {highest}", whole.max);
    for column in Column::ALL {
        for buckets in [1, 7, 100, 640] {
            assert_eq!(
                envelope(read, column, buckets),
                envelope(original, column, buckets)
            );
        }
    }
}

#[test]
fn bad_merged_rows_are_refused_by_field() {
    let text = RunFile::of(&thinned_with_a_spike(), true).to_json();
    let refusal = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        edit(&mut v);
        RunFile::parse(&v.to_string())
            .and_then(|f| f.restore())
            .map(|_| ())
            .unwrap_err()
    };
    let pop = |v: &mut serde_json::Value| {
        v["history"]["merged"]["trainScore"]
            .as_array_mut()
            .unwrap()
            .pop();
    };
    assert!(refusal(&pop).contains("history.merged.trainScore"));
    let upside_down = |v: &mut serde_json::Value| {
        v["history"]["merged"]["trainCost"][0] = serde_json::json!([2.0, 1.0])
    };
    assert!(refusal(&upside_down).contains("history.merged.trainCost[0]"));
    let past_one = |v: &mut serde_json::Value| {
        v["history"]["merged"]["trainScore"][0] = serde_json::json!([0.5, 1.5])
    };
    assert!(
        refusal(&past_one).contains("history.merged.trainScore[0]: 1.5 is not an accuracy"),
        "{}",
        refusal(&past_one)
    );
}

#[test]
fn a_regression_run_keeps_an_rmse_above_one() {
    let run = trained(
        Settings {
            dataset: DatasetName::Plane,
            ..Settings::default()
        },
        30,
    );
    let mut value = file_value(&run, true);
    value["history"]["trainScore"][0] = 3.5.into();
    let opened = RunFile::parse(&value.to_string())
        .and_then(|f| f.restore())
        .unwrap();
    assert_eq!(opened.trainer().history().train_score()[0], 3.5);
    value["history"]["trainScore"][0] = (-0.5).into();
    let below = RunFile::parse(&value.to_string()).and_then(|f| f.restore());
    assert_eq!(
        below.map(|_| ()).unwrap_err(),
        "history.trainScore[0]: -0.5 is below 0, which an RMSE never is"
    );
}

#[test]
fn values_no_plot_can_hold_are_brought_in_or_refused_by_field() {
    let run = trained(Settings::default(), 3);
    let mut file = file_value(&run, false);
    // A noise beyond its range is brought in before any point is made.
    file["settings"]["noise"] = 1e308.into();
    let read = RunFile::parse(&file.to_string()).unwrap();
    assert!(
        read.notices().iter().any(|n| n.contains("Noise: 1")),
        "{:?}",
        read.notices()
    );
    let restored = read.restore().unwrap();
    let b = restored.session.data.bounds;
    assert!([b.x1_min, b.x1_max, b.x2_min, b.x2_max]
        .iter()
        .all(|v| v.abs() < 1e3));
    // Own points beyond what a CSV file may hold are refused by field.
    file["settings"]["noise"] = serde_json::Value::Null;
    file["data"] = serde_json::json!({
        "points": [[1.0, 2.0], [1e308, 0.0]],
        "labels": [0.0, 1.0],
        "bounds": [-2.0, 2.0, -2.0, 3.0],
        "classes": 2
    });
    let refused = RunFile::parse(&file.to_string())
        .unwrap()
        .restore()
        .unwrap_err();
    assert!(refused.starts_with("data.points[1]"), "{refused}");
    file["data"]["points"][1] = serde_json::json!([1.0, 0.0]);
    file["data"]["bounds"] = serde_json::json!([-1.7e308, 1.7e308, -2.0, 3.0]);
    let refused = RunFile::parse(&file.to_string())
        .unwrap()
        .restore()
        .unwrap_err();
    assert!(refused.starts_with("data.bounds"), "{refused}");
}

#[test]
fn an_opened_run_keeps_its_time_machine_exactly() {
    let mut original = trained(adam_batches(), 200);
    original.set_learning_rate(0.003);
    for _ in 0..100 {
        original.step().unwrap();
    }
    // A hand edit, then training on from it.
    let edited: Vec<f64> = original
        .trainer()
        .network()
        .params()
        .iter()
        .map(|p| p * 0.9)
        .collect();
    original.set_params(&edited).unwrap();
    for _ in 0..150 {
        original.step().unwrap();
    }
    let text = RunFile::of(&original, true).to_json();
    let mut copy = RunFile::parse(&text).unwrap().restore().unwrap();
    assert_eq!(copy.timeline().first_iteration(), 0);
    let seen = |run: &mut RecordedRun, target| -> Vec<u64> {
        let shown = run.seek(target).unwrap();
        shown
            .network()
            .params()
            .iter()
            .map(|p| p.to_bits())
            .collect()
    };
    for target in [0, 1, 150, 200, 250, 299, 300, 301, 420, 450] {
        assert_eq!(
            seen(&mut copy, target),
            seen(&mut original, target),
            "iteration {target}"
        );
    }
    // Without the history, the file keeps no time machine: it starts where the file does.
    let bare = RunFile::parse(&RunFile::of(&original, false).to_json())
        .unwrap()
        .restore()
        .unwrap();
    assert_eq!(bare.timeline().first_iteration(), 450);
}

#[test]
fn only_the_learning_rate_in_force_is_checked_aloud() {
    let run = trained(Settings::default(), 3);
    let mut file = file_value(&run, false);
    // The settings' first rate out of range, the state's in range: nothing to say of either,
    // since the run goes on at the state's.
    file["settings"]["learningRate"] = 1000.0.into();
    let read = RunFile::parse(&file.to_string()).unwrap();
    assert_eq!(read.notices(), Vec::<String>::new());
    assert_eq!(read.restore().unwrap().trainer().learning_rate(), 1.2);
    // The state's out of range: said once, as the rate in force.
    file["state"]["learningRate"] = 5000.0.into();
    let read = RunFile::parse(&file.to_string()).unwrap();
    assert_eq!(
        read.notices(),
        vec!["The learning rate in force: 5000 is outside 0.000001 to 100; using 100".to_string()]
    );
}
