//! The history in a run file: one array per column, a row per evaluated iteration, and for
//! a history thinned to fit its memory, the lows and highs of its first rows (`merged`),
//! each of which stands for every record up to the next row's iteration.

use crate::history::{History, MergedSpans, Metrics, MinMax, Record};
use crate::output::Task;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HistoryFile {
    pub iterations: Vec<u64>,
    pub train_cost: Vec<f64>,
    pub train_score: Vec<f64>,
    #[serde(default)]
    pub test_cost: Vec<f64>,
    #[serde(default)]
    pub test_score: Vec<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged: Option<MergedFile>,
}

/// `[low, high]` of each merged row, column by column; `null` for a row without a finite
/// value. The test columns are empty without a test set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MergedFile {
    pub train_cost: Vec<Option<[f64; 2]>>,
    pub train_score: Vec<Option<[f64; 2]>>,
    #[serde(default)]
    pub test_cost: Vec<Option<[f64; 2]>>,
    #[serde(default)]
    pub test_score: Vec<Option<[f64; 2]>>,
}

impl HistoryFile {
    pub fn of(h: &History) -> Self {
        let merged = (h.merged_rows() > 0).then(|| {
            let mut file = MergedFile {
                train_cost: Vec::new(),
                train_score: Vec::new(),
                test_cost: Vec::new(),
                test_score: Vec::new(),
            };
            let pair = |span: Option<MinMax>| span.map(|s| [s.min, s.max]);
            for (_, [train_cost, train_score, test_cost, test_score]) in h.merged_spans() {
                file.train_cost.push(pair(train_cost));
                file.train_score.push(pair(train_score));
                if h.has_test() {
                    file.test_cost.push(pair(test_cost));
                    file.test_score.push(pair(test_score));
                }
            }
            file
        });
        Self {
            iterations: h.iterations().to_vec(),
            train_cost: h.train_cost().to_vec(),
            train_score: h.train_score().to_vec(),
            test_cost: h.test_cost().to_vec(),
            test_score: h.test_score().to_vec(),
            merged,
        }
    }

    /// The history this file holds, for a state at iteration `last` of a run of `task`; or
    /// a message naming the field that is wrong.
    pub fn restore(&self, last: u64, task: Task) -> Result<History, String> {
        let n = self.iterations.len();
        let has_test = !self.test_cost.is_empty();
        let tests = if has_test { n } else { 0 };
        for (name, len, want) in [
            ("trainCost", self.train_cost.len(), n),
            ("trainScore", self.train_score.len(), n),
            ("testCost", self.test_cost.len(), tests),
            ("testScore", self.test_score.len(), tests),
        ] {
            if len != want {
                return Err(format!("history.{name}: {len} values for {n} iterations"));
            }
        }
        for (name, column) in [
            ("trainCost", &self.train_cost),
            ("trainScore", &self.train_score),
            ("testCost", &self.test_cost),
            ("testScore", &self.test_score),
        ] {
            for (i, &value) in column.iter().enumerate() {
                if let Some(why) = out_of_range(name, value, task) {
                    return Err(format!("history.{name}[{i}]: {why}"));
                }
            }
        }
        let mut history = History::default();
        for i in 0..n {
            let iteration = self.iterations[i];
            if i > 0 && iteration <= self.iterations[i - 1] || iteration > last {
                return Err(format!(
                    "history.iterations[{i}]: {iteration} is out of order or past the state's iteration {last}"
                ));
            }
            let test = has_test.then(|| Metrics {
                cost: self.test_cost[i],
                score: self.test_score[i],
            });
            history.push(Record {
                iteration,
                train: Metrics {
                    cost: self.train_cost[i],
                    score: self.train_score[i],
                },
                test,
            });
        }
        if let Some(merged) = &self.merged {
            let spans = merged.spans(&self.iterations, has_test, task)?;
            history.widen_merged(spans).map_err(|most| {
                format!("history.merged: more than the {most} merged rows a history keeps")
            })?;
        }
        Ok(history)
    }
}

impl MergedFile {
    /// Each merged row's iteration and spans, checked.
    fn spans(
        &self,
        iterations: &[u64],
        has_test: bool,
        task: Task,
    ) -> Result<Vec<(u64, MergedSpans)>, String> {
        let rows = self.train_cost.len();
        let tests = if has_test { rows } else { 0 };
        for (name, len, want) in [
            ("trainScore", self.train_score.len(), rows),
            ("testCost", self.test_cost.len(), tests),
            ("testScore", self.test_score.len(), tests),
        ] {
            if len != want {
                return Err(format!(
                    "history.merged.{name}: {len} ranges for {rows} merged rows"
                ));
            }
        }
        if rows > iterations.len() {
            return Err(format!(
                "history.merged.trainCost: {rows} merged rows of {} rows",
                iterations.len()
            ));
        }
        let span = |name: &str, column: &[Option<[f64; 2]>], row: usize| match column.get(row) {
            Some(&Some([min, max])) if min <= max => {
                match out_of_range(name, min, task).or_else(|| out_of_range(name, max, task)) {
                    Some(why) => Err(format!("history.merged.{name}[{row}]: {why}")),
                    None => Ok(Some(MinMax { min, max })),
                }
            }
            Some(Some(_)) => Err(format!(
                "history.merged.{name}[{row}]: the low is above the high"
            )),
            _ => Ok(None),
        };
        (0..rows)
            .map(|row| {
                let spans = [
                    span("trainCost", &self.train_cost, row)?,
                    span("trainScore", &self.train_score, row)?,
                    span("testCost", &self.test_cost, row)?,
                    span("testScore", &self.test_score, row)?,
                ];
                Ok((iterations[row], spans))
            })
            .collect()
    }
}

/// Why a value of the `column` named is not one a run of `task` records, if it is not: a
/// cost is never below 0, an RMSE neither, and an accuracy lies from 0 to 1. Otherwise the
/// chart and the readouts would show what no run trained.
fn out_of_range(column: &str, value: f64, task: Task) -> Option<String> {
    let score = column.ends_with("Score");
    if score && task != Task::Regression && !(0.0..=1.0).contains(&value) {
        return Some(format!("{} is not an accuracy, from 0 to 1", shown(value)));
    }
    let what = if score { "an RMSE" } else { "a cost" };
    (value < 0.0).then(|| format!("{} is below 0, which {what} never is", shown(value)))
}

/// `value` as a message quotes it: as written where that is short, else with an exponent
/// (1e96, not its ninety-seven digits).
fn shown(value: f64) -> String {
    let plain = value.to_string();
    if plain.len() <= 12 {
        plain
    } else {
        format!("{value:e}")
    }
}
