//! A diverged run goes back to its last healthy iteration, from which a smaller learning
//! rate trains on; the state it goes back to is the one live training had there.

use neuranim_core::recorded::HEALTHY;
use neuranim_core::{Activation, Initializer, RecordedRun, Settings};

fn bits(run: &RecordedRun) -> Vec<u64> {
    run.trainer()
        .network()
        .params()
        .iter()
        .map(|p| p.to_bits())
        .collect()
}

#[test]
fn a_diverged_run_goes_back_to_health_and_a_smaller_rate_trains_on() {
    let linear = Settings {
        activation: Activation::Linear,
        init: Initializer::Xavier,
        learning_rate: 0.1,
        ..Settings::default()
    };
    let mut run = RecordedRun::new(linear.start().unwrap());
    let mut healthy = Vec::new();
    for _ in 0..200 {
        run.step().unwrap();
        run.record().unwrap();
        healthy.push((run.trainer().iteration(), bits(&run)));
    }
    run.set_learning_rate(100.0);
    let mut updates = 0;
    while run.step().is_ok() {
        // Recorded every update, as a page at speed 1 does.
        if run.record().is_err() {
            break;
        }
        updates += 1;
        assert!(
            updates < 100_000,
            "a rate of 100 diverges with linear neurons"
        );
        if run
            .trainer()
            .network()
            .params()
            .iter()
            .all(|p| p.abs() <= HEALTHY)
        {
            healthy.push((run.trainer().iteration(), bits(&run)));
        }
    }
    let diverged = run.trainer().divergence().expect("diverged");
    // Without recovery no rate goes on: the weights kept are far too large.
    let largest = run
        .trainer()
        .network()
        .params()
        .iter()
        .fold(0.0_f64, |m, p| m.max(p.abs()));
    assert!(largest > HEALTHY, "{largest}");

    let recovery = run.recover().expect("a diverged run recovers");
    assert_eq!(recovery.divergence, diverged);
    let (iteration, params) = healthy.last().unwrap();
    assert_eq!(recovery.iteration, *iteration);
    assert_eq!(run.trainer().iteration(), *iteration);
    assert_eq!(&bits(&run), params, "the live state there, bit for bit");
    assert!(run.trainer().divergence().is_none());
    assert_eq!(
        run.trainer().learning_rate(),
        100.0,
        "the chosen rate stays in force"
    );
    assert!(recovery
        .to_string()
        .contains(&format!("went back to iteration {iteration}")));

    run.set_learning_rate(0.01);
    for _ in 0..500 {
        run.step().unwrap();
    }
    assert!(run.record().unwrap().train.cost.is_finite());
}

#[test]
fn a_healthy_run_has_nothing_to_recover() {
    let mut run = RecordedRun::new(Settings::default().start().unwrap());
    run.step().unwrap();
    assert_eq!(run.recover(), None);
    assert_eq!(run.trainer().iteration(), 1);
}
