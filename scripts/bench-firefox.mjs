// The page in Firefox ESR while it trains or plays slow steps: frames per second and the
// longest gap between frames (Firefox has no long-task timing; a gap over 50 ms is a frame
// the page held up). A benchmark, not a test: medians of REPEATS runs of SECONDS each.
// Usage: node scripts/bench-firefox.mjs [SECONDS=6] [REPEATS=3]   (build first)

import { firefox } from 'playwright-bidi';
import { chainSlowSteps } from './slow-steps.mjs';
import { serve } from './static-server.mjs';

const seconds = Number(process.argv[2] ?? 6);
const repeats = Number(process.argv[3] ?? 3);
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const BIG = 'hidden=64,64,64,64,64,64,64,64&init=xavier&learningRate=0.03';

const play = (page) => page.click('#play');
async function slowSteps(page) {
  await page.selectOption('#slow-step-speed', '1');
  await page.evaluate(chainSlowSteps);
}
const CASES = [
  { name: "course's run, max", hash: '#speed=max', start: play },
  { name: '8×64 full batch, speed 1', hash: `#${BIG}&speed=1`, start: play },
  { name: "slow steps, course's run", hash: '', start: slowSteps },
  { name: 'slow steps, 8×64 full batch', hash: `#${BIG}`, start: slowSteps },
];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const { server, url } = await serve(new URL('../www/', import.meta.url).pathname, 0);
// playwright's BiDi client, pinned as the tests' is (tests/support/engine.mjs).
const browser = await firefox.launch({ channel: 'moz-firefox', executablePath: FIREFOX, headless: true });
try {
  console.log(`Firefox ESR, 1280×720, median of ${repeats} × ${seconds} s`);
  console.log('| setting | frames/s | longest gap between frames |');
  console.log('|---|---|---|');
  for (const c of CASES) {
    const runs = [];
    for (let r = 0; r < repeats; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(url + c.hash);
      await page.waitForSelector('html[data-ready="true"]');
      await c.start(page);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      runs.push(await page.evaluate((ms) => new Promise((done) => {
        const frames = [];
        const tick = (t) => {
          frames.push(t);
          if (t - frames[0] < ms) requestAnimationFrame(tick);
          else done({ fps: (frames.length - 1) / ((t - frames[0]) / 1000), gap: Math.max(...frames.slice(1).map((f, i) => f - frames[i])) });
        };
        requestAnimationFrame(tick);
      }), seconds * 1000));
      await page.close();
    }
    console.log(`| ${c.name} | ${median(runs.map((r) => r.fps)).toFixed(1)} | ${Math.max(...runs.map((r) => r.gap)).toFixed(0)} ms |`);
  }
} finally {
  await browser.close();
  server.close();
}
