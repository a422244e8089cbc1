//! sin, cos and log rounded correctly, for random draws and data sets that must match numpy
//! to the bit.
//!
//! numpy calls the C library's sin, cos and log, which are within about half an ulp and so
//! almost always return the correctly rounded result; `libm`'s are within an ulp and often on
//! the other side. Here the work runs in double-double arithmetic (~106 bits), so rounding the
//! sum to a double gives the correctly rounded value unless the true value lies within 2⁻¹⁰⁶
//! of a rounding midpoint. Plain IEEE operations only (no fused multiply-add), so every
//! platform computes the same bits. Slow, and meant only for generating data, never training.

/// π/2 as the sum of three doubles.
const HALF_PI: [f64; 3] = [
    std::f64::consts::FRAC_PI_2,
    6.123_233_995_736_766e-17,
    -1.497_384_904_859_169_8e-33,
];

/// An unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2.
#[derive(Clone, Copy, Debug)]
struct DoubleDouble {
    hi: f64,
    lo: f64,
}

fn quick_two_sum(a: f64, b: f64) -> DoubleDouble {
    let hi = a + b;
    DoubleDouble {
        hi,
        lo: b - (hi - a),
    }
}

fn two_sum(a: f64, b: f64) -> DoubleDouble {
    let hi = a + b;
    let bb = hi - a;
    DoubleDouble {
        hi,
        lo: (a - (hi - bb)) + (b - bb),
    }
}

/// Dekker's split of a double into two 26-bit halves.
fn split(a: f64) -> (f64, f64) {
    let c = 134_217_729.0 * a;
    let hi = c - (c - a);
    (hi, a - hi)
}

fn two_prod(a: f64, b: f64) -> DoubleDouble {
    let p = a * b;
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    DoubleDouble {
        hi: p,
        lo: ((ah * bh - p) + ah * bl + al * bh) + al * bl,
    }
}

impl DoubleDouble {
    fn from(x: f64) -> Self {
        Self { hi: x, lo: 0.0 }
    }

    fn add(self, b: Self) -> Self {
        let s = two_sum(self.hi, b.hi);
        let t = two_sum(self.lo, b.lo);
        let s = quick_two_sum(s.hi, s.lo + t.hi);
        quick_two_sum(s.hi, s.lo + t.lo)
    }

    fn neg(self) -> Self {
        Self {
            hi: -self.hi,
            lo: -self.lo,
        }
    }

    fn mul(self, b: Self) -> Self {
        let p = two_prod(self.hi, b.hi);
        quick_two_sum(p.hi, p.lo + (self.hi * b.lo + self.lo * b.hi))
    }

    fn div(self, b: Self) -> Self {
        let q1 = self.hi / b.hi;
        let r = self.add(b.mul(DoubleDouble::from(q1)).neg());
        let q2 = r.hi / b.hi;
        let r = r.add(b.mul(DoubleDouble::from(q2)).neg());
        let q3 = r.hi / b.hi;
        quick_two_sum(q1, q2).add(DoubleDouble::from(q3))
    }

    fn div_f64(self, b: f64) -> Self {
        let q1 = self.hi / b;
        let p = two_prod(q1, b);
        let s = two_sum(self.hi, -p.hi);
        let q2 = (s.hi + (s.lo - p.lo + self.lo)) / b;
        quick_two_sum(q1, q2)
    }
}

/// sin(r) (`odd`) or cos(r) by Taylor series, for |r| ≤ π/4.
fn series(r: DoubleDouble, odd: bool) -> DoubleDouble {
    let r2 = r.mul(r);
    let mut term = if odd { r } else { DoubleDouble::from(1.0) };
    let mut sum = term;
    let mut n = if odd { 1.0 } else { 0.0 };
    while term.hi.abs() > 1e-36 {
        term = term.mul(r2).div_f64((n + 1.0) * (n + 2.0)).neg();
        sum = sum.add(term);
        n += 2.0;
    }
    sum
}

/// x − k·π/2 with k = round(x / (π/2)); exact enough for |x| below 2²⁰.
fn reduce(x: f64) -> (DoubleDouble, i64) {
    let k = libm::round(x / HALF_PI[0]);
    let mut r = DoubleDouble::from(x);
    for part in HALF_PI {
        r = r.add(two_prod(k, part).neg());
    }
    (r, k as i64)
}

fn rounded(x: f64, quarter_turns: i64) -> f64 {
    if !x.is_finite() || x.abs() > 1_048_576.0 {
        return if quarter_turns == 0 {
            libm::sin(x)
        } else {
            libm::cos(x)
        };
    }
    let (r, k) = reduce(x);
    let v = match (k + quarter_turns).rem_euclid(4) {
        0 => series(r, true),
        1 => series(r, false),
        2 => series(r, true).neg(),
        _ => series(r, false).neg(),
    };
    v.hi + v.lo
}

/// ln 2 as the sum of two doubles.
const LN_2: [f64; 2] = [std::f64::consts::LN_2, 2.319_046_813_846_299_6e-17];

/// The correctly rounded natural logarithm of x.
pub fn log(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) || x < f64::MIN_POSITIVE {
        return libm::log(x);
    }
    // x = m·2^e with m in [√½, √2); ln x = e·ln 2 + 2·atanh((m − 1)/(m + 1)).
    let bits = x.to_bits();
    let mut e = ((bits >> 52) as i64) - 1023;
    let mut m = f64::from_bits((bits & ((1u64 << 52) - 1)) | (1023u64 << 52));
    if m > std::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    let num = two_sum(m, -1.0);
    let den = two_sum(m, 1.0);
    let s = num.div(den);
    let s2 = s.mul(s);
    let mut power = s;
    let mut sum = s;
    let mut k = 1.0;
    while power.hi.abs() > 1e-36 {
        power = power.mul(s2);
        k += 2.0;
        sum = sum.add(power.div_f64(k));
    }
    let e = e as f64;
    let v = sum
        .add(sum)
        .add(two_prod(e, LN_2[0]))
        .add(DoubleDouble::from(e * LN_2[1]));
    v.hi + v.lo
}

/// The correctly rounded sine of x.
pub fn sin(x: f64) -> f64 {
    rounded(x, 0)
}

/// The correctly rounded cosine of x.
pub fn cos(x: f64) -> f64 {
    rounded(x, 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn exact_where_the_answer_is_exact() {
        assert_eq!(super::sin(0.0), 0.0);
        assert_eq!(super::cos(0.0), 1.0);
        assert_eq!(super::log(1.0), 0.0);
        assert_eq!(super::log(2.0), std::f64::consts::LN_2);
        assert_eq!(super::log(0.5), -std::f64::consts::LN_2);
    }
}
