//! One column of the history with a min/max pyramid over it, so that the smallest and largest
//! value of any range of rows costs O(log n), however long training has run. A chart asks for
//! one range per pixel column, and its cost then does not grow with the history.
//!
//! A row is usually one record. Thinning (thinning.rs) merges runs of old rows into one row,
//! which keeps the first record's exact value and the lows and highs of every record it now
//! stands for; the pyramid is built from those lows and highs, so a value that was once in a
//! range still counts in it after any amount of thinning. Merged rows are always the oldest,
//! so their lows and highs are kept only for a prefix of the rows.
//!
//! Level k of the pyramid holds the min and max of each complete block of `BASE · 2^k`
//! consecutive rows. Blocks start at `BASE` rows, not at 2, to keep the pyramid small
//! (about an eighth of the column's memory); the ragged ends of a range are read from the
//! rows themselves, at most `2 · (BASE − 1)` of them.
//!
//! Every vector grows by doubling but never past what `limit` rows need, so the memory a
//! budget allows is the memory held (`bytes_within`).

use std::ops::Range;

/// The rows per block at the bottom level of the pyramid.
const BASE: usize = 16;

/// The smallest and the largest finite value of a range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MinMax {
    pub min: f64,
    pub max: f64,
}

impl MinMax {
    /// Of no values: the identity of `merge`.
    pub(super) const EMPTY: Self = Self {
        min: f64::INFINITY,
        max: f64::NEG_INFINITY,
    };

    /// Non-finite values belong to no range: a chart has nowhere to put them.
    fn of(value: f64) -> Self {
        if value.is_finite() {
            Self {
                min: value,
                max: value,
            }
        } else {
            Self::EMPTY
        }
    }

    fn merge(self, other: Self) -> Self {
        Self {
            min: self.min.min(other.min),
            max: self.max.max(other.max),
        }
    }

    fn is_empty(self) -> bool {
        self.min > self.max
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    /// The exact value of each row's first record.
    values: Vec<f64>,
    /// The finite lows and highs of what rows `0..merged.len()` stand for.
    merged: Vec<MinMax>,
    /// `levels[k][i]` summarises rows `[i · BASE · 2^k, (i + 1) · BASE · 2^k)`.
    levels: Vec<Vec<MinMax>>,
}

impl Series {
    /// Memory held, at most, by a series of at most `limit` rows, in bytes.
    pub fn bytes_within(limit: usize) -> usize {
        let levels = level_count(limit);
        let blocks: usize = (0..levels).map(|k| level_limit(limit, k)).sum();
        limit * size_of::<f64>()
            + merged_limit(limit) * size_of::<MinMax>()
            + blocks * size_of::<MinMax>()
            + levels * size_of::<Vec<MinMax>>()
    }

    /// O(1) amortised: a block is summarised once, when it completes.
    pub fn push(&mut self, value: f64, limit: usize) {
        push_within(&mut self.values, value, limit);
        let n = self.values.len();
        if n % BASE == 0 {
            self.summarise_block(n, limit);
        }
    }

    /// Adds the bottom-level block of rows `end − BASE..end`, the next one, to the pyramid,
    /// and every block above that it completes.
    fn summarise_block(&mut self, end: usize, limit: usize) {
        let mut block = (end - BASE..end).fold(MinMax::EMPTY, |acc, i| acc.merge(self.row(i)));
        for k in 0.. {
            if self.levels.len() == k {
                push_within(&mut self.levels, Vec::new(), level_count(limit));
            }
            let level = &mut self.levels[k];
            push_within(level, block, level_limit(limit, k));
            let len = level.len();
            if len % 2 != 0 {
                break;
            }
            block = level[len - 2].merge(level[len - 1]);
        }
    }

    /// Merges each of `runs`, consecutive ranges of rows that together are `0..to`, into one
    /// row with the run's first value and the lows and highs of all its rows. O(n).
    pub fn merge_runs(
        &mut self,
        runs: impl Iterator<Item = Range<usize>>,
        to: usize,
        limit: usize,
    ) {
        debug_assert!(self.merged.len() <= to);
        let mut row = 0;
        // A run is read before it is overwritten: `row` never passes its start.
        for run in runs {
            let start = run.start;
            let span = run.fold(MinMax::EMPTY, |acc, i| acc.merge(self.row(i)));
            self.values[row] = self.values[start];
            if row < self.merged.len() {
                self.merged[row] = span;
            } else {
                push_within(&mut self.merged, span, merged_limit(limit));
            }
            row += 1;
        }
        self.merged.truncate(row);
        close_gap(&mut self.values, row, to);
        self.rebuild(limit);
    }

    /// Widens the lows and highs of row `row` by `span`, which makes it and every row before
    /// it merged rows. The pyramid is left as it was: `rebuild` it after the last widening.
    pub fn widen(&mut self, row: usize, span: MinMax, limit: usize) {
        while self.merged.len() <= row {
            let own = MinMax::of(self.values[self.merged.len()]);
            push_within(&mut self.merged, own, merged_limit(limit));
        }
        self.merged[row] = self.merged[row].merge(span);
    }

    /// The pyramid anew, in the memory it already holds: each complete block summarised as
    /// it would have been when pushed.
    pub fn rebuild(&mut self, limit: usize) {
        for level in &mut self.levels {
            level.clear();
        }
        for end in (BASE..=self.values.len()).step_by(BASE) {
            self.summarise_block(end, limit);
        }
    }

    /// Keeps the first `len` rows; the pyramid keeps exactly the blocks that still complete.
    pub fn truncate(&mut self, len: usize) {
        self.values.truncate(len);
        self.merged.truncate(len);
        for (k, level) in self.levels.iter_mut().enumerate() {
            level.truncate(len / (BASE << k));
        }
    }

    /// Memory held, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.values.capacity() * size_of::<f64>()
            + self.merged.capacity() * size_of::<MinMax>()
            + self.levels.capacity() * size_of::<Vec<MinMax>>()
            + self
                .levels
                .iter()
                .map(|l| l.capacity() * size_of::<MinMax>())
                .sum::<usize>()
    }

    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// Rows `0..merged_len()` were merged by thinning.
    pub fn merged_len(&self) -> usize {
        self.merged.len()
    }

    /// The lows and highs of what each merged row stands for; `None` for none finite.
    pub fn merged(&self) -> impl Iterator<Item = Option<MinMax>> + '_ {
        self.merged
            .iter()
            .map(|&span| (!span.is_empty()).then_some(span))
    }

    /// The finite lows and highs of what row `i` stands for.
    fn row(&self, i: usize) -> MinMax {
        match self.merged.get(i) {
            Some(&span) => span,
            None => MinMax::of(self.values[i]),
        }
    }

    /// The finite values that rows `range` (clipped to the series) stand for span this, if
    /// there are any.
    pub fn min_max(&self, range: Range<usize>) -> Option<MinMax> {
        let end = range.end.min(self.values.len());
        let start = range.start.min(end);
        // Whole bottom-level blocks cover [first_block, last_block) in rows.
        let first_block = start.next_multiple_of(BASE).min(end);
        let last_block = (end / BASE * BASE).max(first_block);
        let rows = |r: Range<usize>| r.fold(MinMax::EMPTY, |acc, i| acc.merge(self.row(i)));
        let found = rows(start..first_block)
            .merge(self.blocks(first_block / BASE, last_block / BASE))
            .merge(rows(last_block..end));
        (!found.is_empty()).then_some(found)
    }

    /// Bottom-level blocks `[from, to)`, as few and as large pyramid blocks as alignment
    /// allows: sizes rise, then fall, so at most two per level.
    fn blocks(&self, mut from: usize, to: usize) -> MinMax {
        let mut found = MinMax::EMPTY;
        while from < to {
            let aligned = (from.trailing_zeros() as usize).min(self.levels.len() - 1);
            let k = (0..=aligned)
                .rev()
                .find(|&k| from + (1 << k) <= to)
                .unwrap_or(0);
            found = found.merge(self.levels[k][from >> k]);
            from += 1 << k;
        }
        found
    }
}

/// Pushes onto `vec`, growing it by doubling as a `Vec` does, but never past `limit` items.
pub(super) fn push_within<T>(vec: &mut Vec<T>, item: T, limit: usize) {
    debug_assert!(vec.len() < limit, "{} items, limit {limit}", vec.len());
    if vec.len() == vec.capacity() {
        let capacity = (vec.capacity() * 2).max(4).min(limit).max(vec.len() + 1);
        vec.reserve_exact(capacity - vec.len());
    }
    vec.push(item);
}

/// Moves the items from `to` on down to `at`, dropping those in between.
pub(super) fn close_gap<T: Copy>(vec: &mut Vec<T>, at: usize, to: usize) {
    let len = vec.len();
    vec.copy_within(to..len, at);
    vec.truncate(at + (len - to));
}

/// Merged rows at most: thinning keeps them within 3/8 of the rows (thinning.rs).
pub(super) fn merged_limit(limit: usize) -> usize {
    3 * limit / 8 + 2
}

fn level_limit(limit: usize, k: usize) -> usize {
    (limit / BASE) >> k
}

fn level_count(limit: usize) -> usize {
    (0..usize::BITS as usize)
        .take_while(|&k| level_limit(limit, k) > 0)
        .count()
}

#[cfg(test)]
mod tests;
