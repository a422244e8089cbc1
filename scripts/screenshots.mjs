// Screenshots of the page in the rooms it is for, for the README: the five screen sizes a
// teacher meets and presenter mode on a 1080p and an old 1024 × 768 projector, each after
// 30 steps of the course's run. Writes docs/screenshots/*.png.
// Usage: node scripts/screenshots.mjs   (build the page first: scripts/build-web.sh)

import { mkdir } from 'node:fs/promises';
import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
const SHOTS = [
  ['1920x1080', 1920, 1080, ''],
  ['1280x720', 1280, 720, ''],
  ['1024x768', 1024, 768, ''],
  ['820x1180-tablet', 820, 1180, ''],
  ['390x844-phone', 390, 844, ''],
  ['presenter-1920x1080', 1920, 1080, '#presenter=on'],
  ['presenter-1024x768', 1024, 768, '#presenter=on'],
];

await mkdir(OUT, { recursive: true });
const { server, url } = await serve(new URL('../www/', import.meta.url).pathname, 0);
const browser = await launchChromium();
try {
  for (const [name, width, height, hash] of SHOTS) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url + hash);
    await page.waitForSelector('html[data-ready="true"]');
    // 30 steps, then the pictures of that iteration.
    await page.evaluate(() => {
      for (let i = 0; i < 30; i++) document.getElementById('step').click();
    });
    await page.waitForFunction(() => {
      const b = document.getElementById('boundary');
      return window.neuranim.snapshot().liveIteration >= 30 && b.dataset.shown === b.dataset.requested;
    });
    await page.screenshot({ path: `${OUT}${name}.png` });
    console.log(`${OUT}${name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
