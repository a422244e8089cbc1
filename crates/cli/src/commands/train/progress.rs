//! The training loop, printing one `iteration,cost,score` row as soon as it is measured.
//! Rows printed are dropped, so that a run of any length holds the same memory.

use crate::error::CliError;
use neuranim_core::{History, Session};
use std::io::Write;

/// Printed rows kept before the history is emptied: dropping them in batches spares a
/// step the cost of a new history.
const KEPT_ROWS: usize = 256;

/// Takes `iterations` steps and prints the rows of iterations 0 to `iterations`, or up to
/// the divergence.
pub fn train(session: &mut Session, iterations: u64, out: &mut impl Write) -> Result<(), CliError> {
    let mut rows = Rows { out, next: 0 };
    rows.header(session.data.task.score_name())?;
    let train_size = session.train.len();
    let trainer = &mut session.trainer;
    let full_batch = trainer.config().batch_size.is_none_or(|b| b >= train_size);
    for _ in 0..iterations {
        // A full-batch step records the metrics before its update; a mini-batch step
        // sees only its batch, so the whole training set is measured first.
        if !full_batch {
            trainer.record()?;
        }
        let stepped = trainer.step();
        rows.catch_up(trainer.history())?;
        stepped?;
        if trainer.history().len() >= KEPT_ROWS {
            trainer.replace_history(History::default());
        }
    }
    trainer.record()?;
    rows.catch_up(trainer.history())
}

struct Rows<'a, W: Write> {
    out: &'a mut W,
    /// The first iteration not printed yet: rows are found by iteration, since thinning a
    /// long history moves them.
    next: u64,
}

impl<W: Write> Rows<'_, W> {
    fn header(&mut self, score_name: &str) -> Result<(), CliError> {
        writeln!(self.out, "iteration,cost,{score_name}").map_err(CliError::stdout)
    }

    /// Prints the records not printed yet.
    fn catch_up(&mut self, history: &History) -> Result<(), CliError> {
        let from = history.index_of_iteration(self.next);
        for record in (from..history.len()).filter_map(|i| history.get(i)) {
            let (cost, score) = (record.train.cost, record.train.score);
            let (cost, score) = (csv_number(cost), csv_number(score));
            writeln!(self.out, "{},{cost},{score}", record.iteration).map_err(CliError::stdout)?;
            self.next = record.iteration + 1;
        }
        Ok(())
    }
}

/// `x` as CSV readers take it back to the same bits: in plain digits, or with an exponent
/// where plain digits would run to hundreds (a diverging run's cost of 10³⁰⁰) or start with
/// a row of zeros.
fn csv_number(x: f64) -> String {
    let size = x.abs();
    if size == 0.0 || (1e-7..1e16).contains(&size) {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use neuranim_core::Settings;

    fn rows_of(settings: Settings, iterations: u64) -> (Vec<String>, usize) {
        let mut session = settings.start().unwrap();
        let mut out = Vec::new();
        train(&mut session, iterations, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let rows = text.lines().map(str::to_string).collect();
        (rows, session.trainer.history().len())
    }

    #[test]
    fn a_long_run_prints_every_row_and_keeps_few() {
        let full = Settings::default();
        let mini = Settings {
            batch_size: Some(50),
            test_ratio: 0.25,
            ..Settings::default()
        };
        for settings in [full, mini] {
            let (rows, kept) = rows_of(settings, 5_000);
            assert_eq!(rows.len(), 5_002);
            for (i, row) in rows[1..].iter().enumerate() {
                assert!(row.starts_with(&format!("{i},")), "{row}");
            }
            assert!(kept <= KEPT_ROWS, "{kept} rows kept");
        }
    }

    #[test]
    fn numbers_read_back_to_their_bits_in_a_few_characters() {
        let plain = [
            0.0, -0.0, 1.0, 0.693048, 0.9075, 1234.5, 9.999e15, 1e-7, -3.25,
        ];
        let huge_or_tiny = [
            2.229_361_272_547_12e22,
            1e16,
            -4.03e75,
            f64::MAX,
            9.9e-8,
            5e-324,
        ];
        for x in plain.into_iter().chain(huge_or_tiny) {
            let text = csv_number(x);
            assert_eq!(
                text.parse::<f64>().unwrap().to_bits(),
                x.to_bits(),
                "{text}"
            );
            assert!(text.len() <= 24, "{text}");
        }
        for x in plain {
            assert_eq!(csv_number(x), x.to_string());
        }
        for x in huge_or_tiny {
            assert!(csv_number(x).contains('e'), "{x}");
        }
    }
}
