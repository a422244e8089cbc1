//! Input features: what they compute, that a choice reaches the network, and that the right
//! features make a problem linear.

use neuranim_core::features::{input_matrix, normalized};
use neuranim_core::{DatasetName, Feature, Initializer, Settings};

#[test]
fn each_feature_computes_what_its_name_says() {
    let p = [0.75, -2.0];
    let expected = [
        0.75,
        -2.0,
        0.5625,
        4.0,
        -1.5,
        0.75f64.sin(),
        (-2.0f64).sin(),
    ];
    for (f, want) in Feature::ALL.into_iter().zip(expected) {
        assert!((f.of(p) - want).abs() < 1e-15, "{}", f.name());
        assert_eq!(Feature::by_name(f.name()), Some(f));
    }
    // One row per feature, one column per point.
    let m = input_matrix(
        &[Feature::X2, Feature::X1TimesX2],
        &[[1.0, 2.0], [3.0, 4.0]],
    );
    assert_eq!(m, [2.0, 4.0, 2.0, 12.0]);
}

#[test]
fn a_choice_of_features_is_checked_and_shapes_the_network() {
    assert!(normalized(&[]).is_err());
    assert!(normalized(&[Feature::X1, Feature::X1])
        .unwrap_err()
        .contains("x1"));
    assert_eq!(
        normalized(&[Feature::SinX2, Feature::X1]).unwrap(),
        [Feature::X1, Feature::SinX2]
    );
    let settings = Settings {
        features: vec![Feature::X1, Feature::X2, Feature::X1Squared, Feature::SinX2],
        ..Settings::default()
    };
    let session = settings.start().unwrap();
    assert_eq!(session.trainer.network().sizes(), [4, 4, 1]);
    let json = serde_json::to_string(&settings).unwrap();
    assert!(
        json.contains(r#""features":["x1","x2","x1Squared","sinX2"]"#),
        "{json}"
    );
}

/// Circle data is not linearly separable in (x1, x2) but is in (x1², x2²): a network with no
/// hidden layer learns it only from the squares.
#[test]
fn squared_features_make_the_circle_linear() {
    let accuracy = |features: Vec<Feature>| {
        let settings = Settings {
            dataset: DatasetName::Circle,
            hidden: vec![],
            init: Initializer::Xavier,
            learning_rate: 0.1,
            features,
            ..Settings::default()
        };
        let mut session = settings.start().unwrap();
        for _ in 0..3000 {
            session.trainer.step().unwrap();
        }
        session.trainer.record().unwrap().train.score
    };
    let plain = accuracy(Feature::PLAIN.to_vec());
    let squares = accuracy(vec![Feature::X1Squared, Feature::X2Squared]);
    assert!(squares > 0.97, "squares {squares}");
    assert!(plain < 0.75, "plain {plain}");
}
