//! A run file's numbers as one array of f64, its tape: how a run crosses between the page's
//! two wasm modules. The files module reads the JSON text into a `RunFile` and hands on its
//! settings and its tape; the training module rebuilds the `RunFile` from them and restores
//! it, with no JSON and no deserialiser of its own for the file, which keeps the module a
//! page starts with small. Every f64 crosses as itself, so nothing is rounded; a count as its
//! two 32-bit halves, so one beyond 2^53 reaches `restore`'s checks as it was written, and is
//! refused there by field as from the text. Lengths come before what they count.
//!
//! A tape is written by `tape` and read by `from_tape`, and no one else writes one; reading
//! still refuses one that ends early or holds something else where a length or count
//! belongs, without panicking, and never allocates more than the tape's own length.

use super::{DataFile, HistoryFile, MergedFile, RunFile, ShuffleFile, StateFile, FORMAT, VERSION};
use super::{EventFile, TimelineFile};
use crate::weights::{LayerWeights, WeightsFile};
use crate::Settings;

impl RunFile {
    /// Everything but the settings, as one array of numbers.
    pub fn tape(&self) -> Vec<f64> {
        let mut w = Writer::default();
        w.flag(self.data.is_some());
        if let Some(d) = &self.data {
            let points: Vec<f64> = d.points.iter().flatten().copied().collect();
            w.nums(&points);
            w.nums(&d.labels);
            w.0.extend(d.bounds);
            w.count(d.classes as u64);
        }
        w.state(&self.state);
        w.flag(self.history.is_some());
        if let Some(h) = &self.history {
            w.len(h.iterations.len());
            h.iterations.iter().for_each(|&i| w.count(i));
            for column in [&h.train_cost, &h.train_score, &h.test_cost, &h.test_score] {
                w.nums(column);
            }
            w.flag(h.merged.is_some());
            if let Some(m) = &h.merged {
                for column in [&m.train_cost, &m.train_score, &m.test_cost, &m.test_score] {
                    w.len(column.len());
                    for span in column {
                        w.flag(span.is_some());
                        w.0.extend(span.iter().flatten());
                    }
                }
            }
        }
        w.flag(self.timeline.is_some());
        if let Some(t) = &self.timeline {
            w.state(&t.first);
            w.len(t.events.len());
            for e in &t.events {
                w.count(e.iteration);
                w.flag(e.learning_rate.is_some());
                w.0.extend(e.learning_rate);
                w.flag(e.params.is_some());
                if let Some(p) = &e.params {
                    w.nums(p);
                }
            }
        }
        w.0
    }

    /// The run file of `settings` and a tape `tape` wrote.
    pub fn from_tape(settings: Settings, tape: &[f64]) -> Result<Self, String> {
        let mut r = Reader { tape, at: 0 };
        let data = if r.flag()? {
            let points = r.nums()?;
            if points.len() % 2 != 0 {
                return Err(r.refusal("an odd number of coordinates"));
            }
            Some(DataFile {
                points: points.chunks_exact(2).map(|p| [p[0], p[1]]).collect(),
                labels: r.nums()?,
                bounds: [r.num()?, r.num()?, r.num()?, r.num()?],
                classes: r.size()?,
            })
        } else {
            None
        };
        let state = r.state()?;
        let history = if r.flag()? {
            let n = r.len()?;
            let iterations = (0..n).map(|_| r.count()).collect::<Result<_, _>>()?;
            let [train_cost, train_score, test_cost, test_score] =
                [r.nums()?, r.nums()?, r.nums()?, r.nums()?];
            let merged = if r.flag()? {
                Some(MergedFile {
                    train_cost: r.spans()?,
                    train_score: r.spans()?,
                    test_cost: r.spans()?,
                    test_score: r.spans()?,
                })
            } else {
                None
            };
            Some(HistoryFile {
                iterations,
                train_cost,
                train_score,
                test_cost,
                test_score,
                merged,
            })
        } else {
            None
        };
        let timeline = if r.flag()? {
            let first = r.state()?;
            let n = r.len()?;
            let events = (0..n)
                .map(|_| {
                    Ok(EventFile {
                        iteration: r.count()?,
                        learning_rate: if r.flag()? { Some(r.num()?) } else { None },
                        params: if r.flag()? { Some(r.nums()?) } else { None },
                    })
                })
                .collect::<Result<_, String>>()?;
            Some(TimelineFile { first, events })
        } else {
            None
        };
        if r.at != tape.len() {
            return Err(r.refusal("numbers after the run's last"));
        }
        Ok(Self {
            format: FORMAT.into(),
            version: VERSION,
            settings,
            data,
            state,
            history,
            timeline,
        })
    }
}

#[derive(Default)]
struct Writer(Vec<f64>);

impl Writer {
    fn count(&mut self, n: u64) {
        self.0.push((n >> 32) as f64);
        self.0.push((n & 0xffff_ffff) as f64);
    }

    fn len(&mut self, n: usize) {
        self.0.push(n as f64);
    }

    fn flag(&mut self, on: bool) {
        self.0.push(if on { 1.0 } else { 0.0 });
    }

    fn nums(&mut self, values: &[f64]) {
        self.len(values.len());
        self.0.extend_from_slice(values);
    }

    fn whole_numbers(&mut self, values: &[u32]) {
        self.len(values.len());
        self.0.extend(values.iter().map(|&v| f64::from(v)));
    }

    fn state(&mut self, s: &StateFile) {
        self.count(s.iteration);
        self.count(s.epoch);
        self.0.push(s.learning_rate);
        self.len(s.weights.layers.len());
        for layer in &s.weights.layers {
            self.len(layer.weights.len());
            layer.weights.iter().for_each(|row| self.nums(row));
            self.nums(&layer.biases);
        }
        self.nums(&s.velocity);
        self.nums(&s.squares);
        self.0.push(s.beta1_power);
        self.0.push(s.beta2_power);
        self.flag(s.shuffle.is_some());
        if let Some(sh) = &s.shuffle {
            self.whole_numbers(&sh.order);
            self.count(sh.cursor as u64);
            self.whole_numbers(&sh.rng_key);
            self.count(sh.rng_pos as u64);
            self.flag(sh.rng_cached_gauss.is_some());
            self.0.extend(sh.rng_cached_gauss);
        }
    }
}

struct Reader<'a> {
    tape: &'a [f64],
    at: usize,
}

impl Reader<'_> {
    fn refusal(&self, what: &str) -> String {
        format!(
            "the run's numbers are not a run's: {what} at number {}",
            self.at
        )
    }

    fn num(&mut self) -> Result<f64, String> {
        let value = *self
            .tape
            .get(self.at)
            .ok_or_else(|| self.refusal("they end"))?;
        self.at += 1;
        Ok(value)
    }

    /// A whole number from 0 to `most`.
    fn whole(&mut self, most: f64) -> Result<u64, String> {
        let value = self.num()?;
        if (0.0..=most).contains(&value) && value.fract() == 0.0 {
            Ok(value as u64)
        } else {
            Err(self.refusal("a count out of place"))
        }
    }

    fn count(&mut self) -> Result<u64, String> {
        let high = self.whole(f64::from(u32::MAX))?;
        let low = self.whole(f64::from(u32::MAX))?;
        Ok(high << 32 | low)
    }

    fn size(&mut self) -> Result<usize, String> {
        let count = self.count()?;
        usize::try_from(count).map_err(|_| self.refusal("a count beyond this machine"))
    }

    /// A length: never more than the numbers left, each thing counted taking one at least.
    fn len(&mut self) -> Result<usize, String> {
        let left = self.tape.len().saturating_sub(self.at + 1);
        Ok(self.whole(left as f64)? as usize)
    }

    fn flag(&mut self) -> Result<bool, String> {
        Ok(self.whole(1.0)? == 1)
    }

    fn nums(&mut self) -> Result<Vec<f64>, String> {
        let n = self.len()?;
        let values = self.tape[self.at..self.at + n].to_vec();
        self.at += n;
        Ok(values)
    }

    fn whole_numbers(&mut self) -> Result<Vec<u32>, String> {
        let n = self.len()?;
        (0..n)
            .map(|_| Ok(self.whole(f64::from(u32::MAX))? as u32))
            .collect()
    }

    fn spans(&mut self) -> Result<Vec<Option<[f64; 2]>>, String> {
        let n = self.len()?;
        (0..n)
            .map(|_| {
                Ok(if self.flag()? {
                    Some([self.num()?, self.num()?])
                } else {
                    None
                })
            })
            .collect()
    }

    fn state(&mut self) -> Result<StateFile, String> {
        let iteration = self.count()?;
        let epoch = self.count()?;
        let learning_rate = self.num()?;
        let layers = (0..self.len()?)
            .map(|_| {
                let rows = self.len()?;
                Ok(LayerWeights {
                    weights: (0..rows).map(|_| self.nums()).collect::<Result<_, _>>()?,
                    biases: self.nums()?,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(StateFile {
            iteration,
            epoch,
            learning_rate,
            weights: WeightsFile { layers },
            velocity: self.nums()?,
            squares: self.nums()?,
            beta1_power: self.num()?,
            beta2_power: self.num()?,
            shuffle: if self.flag()? {
                Some(ShuffleFile {
                    order: self.whole_numbers()?,
                    cursor: self.size()?,
                    rng_key: self.whole_numbers()?,
                    rng_pos: self.size()?,
                    rng_cached_gauss: if self.flag()? {
                        Some(self.num()?)
                    } else {
                        None
                    },
                })
            } else {
                None
            },
        })
    }
}
