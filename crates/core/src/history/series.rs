//! One column of the history with a min/max pyramid over it, so that the smallest and largest
//! value of any range costs O(log n), however long training has run. A chart asks for one
//! range per pixel column, and its cost then does not grow with the history.
//!
//! Level k of the pyramid holds the min and max of each complete block of `BASE · 2^k`
//! consecutive values. Blocks start at `BASE` values, not at 2, to keep the pyramid small
//! (about an eighth of the column's memory); the ragged ends of a range are read from the
//! values themselves, at most `2 · (BASE − 1)` of them.

/// The values per block at the bottom level of the pyramid.
const BASE: usize = 16;

/// The smallest and the largest finite value of a range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MinMax {
    pub min: f64,
    pub max: f64,
}

impl MinMax {
    /// Of no values: the identity of `merge`.
    const EMPTY: Self = Self {
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

    fn of_all(values: &[f64]) -> Self {
        values
            .iter()
            .fold(Self::EMPTY, |acc, &v| acc.merge(Self::of(v)))
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
    values: Vec<f64>,
    /// `levels[k][i]` summarises values `[i · BASE · 2^k, (i + 1) · BASE · 2^k)`.
    levels: Vec<Vec<MinMax>>,
}

impl Series {
    /// O(1) amortised: a block is summarised once, when it completes.
    pub fn push(&mut self, value: f64) {
        self.values.push(value);
        let n = self.values.len();
        if n % BASE != 0 {
            return;
        }
        let mut block = MinMax::of_all(&self.values[n - BASE..]);
        for k in 0.. {
            if self.levels.len() == k {
                self.levels.push(Vec::new());
            }
            let level = &mut self.levels[k];
            level.push(block);
            let len = level.len();
            if len % 2 != 0 {
                break;
            }
            block = level[len - 2].merge(level[len - 1]);
        }
    }

    /// Keeps the first `len` values; the pyramid keeps exactly the blocks that still complete.
    pub fn truncate(&mut self, len: usize) {
        self.values.truncate(len);
        for (k, level) in self.levels.iter_mut().enumerate() {
            level.truncate(len / (BASE << k));
        }
    }

    /// Memory held, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.values.capacity() * size_of::<f64>()
            + self
                .levels
                .iter()
                .map(|l| l.capacity() * size_of::<MinMax>() + size_of::<Vec<MinMax>>())
                .sum::<usize>()
    }

    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// The finite values of `range` (clipped to the series) span this, if there are any.
    pub fn min_max(&self, range: std::ops::Range<usize>) -> Option<MinMax> {
        let end = range.end.min(self.values.len());
        let start = range.start.min(end);
        // Whole bottom-level blocks cover [first_block, last_block) in values.
        let first_block = start.next_multiple_of(BASE).min(end);
        let last_block = (end / BASE * BASE).max(first_block);
        let found = MinMax::of_all(&self.values[start..first_block])
            .merge(self.blocks(first_block / BASE, last_block / BASE))
            .merge(MinMax::of_all(&self.values[last_block..end]));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::RandomState;

    /// The oracle: every value of the range, looked at one by one.
    fn brute_force(values: &[f64], range: std::ops::Range<usize>) -> Option<MinMax> {
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
            series.push(v);
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
            series.push(v);
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
                series.push(v);
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
}
