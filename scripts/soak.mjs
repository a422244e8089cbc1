// A long run at full speed: the course's run (full batch, every iteration recorded) at "max"
// for MINUTES, with the wasm memory printed every minute; then the time machine is checked
// at the end of it against fresh runs trained to the same iterations in a second page: a
// seek to iteration 1, to one deep in the thinned past, and to the last one must give the
// same weights, bit for bit; the scrubber, the chart and "Continue from here" must still work.
// A benchmark, not a test. Usage: node scripts/soak.mjs [MINUTES=30] [ROOT=www]

import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const minutes = Number(process.argv[2] ?? 30);
const root = process.argv[3] ?? new URL('../www/', import.meta.url).pathname;
/** A past iteration to check exactly, deep in what the history will have thinned. */
const DEEP = 200_000;

const { server, url } = await serve(root, 0);
const browser = await launchChromium();
const open = async (hash) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  page.on('dialog', (d) => d.accept());
  await page.goto(url + hash);
  await page.waitForSelector('html[data-ready="true"]');
  return page;
};
const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);

/** The weights of a fresh run trained to `iteration` in its own page. */
async function freshWeights(iteration) {
  const page = await open(`#speed=max&iterations=${iteration}`);
  await page.click('#play');
  await page.waitForFunction((n) => window.neuranim.snapshot().liveIteration >= n, iteration, { timeout: 600_000, polling: 500 });
  const weights = await page.evaluate(() => window.neuranim.weightsJson());
  await page.close();
  return weights;
}

try {
  const page = await open('#speed=max');
  const sample = () => page.evaluate(() => ({ bytes: window.neuranim.memoryBytes(), iteration: window.neuranim.snapshot().liveIteration }));
  const start = await sample();
  console.log(`soak: the course's run at max for ${minutes} min; wasm memory at the start ${mb(start.bytes)} MB`);
  await page.click('#play');
  const line = [];
  for (let minute = 1; minute <= minutes; minute++) {
    await page.waitForTimeout(60_000);
    const { bytes, iteration } = await sample();
    line.push(mb(bytes));
    console.log(`minute ${minute}: iteration ${iteration.toLocaleString('en-US')}, wasm memory ${mb(bytes)} MB`);
  }
  await page.click('#play');
  const end = await page.evaluate(async () => {
    const snap = window.neuranim.snapshot();
    return { last: snap.liveIteration, weights: await window.neuranim.weightsJson(), first: snap.firstIteration };
  });
  console.log(`memory, MB per minute: ${line.join(' ')}`);
  console.log(`stopped at iteration ${end.last.toLocaleString('en-US')}`);

  const seekWeights = (iteration) => page.evaluate(async (n) => {
    window.neuranim.seek(n);
    return { weights: await window.neuranim.weightsJson(), shown: window.neuranim.snapshot().iteration };
  }, iteration);
  const timed = async (iteration) => {
    const t0 = Date.now();
    const result = await seekWeights(iteration);
    return { ...result, ms: Date.now() - t0 };
  };
  for (const iteration of [1, DEEP]) {
    const got = await timed(iteration);
    const want = await freshWeights(iteration);
    console.log(`seek to ${iteration.toLocaleString('en-US')}: shown ${got.shown.toLocaleString('en-US')}, ${got.ms} ms, weights ${got.weights === want ? 'equal to a fresh run\'s, bit for bit' : 'DIFFERENT from a fresh run\'s'}`);
  }
  const last = await timed(end.last);
  console.log(`seek to the last, ${end.last.toLocaleString('en-US')}: ${last.ms} ms, weights ${last.weights === end.weights ? 'equal to the live ones, bit for bit' : 'DIFFERENT from the live ones'}`);

  // The scrubber and the chart at the end of it all, then training on from the deep iteration.
  const scrub = await page.evaluate(() => {
    const scrubber = document.getElementById('scrubber');
    scrubber.value = String(Math.floor(Number(scrubber.max) / 2));
    scrubber.dispatchEvent(new Event('input'));
    const chart = document.getElementById('chart');
    const { data } = canvasOf(chart);
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    return { shown: window.neuranim.snapshot().iteration, max: Number(scrubber.max), inked };
    function canvasOf(canvas) {
      const scratch = document.createElement('canvas');
      [scratch.width, scratch.height] = [canvas.width, canvas.height];
      const ctx = scratch.getContext('2d');
      ctx.drawImage(canvas, 0, 0);
      return ctx.getImageData(0, 0, canvas.width, canvas.height);
    }
  });
  console.log(`scrubber to the middle: shows iteration ${scrub.shown.toLocaleString('en-US')} of ${scrub.max.toLocaleString('en-US')}; chart pixels inked: ${scrub.inked}`);
  await seekWeights(DEEP);
  await page.click('#continue-here');
  await page.click('#step');
  const after = await page.evaluate(() => window.neuranim.snapshot());
  const want = await freshWeights(DEEP + 1);
  const got = await page.evaluate(() => window.neuranim.weightsJson());
  console.log(`continue from ${DEEP.toLocaleString('en-US')} and step: live iteration ${after.liveIteration.toLocaleString('en-US')}, weights ${got === want ? 'equal to a fresh run\'s' : 'DIFFERENT'}; memory ${mb(await page.evaluate(() => window.neuranim.memoryBytes()))} MB`);
} finally {
  await browser.close();
  server.close();
}
