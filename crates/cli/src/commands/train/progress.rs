//! The training loop, printing one `iteration,cost,score` row as soon as it is measured.

use crate::error::CliError;
use neuranim_core::{History, Session};
use std::io::Write;

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
            writeln!(self.out, "{},{cost},{score}", record.iteration).map_err(CliError::stdout)?;
            self.next = record.iteration + 1;
        }
        Ok(())
    }
}
