//! numpy's legacy `RandomState`: MT19937 seeded the numpy way, 53-bit doubles from two
//! 32-bit draws, and the polar-method `randn` that caches its second value.
//!
//! Bit-exactness with numpy is what lets the flower data and the course's initial weights
//! match the course to the last digit.

use crate::rounded_math;

const N: usize = 624;
const M: usize = 397;

/// A numpy-compatible `np.random.RandomState`.
#[derive(Clone, Debug)]
pub struct RandomState {
    key: [u32; N],
    pos: usize,
    cached_gauss: Option<f64>,
}

impl RandomState {
    /// `np.random.seed(seed)` for an integer seed.
    pub fn new(seed: u32) -> Self {
        let mut key = [0u32; N];
        let mut s = seed;
        for (i, slot) in key.iter_mut().enumerate() {
            *slot = s;
            s = 1_812_433_253u32
                .wrapping_mul(s ^ (s >> 30))
                .wrapping_add(i as u32 + 1);
        }
        Self {
            key,
            pos: N,
            cached_gauss: None,
        }
    }

    fn regenerate(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX_A: u32 = 0x9908_b0df;
        for i in 0..N {
            let y = (self.key[i] & UPPER) | (self.key[(i + 1) % N] & LOWER);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            self.key[i] = self.key[(i + M) % N] ^ (y >> 1) ^ mag;
        }
        self.pos = 0;
    }

    /// The generator's whole state: key, position in it, and the cached normal draw.
    pub fn parts(&self) -> (&[u32], usize, Option<f64>) {
        (&self.key, self.pos, self.cached_gauss)
    }

    /// A generator in the state `parts` described.
    pub fn from_parts(key: &[u32], pos: usize, cached_gauss: Option<f64>) -> Result<Self, String> {
        let key: [u32; N] = key
            .try_into()
            .map_err(|_| format!("key: expected {N} numbers, got {}", key.len()))?;
        if pos > N {
            return Err(format!("pos: {pos} is past the key's {N} numbers"));
        }
        Ok(Self {
            key,
            pos,
            cached_gauss,
        })
    }

    /// One tempered 32-bit output of MT19937.
    pub fn next_u32(&mut self) -> u32 {
        if self.pos == N {
            self.regenerate();
        }
        let mut y = self.key[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random_sample()`: uniform on [0, 1) with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        let a = f64::from(self.next_u32() >> 5);
        let b = f64::from(self.next_u32() >> 6);
        (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// `uniform(low, high)` as numpy computes it: `low + (high - low) * random_sample()`.
    pub fn uniform_in(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.uniform()
    }

    /// `randn()`: the legacy polar (Marsaglia) method; every second call returns the cached value.
    pub fn randn(&mut self) -> f64 {
        if let Some(g) = self.cached_gauss.take() {
            return g;
        }
        loop {
            let x1 = 2.0 * self.uniform() - 1.0;
            let x2 = 2.0 * self.uniform() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = (-2.0 * rounded_math::log(r2) / r2).sqrt();
                self.cached_gauss = Some(f * x1);
                return f * x2;
            }
        }
    }

    /// `normal(mean, std)` as numpy computes it: `mean + std * randn()`.
    pub fn normal(&mut self, mean: f64, std: f64) -> f64 {
        mean + std * self.randn()
    }

    /// A uniform integer in `0..n` by rejection on the smallest covering bit mask, as numpy's
    /// legacy `randint` does, so there is no modulo bias.
    pub fn below(&mut self, n: usize) -> usize {
        assert!(
            n > 0 && n <= u32::MAX as usize,
            "range must be 1..=u32::MAX"
        );
        let max = (n - 1) as u32;
        if max == 0 {
            return 0;
        }
        let mask = u32::MAX >> max.leading_zeros();
        loop {
            let v = self.next_u32() & mask;
            if v <= max {
                return v as usize;
            }
        }
    }

    /// Fisher–Yates shuffle in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_mt19937_outputs() {
        // init_genrand(5489) is the reference implementation's default; its first outputs are
        // published with mt19937ar.c.
        let mut rng = RandomState::new(5489);
        let first: Vec<u32> = (0..3).map(|_| rng.next_u32()).collect();
        assert_eq!(first, [3_499_211_612, 581_869_302, 3_890_346_734]);
    }

    #[test]
    fn matches_numpy_random_sample_and_randn_for_seed_0() {
        // numpy: np.random.seed(0); np.random.random_sample() == 0.5488135039273248
        let mut rng = RandomState::new(0);
        assert_eq!(rng.uniform(), 0.548_813_503_927_324_8);
        // numpy: np.random.seed(0); np.random.randn(2) == [1.764052345967664, 0.4001572083672233]
        let mut rng = RandomState::new(0);
        assert_eq!(rng.randn(), 1.764_052_345_967_664);
        assert_eq!(rng.randn(), 0.400_157_208_367_223_3);
    }

    #[test]
    fn below_stays_in_range_and_shuffle_is_a_permutation() {
        let mut rng = RandomState::new(7);
        for n in 1..50 {
            assert!(rng.below(n) < n);
        }
        let mut v: Vec<usize> = (0..100).collect();
        rng.shuffle(&mut v);
        let mut sorted = v.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
        assert_ne!(v, sorted);
    }
}
