// Round tick values and their labels, for every axis on the page.

/** A round step (1, 2 or 5 × 10^k) cutting `span` into about `count` pieces. */
export function niceStep(span, count) {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5]) if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

/** About `count` round ticks covering [lo, hi]; the domain widens to the outer ticks. */
export function linearTicks(lo, hi, count = 5) {
  // Flatter than doubles can tick: a band around the value instead.
  if (!(hi - lo > Math.abs(lo) * 1e-9)) {
    const pad = Math.abs(lo) * 0.1 || 1;
    [lo, hi] = [lo - pad, lo + pad];
  }
  const step = niceStep(hi - lo, count);
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  // Multiples of the step, rounded so that 0.1 · 3 reads 0.3.
  const ticks = [];
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(15)));
  return { ticks, step, lo: ticks[0], hi: ticks[ticks.length - 1] };
}

/** Ticks at powers of ten covering [lo, hi] (lo > 0), with 2 and 5 between them when there
 * are few decades and every other decade when there are many; the domain widens to whole
 * decades. */
export function logTicks(lo, hi, count = 5) {
  const e0 = Math.floor(Math.log10(lo));
  const decades = Math.max(1, Math.ceil(Math.log10(hi)) - e0);
  const every = Math.ceil(decades / count);
  const top = e0 + every * Math.ceil(decades / every);
  const multiples = decades <= 2 ? [1, 2, 5] : [1];
  const ticks = [];
  for (let e = e0; e <= top; e += every) {
    for (const m of multiples) if (e < top || m === 1) ticks.push(Number((m * 10 ** e).toPrecision(15)));
  }
  return { ticks, lo: ticks[0], hi: ticks[ticks.length - 1] };
}

/** A tick label with as many decimals as the step needs; tiny or huge values as 1e-5. */
export function formatTick(value, step = value) {
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 1e5 || size < 1e-3) return value.toExponential(Math.max(0, significantDigits(value) - 1)).replace('e+', 'e');
  return value.toFixed(Math.max(0, -Math.floor(Math.log10(Math.abs(step)) + 1e-9)));
}

function significantDigits(value) {
  return value.toExponential().split('e')[0].replace('-', '').replace('.', '').length;
}

/** An iteration count for the x axis: 2500, 15k, 1.2M. */
export function formatIteration(value) {
  const trim = (v) => String(Number(v.toFixed(2)));
  if (Math.abs(value) >= 1e6) return `${trim(value / 1e6)}M`;
  if (Math.abs(value) >= 1e4) return `${trim(value / 1e3)}k`;
  return String(value);
}

/** Maps [d0, d1] onto [r0, r1], through log10 when `log`; what has no place maps to NaN. */
export function scale(d0, d1, r0, r1, log = false) {
  if (log) {
    const a = Math.log10(d0);
    const k = (r1 - r0) / (Math.log10(d1) - a);
    return (v) => (v > 0 ? r0 + (Math.log10(v) - a) * k : NaN);
  }
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}
