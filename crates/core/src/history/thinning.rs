//! The history's memory bound. While the rows fit the budget, every record is a row. When a
//! push would outgrow it, the rows older than the newest half are merged by block of
//! iterations (a block is `block` iterations long and starts at a multiple of it): each
//! merged row keeps its first record exactly and the lows and highs of all it stands for
//! (series.rs). While the merged rows would fill more than 3/8 of the rows, blocks double.
//! So old rows are evenly coarse along the iteration axis a chart draws, recent ones are
//! every record, and a value once recorded stays in the envelope of its iteration.
//!
//! A thinning costs O(n) per pass and frees at least an eighth of the rows; blocks double at
//! most 64 times in a run, so a push costs O(1) amortised.

use super::series::{close_gap, Series};
use super::History;
use std::ops::Range;

impl History {
    /// The default memory for the rows, in bytes: over 200,000 rows with a test set.
    pub const BUDGET: usize = 16 << 20;
    /// The smallest budget: room for about a hundred rows.
    pub const MIN_BUDGET: usize = 8 << 10;

    /// An empty history that holds at most `budget` bytes (`MIN_BUDGET` if less).
    pub fn with_budget(budget: usize) -> Self {
        Self {
            iterations: Vec::new(),
            train_cost: Series::default(),
            train_score: Series::default(),
            test_cost: Series::default(),
            test_score: Series::default(),
            budget: budget.max(Self::MIN_BUDGET),
            limit: 0,
            block: 2,
        }
    }

    /// The most memory the history holds, in bytes.
    pub fn budget(&self) -> usize {
        self.budget
    }

    /// Rows `0..merged_rows()` were merged by thinning: each is the exact record of its
    /// iteration and stands for the records up to the next row's iteration.
    pub fn merged_rows(&self) -> usize {
        self.train_cost.merged_len()
    }

    /// The most rows the budget holds.
    pub(super) fn row_limit(&self, has_test: bool) -> usize {
        let columns = if has_test { 4 } else { 2 };
        let bytes = |rows: usize| rows * size_of::<u64>() + columns * Series::bytes_within(rows);
        // Bytes grow with rows, and `hi` rows never fit: the largest that does, by bisection.
        let (mut lo, mut hi) = (0, self.budget / size_of::<u64>() + 1);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if bytes(mid) <= self.budget {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Makes room for at least an eighth of the rows.
    pub(super) fn thin(&mut self) {
        let old = self.len() - self.limit / 2;
        while block_runs(&self.iterations, old, self.block).count() > 3 * self.limit / 8 {
            self.block = self.block.saturating_mul(2);
        }
        self.merge_blocks(old);
    }

    /// Merges the rows of `0..to` that fall in the same block, in every column.
    fn merge_blocks(&mut self, to: usize) {
        let (block, limit) = (self.block, self.limit);
        let its = &self.iterations;
        for series in [
            &mut self.train_cost,
            &mut self.train_score,
            &mut self.test_cost,
            &mut self.test_score,
        ] {
            if !series.values().is_empty() {
                series.merge_runs(block_runs(its, to, block), to, limit);
            }
        }
        // In place, as the series did: a run is read before it is overwritten.
        let (mut row, mut start) = (0, 0);
        while start < to {
            self.iterations[row] = self.iterations[start];
            start += run_length(&self.iterations[start..to], block);
            row += 1;
        }
        close_gap(&mut self.iterations, row, to);
    }
}

/// The runs of rows in `0..to` whose iterations fall in the same block.
fn block_runs(its: &[u64], to: usize, block: u64) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        let run = start..start + run_length(its.get(start..to)?, block);
        start = run.end;
        (!run.is_empty()).then_some(run)
    })
}

/// The rows at the start of `its` in the first one's block, found in O(log length) so that
/// all the runs of n rows cost O(n).
fn run_length(its: &[u64], block: u64) -> usize {
    let Some(&first) = its.first() else {
        return 0;
    };
    let within = |i: u64| i / block == first / block;
    let mut end = 1;
    while end < its.len() && within(its[end]) {
        end *= 2;
    }
    let from = end / 2;
    from + its[from..end.min(its.len())].partition_point(|&i| within(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{Column, Metrics, MinMax, Record};
    use crate::rng::RandomState;

    /// Records at uneven, increasing iterations, with values in [0, 1].
    fn records(rng: &mut RandomState, n: usize, with_test: bool) -> Vec<Record> {
        let mut iteration = 0;
        let mut all = Vec::with_capacity(n);
        for _ in 0..n {
            let mut metrics = || Metrics {
                cost: rng.uniform(),
                score: rng.uniform(),
            };
            let train = metrics();
            let test = with_test.then(&mut metrics);
            all.push(Record {
                iteration,
                train,
                test,
            });
            let gap = if rng.below(20) == 0 { 30 } else { 2 };
            iteration += 1 + rng.below(gap) as u64;
        }
        all
    }

    fn value(record: &Record, column: Column) -> Option<f64> {
        match column {
            Column::TrainCost => Some(record.train.cost),
            Column::TrainScore => Some(record.train.score),
            Column::TestCost => record.test.map(|t| t.cost),
            Column::TestScore => record.test.map(|t| t.score),
        }
    }

    /// The oracle: the extremes of every value ever pushed at iterations `span`.
    fn extremes(pushed: &[Record], column: Column, span: (u64, u64)) -> Option<MinMax> {
        let values = pushed
            .iter()
            .filter(|r| span.0 <= r.iteration && r.iteration <= span.1)
            .filter_map(|r| value(r, column));
        values.fold(None, |acc: Option<MinMax>, v| {
            let m = acc.unwrap_or(MinMax { min: v, max: v });
            Some(MinMax {
                min: m.min.min(v),
                max: m.max.max(v),
            })
        })
    }

    /// The iterations of bucket b, by `envelope_over_iterations`' definition; `None` for a
    /// bucket narrower than one iteration.
    fn bucket_span(start: u64, end: u64, buckets: usize, b: usize) -> Option<(u64, u64)> {
        let first = |b: usize| {
            let span = u128::from(end - start);
            start + (b as u128 * span).div_ceil(buckets as u128) as u64
        };
        let last = if b + 1 == buckets {
            end
        } else {
            first(b + 1).checked_sub(1)?
        };
        (first(b) <= last).then_some((first(b), last))
    }

    /// Checks every row, and envelopes of random spans, against all records pushed so far.
    fn check(history: &History, pushed: &[Record], rng: &mut RandomState) {
        assert!(history.heap_bytes() <= history.budget());
        // Every row is the exact record of its iteration.
        for row in history.records() {
            let at = pushed.partition_point(|r| r.iteration < row.iteration);
            assert_eq!(pushed[at], row);
        }
        // The rows after the merged ones are the latest records, every one of them.
        let recent = history.len() - history.merged_rows();
        let latest: Vec<Record> = history.records().skip(history.merged_rows()).collect();
        assert_eq!(latest, pushed[pushed.len() - recent..]);
        // How far a merged row's records reach beyond its own iteration.
        let its = history.iterations();
        let reach = (0..history.merged_rows())
            .map(|k| its.get(k + 1).map_or(0, |next| next - its[k]))
            .max()
            .unwrap_or(0);
        let last = pushed.last().unwrap().iteration;
        for _ in 0..20 {
            let a = rng.below(last as usize + 1) as u64;
            let b = rng.below(last as usize + 1) as u64;
            let (start, end) = (a.min(b), a.max(b));
            let buckets = 1 + rng.below(300);
            for column in Column::ALL {
                let envelope = history.envelope_over_iterations(column, start..=end, buckets);
                for (b, found) in envelope.enumerate() {
                    let Some(span) = bucket_span(start, end, buckets, b) else {
                        assert_eq!(found, None);
                        continue;
                    };
                    let near = (span.0.saturating_sub(reach), span.1 + reach);
                    // Every value of the bucket, and only values from near it.
                    if let Some(want) = extremes(pushed, column, span) {
                        let got = found.expect("a bucket with records has an envelope");
                        assert!(got.min <= want.min && got.max >= want.max, "{span:?}");
                    }
                    if let Some(got) = found {
                        let near = extremes(pushed, column, near).unwrap();
                        assert!(near.min <= got.min && got.max <= near.max, "{span:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_long_history_stays_within_its_budget_and_its_envelopes_keep_every_value() {
        let mut rng = RandomState::new(21);
        for (budget, with_test) in [(History::MIN_BUDGET, true), (40 << 10, false)] {
            let pushed = records(&mut rng, 60_000, with_test);
            let mut history = History::with_budget(budget);
            for (n, &record) in pushed.iter().enumerate() {
                history.push(record);
                assert!(history.heap_bytes() <= budget, "{n} records");
                if n % 7919 == 0 || n + 1 == pushed.len() {
                    check(&history, &pushed[..=n], &mut rng);
                }
            }
            assert!(history.merged_rows() > 0, "the history was thinned");
            assert!(history.len() - history.merged_rows() >= history.limit / 2);
        }
    }

    #[test]
    fn a_spike_stays_the_top_of_its_bucket_after_any_thinning() {
        let mut rng = RandomState::new(22);
        let mut pushed = records(&mut rng, 100_000, true);
        // An early record, so that thinning merges it again and again.
        pushed[1234].train.cost = 1e6;
        let spike = pushed[1234].iteration;
        let mut history = History::with_budget(History::MIN_BUDGET);
        for &record in &pushed {
            history.push(record);
        }
        let at = history.index_of_iteration(spike);
        assert_ne!(
            history.iterations()[at],
            spike,
            "the spike's own row is gone"
        );
        let last = history.last_iteration().unwrap();
        for _ in 0..200 {
            let start = rng.below(spike as usize + 1) as u64;
            let end = spike + rng.below((last - spike) as usize + 1) as u64;
            let buckets = 1 + rng.below(2000);
            let envelope: Vec<_> = history
                .envelope_over_iterations(Column::TrainCost, start..=end, buckets)
                .collect();
            let b = (0..buckets)
                .find(|&b| bucket_span(start, end, buckets, b).is_some_and(|s| s.1 >= spike))
                .unwrap();
            assert_eq!(envelope[b].unwrap().max, 1e6, "{start}..={end}, {buckets}");
        }
        let whole: Vec<_> = history
            .envelope(Column::TrainCost, 0..history.len(), 1)
            .collect();
        assert_eq!(whole[0].unwrap().max, 1e6);
    }
}
