//! Training behaviour: determinism, mini-batches, optimizers, divergence.

use neuranim_core::settings::RegularizationKind;
use neuranim_core::train::DivergenceCause;
use neuranim_core::{DatasetName, Initializer, Optimizer, Settings};

fn trained(settings: &Settings, steps: usize) -> Vec<f64> {
    let mut session = settings.start().unwrap();
    for _ in 0..steps {
        session.trainer.step().unwrap();
    }
    session.trainer.network().params().to_vec()
}

fn deep_adam() -> Settings {
    Settings {
        dataset: DatasetName::Spiral,
        noise: Some(0.1),
        test_ratio: 0.3,
        seed: 11,
        hidden: vec![8; 6],
        init: Initializer::Xavier,
        learning_rate: 0.01,
        batch_size: Some(10),
        optimizer: Optimizer::ADAM,
        regularization: RegularizationKind::L2,
        regularization_rate: 0.001,
        ..Settings::default()
    }
}

#[test]
fn same_settings_give_the_same_bits() {
    for settings in [Settings::default(), deep_adam()] {
        let a = trained(&settings, 300);
        let b = trained(&settings, 300);
        assert!(a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()));
        let other = Settings {
            seed: settings.seed + 1,
            ..settings.clone()
        };
        assert_ne!(a, trained(&other, 300));
    }
}

#[test]
fn mini_batches_walk_every_example_once_per_epoch() {
    let settings = Settings {
        batch_size: Some(30),
        ..Settings::default()
    };
    let mut session = settings.start().unwrap();
    // 400 points in batches of 30: 13 full batches and one of 10 make an epoch.
    for _ in 0..14 {
        session.trainer.step().unwrap();
    }
    assert_eq!(session.trainer.epochs(), 1);
    session.trainer.step().unwrap();
    assert_eq!(
        (session.trainer.iteration(), session.trainer.epochs()),
        (15, 1)
    );
}

#[test]
fn every_optimizer_learns_the_circle() {
    for (optimizer, lr) in [
        (Optimizer::Gd, 0.3),
        (Optimizer::MOMENTUM, 0.3),
        (Optimizer::ADAM, 0.03),
    ] {
        let settings = Settings {
            dataset: DatasetName::Circle,
            test_ratio: 0.5,
            hidden: vec![4, 2],
            init: Initializer::Xavier,
            learning_rate: lr,
            batch_size: Some(10),
            optimizer,
            ..Settings::default()
        };
        let mut session = settings.start().unwrap();
        for _ in 0..3000 {
            session.trainer.step().unwrap();
        }
        let record = session.trainer.record().unwrap();
        let test = record.test.unwrap();
        assert!(test.score > 0.9, "{optimizer:?}: {record:?}");
    }
}

#[test]
fn the_spiral3_set_is_learned_with_softmax() {
    let settings = Settings {
        dataset: DatasetName::Spiral3,
        hidden: vec![32],
        activation: neuranim_core::Activation::Relu,
        init: Initializer::He,
        learning_rate: 1.0,
        ..Settings::default()
    };
    let mut session = settings.start().unwrap();
    for _ in 0..3000 {
        session.trainer.step().unwrap();
    }
    let score = session.trainer.record().unwrap().train.score;
    assert!(score > 0.95, "{score}");
}

#[test]
fn divergence_stops_with_the_iteration_and_keeps_finite_weights() {
    let settings = Settings {
        dataset: DatasetName::Plane,
        hidden: vec![8; 6],
        init: Initializer::He,
        activation: neuranim_core::Activation::Relu,
        learning_rate: 10.0,
        ..Settings::default()
    };
    let mut session = settings.start().unwrap();
    let error = (0..1000)
        .find_map(|_| session.trainer.step().err())
        .expect("a learning rate of 10 diverges on regression");
    assert!(session
        .trainer
        .network()
        .params()
        .iter()
        .all(|p| p.is_finite()));
    assert!(error.iteration <= session.trainer.iteration() + 1);
    assert!(matches!(
        error.cause,
        DivergenceCause::Cost | DivergenceCause::Gradient | DivergenceCause::Weights
    ));
    let message = error.to_string();
    assert!(
        message.contains(&format!("iteration {}", error.iteration)),
        "{message}"
    );
    assert!(message.contains("smaller learning rate"));
    assert_eq!(session.trainer.step(), Err(error), "stays stopped");
    assert!(session
        .trainer
        .history()
        .records()
        .all(|r| r.train.cost.is_finite()));
}

#[test]
fn a_hand_edit_replaces_the_metrics_of_its_iteration() {
    let mut session = Settings::default().start().unwrap();
    for _ in 0..50 {
        session.trainer.step().unwrap();
    }
    let before = session.trainer.record().unwrap();
    let mut params = session.trainer.network().params().to_vec();
    params[0] += 3.0;
    session.trainer.set_params(&params).unwrap();
    let after = session.trainer.record().unwrap();
    assert_eq!(after.iteration, before.iteration);
    assert_ne!(after.train.cost, before.train.cost);
    assert_eq!(session.trainer.history().len(), 51);
    assert_eq!(session.trainer.iteration(), 50);
}
