//! The time machine on a long run: memory held by the history and the keyframes, and the
//! time of a seek to random iterations (median and 90th percentile), native.
//! `cargo bench -p neuranim-core --bench timeline -- [ITERATIONS=1000000] [BATCH=full]`

use neuranim_core::rng::RandomState;
use neuranim_core::{Initializer, RecordedRun, Settings};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let iterations: u64 = args
        .first()
        .map_or(1_000_000, |a| a.parse().expect("ITERATIONS"));
    let batch_size = args
        .get(1)
        .filter(|b| *b != "full")
        .map(|b| b.parse().expect("BATCH"));
    let settings = Settings {
        hidden: vec![8; 6],
        init: Initializer::Xavier,
        learning_rate: 0.03,
        batch_size,
        ..Settings::default()
    };
    let mut run = RecordedRun::new(settings.start().unwrap());
    let start = Instant::now();
    for i in 1..=iterations {
        run.step().unwrap();
        // A frame's record, as the page makes (a no-op on the full batch).
        if i % 50 == 0 {
            run.session.trainer.record().unwrap();
        }
    }
    let trained = start.elapsed().as_secs_f64();
    let history = run.trainer().history().heap_bytes();
    let keyframes = run.timeline().heap_bytes();
    let mb = |b: usize| b as f64 / (1 << 20) as f64;
    println!(
        "2-8x6-1 on flower, batch {}: {iterations} iterations in {trained:.0} s; {} records; \
         history {:.1} MB + keyframes {:.1} MB = {:.1} MB; keyframe every {} updates",
        batch_size.map_or("full".to_string(), |b: usize| b.to_string()),
        run.trainer().history().len(),
        mb(history),
        mb(keyframes),
        mb(history + keyframes),
        run.timeline().interval(),
    );
    let mut rng = RandomState::new(1);
    let mut times: Vec<f64> = (0..200)
        .map(|_| {
            let target = rng.below(iterations as usize + 1) as u64;
            let t = Instant::now();
            run.seek(target).unwrap();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "seek to a random iteration: median {:.1} ms, p90 {:.1} ms, max {:.1} ms over {} seeks",
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1],
        times.len()
    );
}
