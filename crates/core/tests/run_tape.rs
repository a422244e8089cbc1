//! A run file's tape (how a run crosses between the page's two wasm modules): every run file
//! comes back from its settings and tape equal to itself, field for field and bit for bit,
//! and a tape cut short or mangled is refused, never a panic.

use neuranim_core::{DatasetName, Optimizer, RecordedRun, RunFile, Settings};
use proptest::prelude::*;
use std::sync::OnceLock;

/// Run files of every part a tape carries: own data with a test set, mini-batches and Adam
/// (a shuffle, the optimizer's memory), a history thinned with merged rows, a timeline with
/// a learning-rate change and a hand edit; and the course's bare run.
fn run_files() -> &'static [RunFile] {
    static FILES: OnceLock<Vec<RunFile>> = OnceLock::new();
    FILES.get_or_init(make_run_files)
}

fn make_run_files() -> Vec<RunFile> {
    let batches = Settings {
        dataset: DatasetName::Spiral3,
        test_ratio: 0.2,
        batch_size: Some(16),
        optimizer: Optimizer::ADAM,
        hidden: vec![5, 3],
        ..Settings::default()
    };
    let mut rich = RecordedRun::new(batches.start().unwrap());
    let history = neuranim_core::History::with_budget(neuranim_core::History::MIN_BUDGET);
    rich.session.trainer.replace_history(history);
    for i in 0..3000 {
        if i == 700 {
            rich.set_learning_rate(0.003);
        }
        if i == 1500 {
            let edited: Vec<f64> = rich
                .trainer()
                .network()
                .params()
                .iter()
                .map(|p| p * 0.9)
                .collect();
            rich.set_params(&edited).unwrap();
        }
        rich.step().unwrap();
        rich.session.trainer.record().unwrap();
    }
    let mut own = rich.session.data.clone();
    own.points.truncate(150);
    own.labels.truncate(150);
    let own_data = RecordedRun::new(neuranim_core::Session::new(batches, own, None).unwrap());
    let course = RecordedRun::new(Settings::default().start().unwrap());
    let files = vec![
        RunFile::of(&rich, true),
        RunFile::of(&rich, false),
        RunFile::of(&own_data, true),
        RunFile::of(&course, false),
    ];
    assert!(
        files[0].history.as_ref().unwrap().merged.is_some(),
        "a thinned history"
    );
    assert!(
        !files[0].timeline.as_ref().unwrap().events.is_empty(),
        "the timeline's events"
    );
    assert!(files[2].data.is_some(), "own data");
    files
}

/// A run file written out in full (Debug prints each f64 exactly, NaN and -0 apart).
fn bits(file: &RunFile) -> String {
    format!("{file:?}")
}

#[test]
fn every_run_file_comes_back_from_its_tape_bit_for_bit() {
    for file in run_files() {
        let back = RunFile::from_tape(file.settings.clone(), &file.tape()).unwrap();
        assert_eq!(&back, file);
        assert_eq!(bits(&back), bits(file));
        assert_eq!(back.to_json(), file.to_json());
    }
}

#[test]
fn counts_beyond_two_to_the_53_cross_exactly_and_are_refused_by_field() {
    let mut file = run_files()[3].clone();
    file.state.iteration = (1 << 53) + 1;
    file.state.epoch = u64::MAX;
    let back = RunFile::from_tape(file.settings.clone(), &file.tape()).unwrap();
    assert_eq!(back.state.iteration, (1 << 53) + 1);
    assert_eq!(back.state.epoch, u64::MAX);
    let refusal = back.restore().unwrap_err();
    assert!(
        refusal.starts_with("state.iteration: 9007199254740993"),
        "{refusal}"
    );
}

#[test]
fn a_tape_cut_short_or_too_long_is_refused() {
    for file in run_files() {
        let tape = file.tape();
        for end in (0..tape.len()).step_by(1 + tape.len() / 500) {
            let refusal = RunFile::from_tape(file.settings.clone(), &tape[..end]).unwrap_err();
            assert!(
                refusal.starts_with("the run's numbers are not a run's"),
                "{refusal}"
            );
        }
        let mut longer = tape.clone();
        longer.push(0.0);
        assert!(RunFile::from_tape(file.settings.clone(), &longer).is_err());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any number anywhere: a run file or a refusal, never a panic, never a vast allocation.
    #[test]
    fn a_mangled_tape_gives_a_file_or_a_refusal(
        which in 0usize..4,
        at in any::<proptest::sample::Index>(),
        value in prop_oneof![Just(f64::NAN), Just(-1.0), Just(1e300), Just(4_294_967_296.0), Just(0.5), -3.0..1e6f64],
    ) {
        let file = &run_files()[which];
        let mut tape = file.tape();
        let i = at.index(tape.len());
        tape[i] = value;
        if let Ok(back) = RunFile::from_tape(file.settings.clone(), &tape) {
            // A number changed where a value was: restoring checks it as from a file.
            let _ = back.restore();
        }
    }
}
