//! The series against brute-force oracles: ranges of pushed, truncated and merged rows.

use super::*;
use crate::rng::RandomState;

const LIMIT: usize = 1 << 20;

/// The oracle: every value of the range, looked at one by one.
fn brute_force(values: &[f64], range: Range<usize>) -> Option<MinMax> {
    let finite: Vec<f64> = values[range]
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .collect();
    let min = finite.iter().copied().reduce(f64::min)?;
    let max = finite.iter().copied().reduce(f64::max)?;
    Some(MinMax { min, max })
}

fn random_values(rng: &mut RandomState, n: usize) -> Vec<f64> {
    (0..n)
        .map(|_| match rng.below(50) {
            0 => f64::NAN,
            1 => f64::INFINITY,
            2 => f64::NEG_INFINITY,
            _ => rng.normal(0.0, 10.0),
        })
        .collect()
}

fn series_of(values: &[f64]) -> Series {
    let mut series = Series::default();
    for &v in values {
        series.push(v, LIMIT);
    }
    series
}

#[test]
fn every_range_of_short_series_matches_the_oracle() {
    let mut rng = RandomState::new(1);
    for n in [0, 1, 2, 15, 16, 17, 31, 32, 33, 64, 100, 130] {
        let values = random_values(&mut rng, n);
        let series = series_of(&values);
        for start in 0..=n {
            for end in start..=n {
                assert_eq!(
                    series.min_max(start..end),
                    brute_force(&values, start..end),
                    "n = {n}, range {start}..{end}"
                );
            }
        }
    }
}

#[test]
fn random_ranges_of_a_growing_series_match_the_oracle() {
    let mut rng = RandomState::new(2);
    let values = random_values(&mut rng, 20_000);
    let mut series = Series::default();
    for (i, &v) in values.iter().enumerate() {
        series.push(v, LIMIT);
        let n = i + 1;
        if n % 1999 != 0 && n < 19_990 {
            continue;
        }
        for _ in 0..200 {
            let a = rng.below(n + 1);
            let b = rng.below(n + 1);
            let range = a.min(b)..a.max(b);
            assert_eq!(
                series.min_max(range.clone()),
                brute_force(&values[..n], range.clone()),
                "n = {n}, range {range:?}"
            );
        }
    }
}

#[test]
fn ranges_past_the_end_are_clipped() {
    let series = series_of(&[3.0, 1.0, 2.0]);
    let all = Some(MinMax { min: 1.0, max: 3.0 });
    assert_eq!(series.min_max(0..100), all);
    assert_eq!(series.min_max(5..9), None);
    let (from, to) = (2, 1);
    assert_eq!(series.min_max(from..to), None);
}

#[test]
fn a_range_without_finite_values_is_none() {
    let series = series_of(&[f64::NAN; 40]);
    assert_eq!(series.min_max(0..40), None);
}

#[test]
fn the_pyramid_stays_small() {
    let series = series_of(&vec![1.0; 100_000]);
    let blocks: usize = series.levels.iter().map(Vec::len).sum();
    assert!(blocks < 100_000 / BASE * 2, "{blocks} blocks");
}

#[test]
fn truncating_and_growing_again_matches_the_oracle() {
    let mut rng = RandomState::new(77);
    let mut series = Series::default();
    let mut values = Vec::new();
    for round in 0..30 {
        for _ in 0..rng.below(300) {
            let v = rng.randn();
            series.push(v, LIMIT);
            values.push(v);
        }
        let keep = rng.below(values.len() + 1);
        series.truncate(keep);
        values.truncate(keep);
        for _ in 0..40 {
            let a = rng.below(values.len() + 1);
            let b = a + rng.below(values.len() + 1 - a);
            assert_eq!(
                series.min_max(a..b),
                brute_force(&values, a..b),
                "round {round}: {a}..{b}"
            );
        }
    }
}

/// Rows as lists of the values each stands for, merged the same way: the oracle of
/// `merge_runs`.
fn merge_runs_of(rows: &mut Vec<Vec<f64>>, runs: &[Range<usize>]) {
    let merged: Vec<Vec<f64>> = runs.iter().map(|r| rows[r.clone()].concat()).collect();
    let to = runs.last().map_or(0, |r| r.end);
    rows.splice(0..to, merged);
}

/// Runs of 1 to 5 rows that together are `0..to`.
fn random_runs(rng: &mut RandomState, to: usize) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    while runs.last().map_or(0, |r: &Range<usize>| r.end) < to {
        let start = runs.last().map_or(0, |r: &Range<usize>| r.end);
        runs.push(start..(start + 1 + rng.below(5)).min(to));
    }
    runs
}

#[test]
fn merged_rows_keep_their_first_value_and_the_extremes_of_all_they_stand_for() {
    let mut rng = RandomState::new(5);
    let mut series = Series::default();
    let mut rows: Vec<Vec<f64>> = Vec::new();
    for round in 0..200 {
        for _ in 0..rng.below(120) {
            let v = random_values(&mut rng, 1)[0];
            series.push(v, LIMIT);
            rows.push(vec![v]);
        }
        if rng.below(4) == 0 {
            let keep = rng.below(rows.len() + 1);
            series.truncate(keep);
            rows.truncate(keep);
        } else {
            // Merged rows merge again, as when thinning doubles its blocks.
            let from = series.merged_len();
            let to = from + rng.below(rows.len() - from + 1);
            let runs = random_runs(&mut rng, to);
            series.merge_runs(runs.iter().cloned(), to, LIMIT);
            merge_runs_of(&mut rows, &runs);
        }
        let firsts: Vec<u64> = rows.iter().map(|r| r[0].to_bits()).collect();
        let values: Vec<u64> = series.values().iter().map(|v| v.to_bits()).collect();
        assert_eq!(values, firsts, "round {round}");
        for _ in 0..30 {
            let a = rng.below(rows.len() + 1);
            let b = a + rng.below(rows.len() + 1 - a);
            let all = rows[a..b].concat();
            assert_eq!(
                series.min_max(a..b),
                brute_force(&all, 0..all.len()),
                "round {round}: {a}..{b}"
            );
        }
    }
}

#[test]
fn memory_stays_within_what_the_limit_allows() {
    let limit = 1000;
    let mut series = Series::default();
    let mut rng = RandomState::new(6);
    for _ in 0..limit {
        series.push(rng.randn(), limit);
        assert!(series.heap_bytes() <= Series::bytes_within(limit));
    }
    series.merge_runs((0..300).map(|r| 2 * r..2 * r + 2), 600, limit);
    assert_eq!(series.values().len(), 700);
    assert!(series.heap_bytes() <= Series::bytes_within(limit));
}
