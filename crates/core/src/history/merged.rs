//! The merged rows' lows and highs out of a history and back in, so that a run file keeps
//! the chart's envelopes of a thinned history: a spike merged away stays visible after the
//! run is saved and opened again.

use super::series::{merged_limit, MinMax};
use super::{Column, History};

/// Of one merged row: the lows and highs of what it stands for in each column, in
/// `Column::ALL`'s order; `None` where there is no finite value or no such column.
pub type MergedSpans = [Option<MinMax>; 4];

impl History {
    /// The first `merged_rows()` rows' iterations and spans.
    pub fn merged_spans(&self) -> impl Iterator<Item = (u64, MergedSpans)> + '_ {
        let mut columns = Column::ALL.map(|column| self.series(column).merged());
        self.iterations[..self.merged_rows()]
            .iter()
            .map(move |&iteration| {
                let spans = columns.each_mut().map(|column| column.next().flatten());
                (iteration, spans)
            })
    }

    /// Reads back what `merged_spans` gave: each widens the lows and highs of the row that
    /// now holds its iteration (the row itself, or the one it was merged into), and the rows
    /// up to it become merged rows. Refused, with the most allowed, when that would be more
    /// merged rows than thinning ever keeps.
    pub fn widen_merged(
        &mut self,
        spans: impl IntoIterator<Item = (u64, MergedSpans)>,
    ) -> Result<(), usize> {
        let most = merged_limit(self.limit);
        let has_test = self.has_test();
        for (iteration, spans) in spans {
            let row = self.index_of_iteration(iteration.saturating_add(1));
            if row == 0 {
                continue;
            }
            if row > most {
                return Err(most);
            }
            for (column, span) in Column::ALL.into_iter().zip(spans) {
                let test = matches!(column, Column::TestCost | Column::TestScore);
                if test && !has_test {
                    continue;
                }
                let span = span.unwrap_or(MinMax::EMPTY);
                let limit = self.limit;
                self.series_mut(column).widen(row - 1, span, limit);
            }
        }
        let limit = self.limit;
        for column in Column::ALL {
            self.series_mut(column).rebuild(limit);
        }
        Ok(())
    }
}
