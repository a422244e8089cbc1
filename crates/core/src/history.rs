//! What training has measured so far, one record per evaluated iteration, stored column by
//! column so that a chart can read a column without copying, and summarised as it grows so
//! that a chart of the whole run costs O(width · log n), not O(n).

mod series;

pub use series::MinMax;
use series::Series;
use std::ops::{Range, RangeInclusive};

/// The cost (mean loss plus penalty) and the score (accuracy, or RMSE for regression) of
/// one data set at one iteration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub cost: f64,
    pub score: f64,
}

/// One row: the metrics of the parameters after `iteration` updates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Record {
    pub iteration: u64,
    pub train: Metrics,
    pub test: Option<Metrics>,
}

/// A column of numbers in the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    TrainCost,
    TrainScore,
    TestCost,
    TestScore,
}

impl Column {
    pub const ALL: [Column; 4] = [
        Column::TrainCost,
        Column::TrainScore,
        Column::TestCost,
        Column::TestScore,
    ];
}

/// Records in order of iteration, each iteration at most once, which makes finding an
/// iteration a binary search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    iterations: Vec<u64>,
    train_cost: Series,
    train_score: Series,
    /// Empty when there is no test set.
    test_cost: Series,
    test_score: Series,
}

impl History {
    pub fn push(&mut self, record: Record) {
        debug_assert!(
            self.last_iteration() < Some(record.iteration),
            "records must arrive in order of iteration"
        );
        self.iterations.push(record.iteration);
        self.train_cost.push(record.train.cost);
        self.train_score.push(record.train.score);
        if let Some(test) = record.test {
            self.test_cost.push(test.cost);
            self.test_score.push(test.score);
        }
    }

    pub fn len(&self) -> usize {
        self.iterations.len()
    }

    pub fn is_empty(&self) -> bool {
        self.iterations.is_empty()
    }

    pub fn last_iteration(&self) -> Option<u64> {
        self.iterations.last().copied()
    }

    pub fn get(&self, i: usize) -> Option<Record> {
        let iteration = *self.iterations.get(i)?;
        let test = match (self.test_cost().get(i), self.test_score().get(i)) {
            (Some(&cost), Some(&score)) => Some(Metrics { cost, score }),
            _ => None,
        };
        Some(Record {
            iteration,
            train: Metrics {
                cost: self.train_cost()[i],
                score: self.train_score()[i],
            },
            test,
        })
    }

    pub fn last(&self) -> Option<Record> {
        self.get(self.len().checked_sub(1)?)
    }

    pub fn records(&self) -> impl Iterator<Item = Record> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    pub fn iterations(&self) -> &[u64] {
        &self.iterations
    }

    pub fn train_cost(&self) -> &[f64] {
        self.train_cost.values()
    }

    pub fn train_score(&self) -> &[f64] {
        self.train_score.values()
    }

    pub fn test_cost(&self) -> &[f64] {
        self.test_cost.values()
    }

    pub fn test_score(&self) -> &[f64] {
        self.test_score.values()
    }

    pub fn has_test(&self) -> bool {
        !self.test_cost.values().is_empty()
    }

    pub fn column(&self, column: Column) -> &[f64] {
        self.series(column).values()
    }

    fn series(&self, column: Column) -> &Series {
        match column {
            Column::TrainCost => &self.train_cost,
            Column::TrainScore => &self.train_score,
            Column::TestCost => &self.test_cost,
            Column::TestScore => &self.test_score,
        }
    }

    /// The index of the first record at or after `iteration`, or `len()` if there is none.
    pub fn index_of_iteration(&self, iteration: u64) -> usize {
        self.iterations.partition_point(|&i| i < iteration)
    }

    /// The finite values of `column` in records `range`, in `buckets` consecutive runs of
    /// records as equal as can be; `None` for a run without any. O(buckets · log n).
    pub fn envelope(
        &self,
        column: Column,
        range: Range<usize>,
        buckets: usize,
    ) -> impl Iterator<Item = Option<MinMax>> + '_ {
        let series = self.series(column);
        let (start, len) = (range.start, range.end.saturating_sub(range.start));
        let boundary = move |b: usize| start + (len as u128 * b as u128 / buckets as u128) as usize;
        (0..buckets).map(move |b| series.min_max(boundary(b)..boundary(b + 1)))
    }

    /// The finite values of `column` over `iterations`, cut into `buckets` equal spans of
    /// iteration: bucket b holds the records whose iteration i has
    /// ⌊(i − start) · buckets / (end − start)⌋ = b, the last bucket also holding `end`. So a
    /// chart whose x axis runs from `start` to `end` over `buckets` pixel columns finds in
    /// bucket b what falls in column b, even where records are spaced unevenly.
    /// O(buckets · log n).
    pub fn envelope_over_iterations(
        &self,
        column: Column,
        iterations: RangeInclusive<u64>,
        buckets: usize,
    ) -> impl Iterator<Item = Option<MinMax>> + '_ {
        let series = self.series(column);
        let (start, end) = (*iterations.start(), *iterations.end());
        let span = u128::from(end.saturating_sub(start));
        // The first iteration of bucket b: start + ⌈b · span / buckets⌉.
        let first_iteration = move |b: usize| -> u128 {
            if b == buckets {
                u128::from(end) + 1
            } else {
                u128::from(start) + (b as u128 * span).div_ceil(buckets as u128)
            }
        };
        let mut from = self.seek(0, u128::from(start));
        (0..buckets).map(move |b| {
            let to = if start <= end {
                self.seek(from, first_iteration(b + 1))
            } else {
                from
            };
            let found = series.min_max(from..to);
            from = to;
            found
        })
    }

    /// The first record from `from` on whose iteration is at least `iteration`. Records are
    /// mostly evenly spaced, so the search starts where the spacing from `from` to the end
    /// puts the answer and widens from there in doubling steps: a few reads, all near each
    /// other, for even spacing, and O(log n) at worst.
    fn seek(&self, from: usize, iteration: u128) -> usize {
        let its = &self.iterations;
        let before = |k: usize| u128::from(its[k]) < iteration;
        let n = its.len();
        if from == n || !before(from) {
            return from;
        }
        if before(n - 1) {
            return n;
        }
        // Now its[from] < iteration ≤ its[n − 1]: the answer is in (from, n − 1].
        let (first, last) = (u128::from(its[from]), u128::from(its[n - 1]));
        let ahead = (iteration - first) * (n - 1 - from) as u128 / (last - first);
        let guess = from + (ahead as usize).clamp(1, n - 1 - from);
        // Close in on lo < answer ≤ hi, with its[lo] < iteration ≤ its[hi].
        let (mut lo, mut hi);
        let mut step = 1;
        if before(guess) {
            lo = guess;
            loop {
                let k = (guess + step).min(n - 1);
                if !before(k) {
                    hi = k;
                    break;
                }
                lo = k;
                step *= 2;
            }
        } else {
            hi = guess;
            loop {
                let k = guess.saturating_sub(step).max(from);
                if before(k) {
                    lo = k;
                    break;
                }
                hi = k;
                step *= 2;
            }
        }
        lo + 1 + its[lo + 1..hi].partition_point(|&i| u128::from(i) < iteration)
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Keeps the first `len` records.
    /// Memory held, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.iterations.capacity() * size_of::<u64>()
            + [
                &self.train_cost,
                &self.train_score,
                &self.test_cost,
                &self.test_score,
            ]
            .iter()
            .map(|s| s.heap_bytes())
            .sum::<usize>()
    }

    pub fn truncate(&mut self, len: usize) {
        self.iterations.truncate(len);
        for series in [
            &mut self.train_cost,
            &mut self.train_score,
            &mut self.test_cost,
            &mut self.test_score,
        ] {
            series.truncate(len);
        }
    }
}

#[cfg(test)]
mod tests {
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
}
