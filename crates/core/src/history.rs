//! What training has measured so far, one record per evaluated iteration, stored column by
//! column so that a chart can read a column without copying.

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

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    iterations: Vec<u64>,
    train_cost: Vec<f64>,
    train_score: Vec<f64>,
    /// Empty when there is no test set.
    test_cost: Vec<f64>,
    test_score: Vec<f64>,
}

impl History {
    pub fn push(&mut self, record: Record) {
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
        let test = match (self.test_cost.get(i), self.test_score.get(i)) {
            (Some(&cost), Some(&score)) => Some(Metrics { cost, score }),
            _ => None,
        };
        Some(Record {
            iteration,
            train: Metrics {
                cost: self.train_cost[i],
                score: self.train_score[i],
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
        &self.train_cost
    }

    pub fn train_score(&self) -> &[f64] {
        &self.train_score
    }

    pub fn test_cost(&self) -> &[f64] {
        &self.test_cost
    }

    pub fn test_score(&self) -> &[f64] {
        &self.test_score
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }
}
