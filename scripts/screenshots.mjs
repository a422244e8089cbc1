// Screenshots of the page in the rooms it is for, for the README: the five screen sizes a
// teacher meets and presenter mode on a 1080p and an old 1024 × 768 projector, each after
// 30 steps of the course's run; each beat of a slow step (after 300 steps) on a laptop, a
// phone and the old projector in presenter mode; the lesson on a laptop and a phone. Writes docs/screenshots/*.png.
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
  for (const [name, width, height, hash] of [['1280x720', 1280, 720, ''], ['390x844-phone', 390, 844, ''], ['presenter-1024x768', 1024, 768, '#presenter=on']]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url + hash);
    await page.waitForSelector('html[data-ready="true"]');
    await page.evaluate(() => {
      for (let i = 0; i < 300; i++) document.getElementById('step').click();
    });
    await page.selectOption('#slow-step-speed', '8');
    await page.click('#slow-step');
    for (const phase of ['forward', 'cost', 'backward', 'update']) {
      await page.waitForSelector(`html[data-phase="${phase}"]`);
      // Each beat moves for three quarters of its 8 s and then holds its end: shown there.
      await page.waitForTimeout(6500);
      await page.screenshot({ path: `${OUT}slow-step-${phase}-${name}.png` });
      console.log(`${OUT}slow-step-${phase}-${name}.png`);
      await page.click(phase === 'update' ? '#phase-finish' : '#phase-next');
    }
    await page.close();
  }
  for (const [name, width, height] of [['1280x800', 1280, 800], ['390x844-phone', 390, 844]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${url}lesson.html`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.screenshot({ path: `${OUT}lesson-${name}.png` });
    const slow = page.locator('#figure-slow');
    await slow.scrollIntoViewIfNeeded();
    await slow.locator('button.play').click();
    await page.waitForFunction(() => document.querySelector('#figure-slow').snapshot().iteration >= 400);
    await slow.locator('button.play').click();
    await slow.locator('.slow-step-speed').selectOption('8');
    await slow.locator('.slow-step').click();
    await page.waitForSelector('html[data-phase="cost"]');
    await page.waitForTimeout(6500);
    await page.locator('#lesson-3').screenshot({ path: `${OUT}lesson-slow-step-${name}.png` });
    await slow.locator('.phase-finish').click();
    await page.locator('#multiples').scrollIntoViewIfNeeded();
    await page.click('#play-all');
    // A figure out of view pauses: on a phone the grid is taller than the screen.
    for (const figure of await page.locator('#multiples neuranim-playground').all()) {
      await figure.scrollIntoViewIfNeeded();
      await figure.evaluate((e) => new Promise((done) => {
        const wait = () => (e.snapshot().iteration === 5000 ? done() : requestAnimationFrame(wait));
        wait();
      }));
    }
    await page.locator('#lesson-5').screenshot({ path: `${OUT}lesson-hidden-sizes-${name}.png` });
    for (const shot of ['lesson', 'lesson-slow-step', 'lesson-hidden-sizes']) console.log(`${OUT}${shot}-${name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
