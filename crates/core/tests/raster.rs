//! The rasters the page paints (f32, for speed) against the network's own f64 forward pass,
//! on trained networks of every activation and with every input feature.

use neuranim_core::features::input_matrix;
use neuranim_core::network::Cache;
use neuranim_core::raster::Grid;
use neuranim_core::{Activation, DatasetName, Feature, Initializer, Rasterizer, Settings};

#[test]
fn f32_rasters_agree_with_the_f64_network() {
    let plain = Feature::PLAIN.to_vec();
    for (dataset, activation, hidden, features) in [
        (
            DatasetName::Flower,
            Activation::Tanh,
            vec![4],
            plain.clone(),
        ),
        (
            DatasetName::Spiral3,
            Activation::Sigmoid,
            vec![8, 5],
            plain.clone(),
        ),
        (DatasetName::Plane, Activation::Relu, vec![6], plain),
        (
            DatasetName::Spiral,
            Activation::Tanh,
            vec![5],
            Feature::ALL.to_vec(),
        ),
    ] {
        let settings = Settings {
            dataset,
            activation,
            hidden,
            features,
            init: Initializer::Xavier,
            learning_rate: 0.1,
            ..Settings::default()
        };
        let mut session = settings.start().unwrap();
        for _ in 0..200 {
            session.trainer.step().unwrap();
        }
        let net = session.trainer.network();
        let grid = Grid {
            bounds: session.data.bounds,
            width: 37,
            height: 23,
        };
        let mut out = Vec::new();
        Rasterizer::default().neurons(net, grid, &mut out);
        let mut cache = Cache::default();
        let mut worst = 0.0f64;
        for row in 0..grid.height {
            for col in 0..grid.width {
                let input = input_matrix(net.features(), &[grid.point(col, row)]);
                net.forward(&input, 1, &mut cache);
                let values = cache.a.iter().flatten();
                for (plane, &v) in values.enumerate() {
                    let ours = out[plane * grid.pixels() + row * grid.width + col];
                    worst = worst.max((f64::from(ours) - v).abs() / v.abs().max(1.0));
                }
            }
        }
        assert!(worst < 2e-5, "{dataset:?}: {worst:e}");
    }
}
