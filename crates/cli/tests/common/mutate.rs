//! Seeded mutation of inputs, for the fuzz test.

/// SplitMix64: small, and the same numbers on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let z = (self.0 ^ (self.0 >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    pub fn number(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 * 8.0 - 4.0
    }
}

/// Text that readers trip on: control and invisible characters, numbers at and beyond every
/// limit, separators, and long runs.
const NASTY: [&str; 30] = [
    "\0",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\u{1b}[31m",
    "\u{1b}]0;title\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{2028}",
    "\u{202e}",
    "\u{feff}",
    ",",
    ",,",
    " ",
    "é",
    "1e308",
    "-1e309",
    "NaN",
    "inf",
    "1e6",
    "1000000.0001",
    "-1e6",
    "-0",
    "0x10",
    "8",
    "x1,x2,label",
    "\"",
    "{}",
];

pub fn nasty(rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => rng
            .pick(&["7", ",", "\r", "\u{1b}"])
            .repeat(1 + rng.below(20_000)),
        1 => format!("{}", rng.number() * 10f64.powi(rng.below(320) as i32)),
        _ => rng.pick(&NASTY).to_string(),
    }
}

/// `text` with up to three random insertions, deletions, repetitions and cuts; possibly
/// not UTF-8.
pub fn mutate(rng: &mut Rng, text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(7) {
            0..=2 => {
                let piece = nasty(rng);
                bytes.splice(at..at, piece.into_bytes());
            }
            3 => {
                let end = (at + 1 + rng.below(40)).min(bytes.len());
                bytes.drain(at..end);
            }
            4 => {
                let end = (at + 1 + rng.below(40)).min(bytes.len());
                let piece = bytes[at..end].repeat(1 + rng.below(200));
                bytes.splice(at..at, piece);
            }
            5 => bytes.truncate(at),
            _ => bytes.insert(at, *rng.pick(&[0xff, 0xc3, 0x80, 0xed])),
        }
    }
    bytes
}
