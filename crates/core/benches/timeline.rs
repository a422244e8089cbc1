//! The time machine on long runs, native: memory held by the history and the keyframes, the
//! time of a seek to random iterations, of stepping forward through the past one iteration at
//! a time (playback, a GIF export), and of one chunk of a chunked seek.
//! `cargo bench -p neuranim-core --bench timeline -- [COURSE_UPDATES=20000000] [DEEP_UPDATES=3000]`
//! (0 skips a run). Other work on the machine shows in the maxima first.
//!
//! The course's run (flower, full batch, 4 hidden neurons) records every iteration, so it is
//! the longest history; 8 hidden layers of 64 on the full batch is the costliest update, so
//! its keyframes thin soonest and its seeks replay the most.

use neuranim_core::rng::RandomState;
use neuranim_core::timeline::update_work;
use neuranim_core::{Initializer, RecordedRun, Settings};
use std::time::Instant;

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .map(|a| a.parse().expect("COURSE_UPDATES DEEP_UPDATES"))
        .collect();
    let course = args.first().copied().unwrap_or(20_000_000);
    let deep = args.get(1).copied().unwrap_or(3000);
    long_run("the course's run, 2-4-1", Settings::default(), course);
    let deep_settings = Settings {
        hidden: vec![64; 8],
        init: Initializer::Xavier,
        learning_rate: 0.01,
        ..Settings::default()
    };
    long_run("8 hidden layers of 64", deep_settings, deep);
}

fn long_run(name: &str, settings: Settings, updates: u64) {
    if updates == 0 {
        return;
    }
    let mut run = RecordedRun::new(settings.start().unwrap());
    let work = update_work(run.trainer());
    let first_interval = run.timeline().interval();
    let start = Instant::now();
    for _ in 0..updates {
        run.step().unwrap();
    }
    let trained = start.elapsed().as_secs_f64();
    let history = run.trainer().history();
    let mb = |b: usize| b as f64 / (1 << 20) as f64;
    println!("{name} on flower, full batch: {updates} updates in {trained:.1} s");
    println!(
        "  history {:.2} MB ({} rows, {} merged), keyframes {:.2} MB, all {:.2} MB",
        mb(history.heap_bytes()),
        history.len(),
        history.merged_rows(),
        mb(run.timeline().keyframe_bytes()),
        mb(run.heap_bytes()),
    );
    println!(
        "  {work} multiply-adds per update, {:.1} µs: keyframe every {} updates (at first {first_interval})",
        trained / updates as f64 * 1e6,
        run.timeline().interval(),
    );
    let mut rng = RandomState::new(1);
    let random: Vec<f64> = (0..200)
        .map(|_| {
            let target = rng.below(updates as usize + 1) as u64;
            let t = Instant::now();
            run.seek(target).unwrap();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    summary("seek to a random iteration", random);
    let from = rng.below(updates as usize / 2) as u64;
    run.seek(from).unwrap();
    let forward: Vec<f64> = (from + 1..=(from + 200).min(updates))
        .map(|target| {
            let t = Instant::now();
            run.seek(target).unwrap();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    summary("seek to the next iteration", forward);
    // A chunked seek in chunks of 8 updates, from the keyframe each time.
    let mut chunks = Vec::new();
    for _ in 0..20 {
        let target = rng.below(updates as usize + 1) as u64;
        run.seek(target + 1).unwrap();
        run.begin_seek(target);
        loop {
            let t = Instant::now();
            let done = run.continue_seek(8).unwrap();
            chunks.push(t.elapsed().as_secs_f64() * 1e3);
            if done {
                break;
            }
        }
    }
    summary("one chunk of 8 updates", chunks);
}

fn summary(what: &str, mut ms: Vec<f64>) {
    if ms.is_empty() {
        return;
    }
    ms.sort_by(f64::total_cmp);
    println!(
        "  {what}: median {:.3} ms, p90 {:.3} ms, max {:.3} ms over {}",
        ms[ms.len() / 2],
        ms[ms.len() * 9 / 10],
        ms[ms.len() - 1],
        ms.len()
    );
}
