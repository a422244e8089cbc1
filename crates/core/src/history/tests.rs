//! The history against brute-force oracles: envelopes, searches, records read back.

use super::*;
use crate::rng::RandomState;

/// Records at uneven, increasing iterations, as `step(n)` calls of varying n make them.
fn random_history(rng: &mut RandomState, n: usize, with_test: bool) -> History {
    let mut history = History::default();
    let mut iteration = rng.below(5) as u64;
    for _ in 0..n {
        let metrics = |rng: &mut RandomState| Metrics {
            cost: rng.uniform_in(0.0, 2.0),
            score: rng.uniform(),
        };
        let train = metrics(rng);
        let test = with_test.then(|| metrics(rng));
        history.push(Record {
            iteration,
            train,
            test,
        });
        let gap = if rng.below(10) == 0 { 200 } else { 3 };
        iteration += 1 + rng.below(gap) as u64;
    }
    history
}

fn min_max_of(values: impl Iterator<Item = f64>) -> Option<MinMax> {
    values.fold(None, |acc: Option<MinMax>, v| {
        Some(acc.map_or(MinMax { min: v, max: v }, |m| MinMax {
            min: m.min.min(v),
            max: m.max.max(v),
        }))
    })
}

/// The oracle: each record dropped into its bucket by the bucket's definition.
fn brute_force_over_iterations(
    history: &History,
    column: Column,
    start: u64,
    end: u64,
    buckets: usize,
) -> Vec<Option<MinMax>> {
    let mut found: Vec<Vec<f64>> = vec![Vec::new(); buckets];
    let values = history.column(column);
    for (&i, &v) in history.iterations().iter().zip(values) {
        if start <= i && i <= end {
            let b = match end - start {
                0 => buckets - 1,
                span => ((i - start) as u128 * buckets as u128 / span as u128) as usize,
            };
            found[b.min(buckets - 1)].push(v);
        }
    }
    found
        .into_iter()
        .map(|vs| min_max_of(vs.into_iter()))
        .collect()
}

#[test]
fn envelopes_over_iterations_match_the_oracle() {
    let mut rng = RandomState::new(7);
    for (n, with_test) in [
        (0, true),
        (1, false),
        (40, true),
        (1000, true),
        (5000, false),
    ] {
        let history = random_history(&mut rng, n, with_test);
        let last = history.last_iteration().unwrap_or(0);
        for _ in 0..60 {
            let a = rng.below(last as usize + 20) as u64;
            let b = rng.below(last as usize + 20) as u64;
            let (start, end) = (a.min(b), a.max(b));
            let buckets = 1 + rng.below(700);
            for column in Column::ALL {
                let got: Vec<_> = history
                    .envelope_over_iterations(column, start..=end, buckets)
                    .collect();
                let want = brute_force_over_iterations(&history, column, start, end, buckets);
                assert_eq!(
                    got, want,
                    "n {n}, {start}..={end}, {buckets} buckets, {column:?}"
                );
            }
        }
    }
}

#[test]
fn envelopes_over_records_match_the_oracle() {
    let mut rng = RandomState::new(8);
    let history = random_history(&mut rng, 3000, true);
    for _ in 0..300 {
        let a = rng.below(3001);
        let b = rng.below(3001);
        let range = a.min(b)..a.max(b);
        let buckets = 1 + rng.below(500);
        let column = Column::ALL[rng.below(4)];
        let values = history.column(column);
        let got: Vec<_> = history.envelope(column, range.clone(), buckets).collect();
        let len = range.len();
        let want: Vec<_> = (0..buckets)
            .map(|k| {
                let records =
                    range.start + len * k / buckets..range.start + len * (k + 1) / buckets;
                min_max_of(values[records].iter().copied())
            })
            .collect();
        assert_eq!(got, want, "{range:?}, {buckets} buckets");
    }
}

#[test]
fn the_whole_run_in_one_bucket_is_its_min_and_max() {
    let mut rng = RandomState::new(9);
    let history = random_history(&mut rng, 10_000, false);
    let last = history.last_iteration().unwrap();
    let got: Vec<_> = history
        .envelope_over_iterations(Column::TrainCost, 0..=last, 1)
        .collect();
    assert_eq!(got, vec![min_max_of(history.train_cost().iter().copied())]);
}

#[test]
fn a_missing_test_set_has_empty_buckets() {
    let mut rng = RandomState::new(10);
    let history = random_history(&mut rng, 100, false);
    assert!(!history.has_test());
    let mut test = history.envelope_over_iterations(Column::TestCost, 0..=u64::MAX, 8);
    assert!(test.all(|b| b.is_none()));
}

#[test]
fn iterations_are_found_by_binary_search() {
    let mut rng = RandomState::new(11);
    let history = random_history(&mut rng, 500, false);
    let last = history.last_iteration().unwrap();
    for iteration in 0..last + 3 {
        let linear = history.iterations().iter().position(|&i| i >= iteration);
        assert_eq!(
            history.index_of_iteration(iteration),
            linear.unwrap_or(history.len())
        );
    }
}

#[test]
fn seeking_from_any_record_matches_a_linear_search() {
    let mut rng = RandomState::new(13);
    for n in [0, 1, 2, 3, 10, 120] {
        let history = random_history(&mut rng, n, false);
        let its = history.iterations();
        let last = history.last_iteration().unwrap_or(0);
        for from in 0..=n {
            for iteration in 0..last + 3 {
                let linear = (from..n).find(|&k| its[k] >= iteration).unwrap_or(n);
                assert_eq!(history.seek(from, u128::from(iteration)), linear);
            }
        }
    }
}

#[test]
fn records_read_back_as_pushed() {
    let mut rng = RandomState::new(12);
    let history = random_history(&mut rng, 50, true);
    let again = history.records().fold(History::default(), |mut h, r| {
        h.push(r);
        h
    });
    assert_eq!(again, history);
}
