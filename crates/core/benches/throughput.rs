//! Training throughput and raster time, native. `cargo bench -p neuranim-core`.
//! Prints medians over repeated runs; the browser's numbers come from scripts/bench.sh.

use neuranim_core::{DatasetName, Grid, Initializer, Rasterizer, Session, Settings};
use std::time::Instant;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn course() -> Settings {
    Settings::default()
}

fn deep() -> Settings {
    Settings {
        hidden: vec![8; 6],
        init: Initializer::Xavier,
        learning_rate: 0.03,
        batch_size: Some(10),
        dataset: DatasetName::Flower,
        ..Settings::default()
    }
}

/// Examples per second over `runs` runs of `steps` updates each.
fn training(settings: &Settings, steps: usize, runs: usize) -> f64 {
    let rates = (0..runs)
        .map(|_| {
            let mut session: Session = settings.start().unwrap();
            let batch = settings
                .batch_size
                .unwrap_or(session.train.len())
                .min(session.train.len());
            let start = Instant::now();
            for _ in 0..steps {
                session.trainer.step().unwrap();
            }
            (steps * batch) as f64 / start.elapsed().as_secs_f64()
        })
        .collect();
    median(rates)
}

/// Milliseconds to rasterise the output (or every neuron) over a side × side grid.
fn raster(settings: &Settings, side: usize, all_neurons: bool, runs: usize) -> f64 {
    let session = settings.start().unwrap();
    let net = session.trainer.network();
    let grid = Grid {
        bounds: session.data.bounds,
        width: side,
        height: side,
    };
    let mut rasterizer = Rasterizer::default();
    let mut out = Vec::new();
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            if all_neurons {
                rasterizer.neurons(net, grid, &mut out);
            } else {
                rasterizer.output(net, grid, &mut out);
            }
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    median(times)
}

fn main() {
    println!("native benchmarks (medians)");
    let c = training(&course(), 2_000, 11);
    println!(
        "train 2-4-1 full batch (flower, 400 points): {:.2} M examples/s",
        c / 1e6
    );
    let d = training(&deep(), 20_000, 11);
    println!(
        "train 2-8x6-1 batch 10 (flower, 400 points): {:.3} M examples/s",
        d / 1e6
    );
    for (name, settings) in [("2-4-1", course()), ("2-8x6-1", deep())] {
        for side in [100, 256, 512] {
            let out = raster(&settings, side, false, 15);
            let all = raster(&settings, side, true, 15);
            println!("raster {name} {side}x{side}: output {out:.2} ms, every neuron {all:.2} ms");
        }
    }
}
