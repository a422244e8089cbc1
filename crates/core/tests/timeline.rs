//! The time machine: weights seen through `seek` equal, bit for bit, those the live run had
//! at that iteration, with hand edits and learning-rate changes on the way; memory stays
//! within its budget.

use neuranim_core::rng::RandomState;
use neuranim_core::{DatasetName, Initializer, Optimizer, RecordedRun, Settings};

fn deep_adam_batches() -> Settings {
    Settings {
        dataset: DatasetName::Spiral,
        noise: Some(0.1),
        test_ratio: 0.2,
        seed: 5,
        hidden: vec![8; 6],
        init: Initializer::Xavier,
        learning_rate: 0.01,
        batch_size: Some(10),
        optimizer: Optimizer::ADAM,
        ..Settings::default()
    }
}

/// Trains `updates` updates live, changing the learning rate and editing weights at a few
/// iterations, and returns the parameters the live run had after each update count.
fn live_run(run: &mut RecordedRun, updates: u64, rng: &mut RandomState) -> Vec<Vec<f64>> {
    let mut seen = vec![run.trainer().network().params().to_vec()];
    for i in 1..=updates {
        run.step().unwrap();
        if i % 97 == 0 {
            let rate = run.trainer().config().learning_rate * 0.9;
            run.set_learning_rate(rate);
        }
        if i % 131 == 0 {
            let mut params = run.trainer().network().params().to_vec();
            let at = rng.below(params.len());
            params[at] = -params[at] + 0.25;
            run.set_params(&params).unwrap();
        }
        if i % 50 == 0 {
            // What the page does at the end of each frame.
            run.session.trainer.record().unwrap();
        }
        seen.push(run.trainer().network().params().to_vec());
    }
    seen
}

fn bits(params: &[f64]) -> Vec<u64> {
    params.iter().map(|p| p.to_bits()).collect()
}

fn assert_seeks_match(
    run: &mut RecordedRun,
    live: &[Vec<f64>],
    rng: &mut RandomState,
    seeks: usize,
) {
    let last = live.len() - 1;
    for _ in 0..seeks {
        let target = rng.below(last + 1) as u64;
        let seen = run.seek(target).unwrap();
        assert_eq!(seen.iteration(), target);
        assert_eq!(
            bits(seen.network().params()),
            bits(&live[target as usize]),
            "iteration {target}"
        );
    }
    // The ends too.
    for target in [0, last as u64] {
        assert_eq!(
            bits(run.seek(target).unwrap().network().params()),
            bits(&live[target as usize])
        );
    }
}

#[test]
fn seeking_gives_the_live_weights_bit_for_bit() {
    for settings in [Settings::default(), deep_adam_batches()] {
        let mut rng = RandomState::new(7);
        let mut run = RecordedRun::new(settings.start().unwrap());
        let live = live_run(&mut run, 1200, &mut rng);
        assert!(run.timeline().interval() > 1, "keyframes are sparse");
        assert_seeks_match(&mut run, &live, &mut rng, 60);
        // Seeking leaves the live run where it was.
        assert_eq!(
            bits(run.trainer().network().params()),
            bits(live.last().unwrap())
        );
    }
}

#[test]
fn continuing_from_a_past_iteration_trains_as_the_live_run_did() {
    let settings = deep_adam_batches();
    let mut rng = RandomState::new(3);
    let mut run = RecordedRun::new(settings.start().unwrap());
    let live = live_run(&mut run, 600, &mut rng);
    // Iterations 300..390 saw no events, so training on from 300 repeats them.
    run.continue_from(300).unwrap();
    assert_eq!(run.trainer().iteration(), 300);
    assert_eq!(run.trainer().history().last_iteration(), Some(300));
    for (i, expected) in live.iter().enumerate().take(381).skip(301) {
        run.step().unwrap();
        assert_eq!(
            bits(run.trainer().network().params()),
            bits(expected),
            "iteration {i}"
        );
    }
    // And the shortened timeline still seeks exactly.
    assert_eq!(
        bits(run.seek(150).unwrap().network().params()),
        bits(&live[150])
    );
}

#[test]
fn keyframes_stay_within_their_budget_and_seeks_stay_exact() {
    let settings = Settings {
        hidden: vec![8; 6],
        init: Initializer::Xavier,
        learning_rate: 0.3,
        ..Settings::default()
    };
    let budget = 48 << 10;
    let mut run = RecordedRun::with_budget(settings.start().unwrap(), budget);
    let first_interval = run.timeline().interval();
    let mut rng = RandomState::new(11);
    let live = live_run(&mut run, 3000, &mut rng);
    assert!(
        run.timeline().interval() > first_interval,
        "the budget thinned the keyframes"
    );
    assert!(
        run.timeline().keyframe_bytes() <= budget,
        "{} bytes",
        run.timeline().keyframe_bytes()
    );
    // Full batch: one record per update, about 28 bytes each with no test set.
    let history = run.trainer().history();
    // Iterations 0 to 3000.
    assert_eq!(history.len(), 3001);
    assert!(
        history.heap_bytes() < 3000 * 48,
        "{} bytes",
        history.heap_bytes()
    );
    assert_seeks_match(&mut run, &live, &mut rng, 20);
}

#[test]
fn seeking_in_chunks_gives_the_one_shot_seeks_bits() {
    for settings in [Settings::default(), deep_adam_batches()] {
        let mut rng = RandomState::new(17);
        let mut run = RecordedRun::new(settings.start().unwrap());
        let live = live_run(&mut run, 1500, &mut rng);
        for _ in 0..12 {
            let target = rng.below(live.len()) as u64;
            let whole = bits(run.seek(target).unwrap().network().params());
            assert_eq!(whole, bits(&live[target as usize]));
            for chunk in [1, 7, 1000] {
                // From the start, so that the whole way is replayed in chunks.
                run.seek(0).unwrap();
                assert_eq!(run.begin_seek(target), target);
                loop {
                    let before = run.replayed().unwrap().iteration();
                    let done = run.continue_seek(chunk).unwrap();
                    let after = run.replayed().unwrap().iteration();
                    assert!(after <= target && after - before <= chunk);
                    if done {
                        break;
                    }
                    assert_eq!(
                        after - before,
                        chunk,
                        "a chunk short of the target is whole"
                    );
                }
                let replayed = run.replayed().unwrap();
                assert_eq!(replayed.iteration(), target);
                assert_eq!(
                    bits(replayed.network().params()),
                    whole,
                    "chunks of {chunk}"
                );
            }
        }
    }
}

#[test]
fn seeking_forward_goes_on_from_the_replayed_iteration() {
    let settings = deep_adam_batches();
    let mut rng = RandomState::new(19);
    let mut run = RecordedRun::new(settings.start().unwrap());
    // Learning-rate changes at 97, 194, …, hand edits at 131, 262, ….
    let live = live_run(&mut run, 1000, &mut rng);
    let interval = run.timeline().interval();
    assert!(
        interval > 300,
        "one keyframe spans the events, every {interval} updates"
    );
    // Each seek starts where the last one stopped, across an edit, a rate change, both.
    for (from, to) in [(90, 140), (97, 131), (131, 200), (200, 263), (263, 263)] {
        run.seek(from).unwrap();
        assert_eq!(run.begin_seek(to), to);
        // No more updates than the gap: the replay did not go back to the keyframe.
        assert!(run.continue_seek(to - from).unwrap(), "{from} → {to}");
        let forward = bits(run.replayed().unwrap().network().params());
        assert_eq!(forward, bits(&live[to as usize]), "{from} → {to}");
        // From the keyframe instead: a seek past the target first, so the replay restarts.
        run.seek(to + 1).unwrap();
        let from_keyframe = bits(run.seek(to).unwrap().network().params());
        assert_eq!(forward, from_keyframe, "{from} → {to}");
    }
}

#[test]
fn a_change_made_after_a_seek_to_the_live_iteration_is_replayed() {
    let mut rng = RandomState::new(23);
    let mut run = RecordedRun::new(deep_adam_batches().start().unwrap());
    let mut live = live_run(&mut run, 40, &mut rng);
    // The replayer reaches the live iteration before the changes are made there.
    run.seek(40).unwrap();
    run.set_learning_rate(0.05);
    let mut params = run.trainer().network().params().to_vec();
    params[3] += 0.5;
    run.set_params(&params).unwrap();
    live[40] = params;
    for _ in 0..5 {
        run.step().unwrap();
        live.push(run.trainer().network().params().to_vec());
    }
    for target in [40_u64, 45] {
        let seen = run.seek(target).unwrap();
        assert_eq!(bits(seen.network().params()), bits(&live[target as usize]));
    }
}

#[test]
fn a_run_opened_from_a_file_replays_each_stretch_of_its_past_once() {
    use neuranim_core::RunFile;
    let mut rng = RandomState::new(29);
    // Full batches of a wider network: a keyframe every few dozen updates.
    let settings = Settings {
        hidden: vec![32; 3],
        batch_size: None,
        ..deep_adam_batches()
    };
    let mut run = RecordedRun::new(settings.start().unwrap());
    let live = live_run(&mut run, 3000, &mut rng);
    // A run file holds the first state and the events, not the keyframes.
    let mut opened = RunFile::parse(&RunFile::of(&run, true).to_json())
        .unwrap()
        .restore()
        .unwrap();
    let interval = opened.timeline().interval();
    assert!(interval < 100, "keyframes every {interval} updates");
    let before = opened.timeline().keyframe_bytes();
    assert_eq!(
        bits(opened.seek(2900).unwrap().network().params()),
        bits(&live[2900])
    );
    assert!(opened.timeline().keyframe_bytes() > before);
    // (Thinned to fit the budget on the way, maybe: the interval may have doubled.)
    let interval = opened.timeline().interval();
    // Any iteration that first seek passed is now at most one interval from a keyframe:
    // reached from there, exactly as live training had it.
    for target in [2500, 90, 1313, 2000, 7] {
        opened.seek(2999).unwrap();
        assert_eq!(opened.begin_seek(target), target);
        assert!(opened.continue_seek(interval).unwrap(), "{target}");
        assert_eq!(
            bits(opened.replayed().unwrap().network().params()),
            bits(&live[target as usize]),
            "{target}"
        );
    }
}
