//! What training has measured so far, one record per evaluated iteration, stored column by
//! column so that a chart can read a column without copying, and summarised as it grows so
//! that a chart of the whole run costs O(width · log n), not O(n).
//!
//! Memory is bounded: when the rows would outgrow the budget, old rows are merged (see
//! thinning.rs), so that a long run keeps coarse old rows and every recent record.

mod merged;
mod series;
mod thinning;

pub use merged::MergedSpans;
pub use series::MinMax;
use series::{push_within, Series};
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

/// Rows in order of iteration, each iteration at most once, which makes finding an
/// iteration a binary search. A row is the exact record of its iteration; a row merged by
/// thinning (the first `merged_rows()`) also stands for the records up to the next row's
/// iteration, which only its lows and highs, read by the envelopes, still hold.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    iterations: Vec<u64>,
    train_cost: Series,
    train_score: Series,
    /// Empty when there is no test set.
    test_cost: Series,
    test_score: Series,
    /// Bytes the rows may hold.
    budget: usize,
    /// Rows at most, from the budget and the number of columns; 0 until the first push.
    limit: usize,
    /// Iterations per block in which thinning merges old rows (thinning.rs).
    block: u64,
}

impl Default for History {
    fn default() -> Self {
        Self::with_budget(Self::BUDGET)
    }
}

impl History {
    /// O(1) amortised, thinning included.
    pub fn push(&mut self, record: Record) {
        debug_assert!(
            self.last_iteration() < Some(record.iteration),
            "records must arrive in order of iteration"
        );
        if self.is_empty() {
            self.limit = self.row_limit(record.test.is_some());
        }
        if self.len() >= self.limit {
            self.thin();
        }
        let limit = self.limit;
        push_within(&mut self.iterations, record.iteration, limit);
        self.train_cost.push(record.train.cost, limit);
        self.train_score.push(record.train.score, limit);
        if let Some(test) = record.test {
            self.test_cost.push(test.cost, limit);
            self.test_score.push(test.score, limit);
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

    /// Row `i`: the exact record of its iteration.
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

    /// Every row, as the exact record of its iteration.
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

    fn series_mut(&mut self, column: Column) -> &mut Series {
        match column {
            Column::TrainCost => &mut self.train_cost,
            Column::TrainScore => &mut self.train_score,
            Column::TestCost => &mut self.test_cost,
            Column::TestScore => &mut self.test_score,
        }
    }

    /// The index of the first row at or after `iteration`, or `len()` if there is none; it
    /// is the record of `iteration` only if its iteration is that one.
    pub fn index_of_iteration(&self, iteration: u64) -> usize {
        self.iterations.partition_point(|&i| i < iteration)
    }

    /// The finite values of `column` in rows `range` (with all that merged rows stand for),
    /// in `buckets` consecutive runs of rows as equal as can be; `None` for a run without
    /// any. O(buckets · log n).
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
    /// bucket b what falls in column b, even where records are spaced unevenly. A merged row
    /// counts in every bucket its iterations reach, so a value stays in the envelope of its
    /// iteration however much the history was thinned. O(buckets · log n).
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
            if start > end {
                return None;
            }
            let (first, next) = (first_iteration(b), first_iteration(b + 1));
            let to = self.seek(from, next);
            // A bucket narrower than one iteration holds none.
            let rows = if first < next {
                self.reaching_back(from, first)..to
            } else {
                from..to
            };
            from = to;
            series.min_max(rows)
        })
    }

    /// `from`, or the row before it if that is a merged row whose iterations reach
    /// `iteration`: it stands for records up to the next row's iteration.
    fn reaching_back(&self, from: usize, iteration: u128) -> usize {
        let its = &self.iterations;
        let reaches = from > 0
            && from <= self.merged_rows()
            && its
                .get(from)
                .is_some_and(|&next| u128::from(next) > iteration);
        from - usize::from(reaches)
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

    /// Memory held, in bytes: at most the budget.
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

    /// Forgets every row; the budget stays.
    pub fn clear(&mut self) {
        *self = Self::with_budget(self.budget);
    }

    /// Keeps the first `len` rows. A merged row that stays still carries the lows and highs
    /// of every record it stood for, later ones included: an envelope never misses a value
    /// that is kept, at the price of perhaps showing one that is not.
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
mod tests;
