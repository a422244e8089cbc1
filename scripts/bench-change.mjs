// The longest main-thread task when a reader changes the network under a heavy run: "+ layer"
// from 7 to 8 hidden layers of 64, the first three Steps there (whose backward pass runs on
// code the engine has not yet optimised), and "− layer" back. A benchmark, not a test: it
// prints, for RUNS fresh pages, the longest task of each (none under 50 ms is reported) and
// how many of them passed 50 ms.
// Usage: node scripts/bench-change.mjs [RUNS=7] [ROOT=www]   (build the page first)

import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const runs = Number(process.argv[2] ?? 7);
const root = process.argv[3] ?? new URL('../www/', import.meta.url).pathname;
const DEEP = '#hidden=64,64,64,64,64,64,64&init=xavier&learningRate=0.03';

const { server, url } = await serve(root, 0);
const browser = await launchChromium();
try {
  const results = { add: [], remove: [], step: [] };
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url + DEEP);
    await page.waitForSelector('html[data-ready="true"]');
    await page.evaluate(() => {
      window.tasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.tasks.push(e.duration); }).observe({ type: 'longtask' });
    });
    // The start's own tasks are over before the first change.
    await page.waitForTimeout(1000);
    /** The longest task from `act()` until `settled()` and `ms` after, into results[name]. */
    const longest = async (name, act, settled, ms) => {
      await page.evaluate(() => window.tasks.splice(0));
      await act();
      await settled();
      await page.waitForTimeout(ms);
      results[name].push(Math.max(0, ...(await page.evaluate(() => window.tasks))));
    };
    // A change's picture and graph come in the tasks after the click's.
    const change = (name, label, layers) => longest(name, () => page.click(`button[aria-label="${label}"]`),
      () => page.waitForFunction((n) => window.neuranim.snapshot().sizes.length === n, layers), 1000);
    await change('add', 'Add a hidden layer', 10);
    for (let step = 1; step <= 3; step++) {
      const before = await page.evaluate(() => window.neuranim.snapshot().iteration);
      await longest('step', () => page.click('#step'),
        () => page.waitForFunction((n) => document.getElementById('iteration').textContent === String(n), before + 1), 300);
    }
    await change('remove', 'Remove the last hidden layer', 9);
    await page.close();
  }
  console.log(`longest main-thread task of a change of network, ${runs} fresh pages, headless Chromium, 1280×720`);
  for (const [name, tasks] of Object.entries(results)) {
    const over = tasks.filter((t) => t > 50).length;
    const what = { add: '+ layer (7 → 8 × 64)', remove: '− layer (8 → 7 × 64)', step: 'the first three Steps (8 × 64)' }[name];
    console.log(`${what}: ${tasks.map((t) => (t ? `${t.toFixed(0)} ms` : '< 50')).join(', ')}; over 50 ms: ${over} of ${tasks.length}`);
  }
} finally {
  await browser.close();
  server.close();
}
