//! A run long enough, in small budgets, that its history merged old rows and its keyframes
//! thinned: every past iteration still seeks to the live run's exact weights, and the
//! metrics shown for it are the ones the live run had, measured again where their row went.

use neuranim_core::rng::RandomState;
use neuranim_core::{History, Record, RecordedRun, Settings, Trainer};

/// The course's run, with a test set so that every column is thinned.
fn course_with_test() -> Settings {
    Settings {
        test_ratio: 0.2,
        ..Settings::default()
    }
}

const UPDATES: u64 = 3000;
const RATE_CHANGE_AT: u64 = 1100;
const EDIT_AT: u64 = 2222;

/// One update, or the hand changes due at the trainer's iteration first.
fn changes(iteration: u64, params: &[f64]) -> (Option<f64>, Option<Vec<f64>>) {
    let rate = (iteration == RATE_CHANGE_AT).then_some(0.6);
    let edit = (iteration == EDIT_AT).then(|| {
        let mut edited = params.to_vec();
        edited[5] = -edited[5] + 0.1;
        edited
    });
    (rate, edit)
}

/// A second trainer stepped through the same changes: its weights and its metrics, measured
/// on the whole data sets, after every update count.
fn reference(settings: &Settings) -> Vec<(Vec<f64>, Record)> {
    let mut trainer: Trainer = settings.start().unwrap().trainer;
    let mut seen = Vec::new();
    for iteration in 0..=UPDATES {
        let (rate, edit) = changes(iteration, trainer.network().params());
        if let Some(rate) = rate {
            trainer.set_learning_rate(rate);
        }
        if let Some(edit) = edit {
            trainer.set_params(&edit).unwrap();
        }
        let record = trainer.measure().unwrap();
        seen.push((trainer.network().params().to_vec(), record));
        if iteration < UPDATES {
            trainer.step().unwrap();
        }
    }
    seen
}

fn bits(params: &[f64]) -> Vec<u64> {
    params.iter().map(|p| p.to_bits()).collect()
}

#[test]
fn a_thinned_run_seeks_exactly_and_shows_the_live_metrics() {
    let settings = course_with_test();
    let keyframe_budget = 1 << 10;
    let mut run = RecordedRun::with_budget(settings.start().unwrap(), keyframe_budget);
    let history_budget = History::MIN_BUDGET;
    run.session
        .trainer
        .replace_history(History::with_budget(history_budget));
    let first_interval = run.timeline().interval();
    for iteration in 0..UPDATES {
        let (rate, edit) = changes(iteration, run.trainer().network().params());
        if let Some(rate) = rate {
            run.set_learning_rate(rate);
        }
        if let Some(edit) = edit {
            run.set_params(&edit).unwrap();
        }
        run.step().unwrap();
        assert!(run.trainer().history().heap_bytes() <= history_budget);
        assert!(run.timeline().keyframe_bytes() <= keyframe_budget);
    }
    let history = run.trainer().history();
    assert!(history.merged_rows() > 0, "the history was thinned");
    assert!(history.len() < 200, "{} rows", history.len());
    assert!(
        run.timeline().interval() > first_interval,
        "keyframes were thinned"
    );

    let reference = reference(&settings);
    let mut rng = RandomState::new(29);
    let targets: Vec<u64> = (0..150)
        .map(|_| rng.below(UPDATES as usize + 1) as u64)
        .chain([0, RATE_CHANGE_AT, EDIT_AT, UPDATES - 1])
        .collect();
    let (mut kept, mut thinned) = (0, 0);
    for target in targets {
        let seen = run.seek(target).unwrap();
        let (params, record) = &reference[target as usize];
        assert_eq!(
            bits(seen.network().params()),
            bits(params),
            "iteration {target}"
        );
        let history = run.trainer().history();
        if history.iterations().binary_search(&target).is_ok() {
            kept += 1;
        } else {
            thinned += 1;
        }
        assert_eq!(run.replayed_metrics(), Some(*record), "iteration {target}");
    }
    assert!(
        kept > 0 && thinned > 100,
        "{kept} kept rows, {thinned} thinned"
    );
}
