// The built page served on loopback and opened in headless Debian Chromium, or Firefox ESR
// with BROWSER=firefox (engine.mjs), with every console error, page error and stray request
// recorded.

import { mkdirSync } from 'node:fs';
import { catchDownloads } from './downloads.mjs';
import { ENGINE, launchBrowser } from './engine.mjs';
import { serve } from '../../scripts/static-server.mjs';
import { watchProblems } from './problems.mjs';

export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** Serves www/ and opens a browser (playwright gives it a fresh temporary profile).
 * `options` go to the server: { prefix, headers }; `flags` to the browser. */
export async function openSite(root = new URL('../../www/', import.meta.url).pathname, options = {}, flags = []) {
  const { server, url } = await serve(root, 0, '127.0.0.1', options);
  const browser = await launchBrowser(flags);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    url,
    browser,
    /** In Firefox, a second browser that prefers reduced motion (engine.mjs), on demand. */
    calmBrowser: null,
    async close() {
      await browser.close();
      await (await this.calmBrowser)?.close();
      server.close();
    },
  };
}

/** `window.canvasPixels(canvas)`: the ImageData of any canvas, whatever its context (a 2d
 * canvas or one showing bitmaps); run in the page before it loads. */
function installCanvasPixels() {
  window.canvasPixels = (canvas) => {
    const scratch = document.createElement('canvas');
    scratch.width = canvas.width;
    scratch.height = canvas.height;
    const ctx = scratch.getContext('2d');
    ctx.drawImage(canvas, 0, 0, canvas.width, canvas.height);
    return ctx.getImageData(0, 0, canvas.width, canvas.height);
  };
}

/**
 * A page that records console errors, page errors and any request leaving the site; in it,
 * `canvasPixels(canvas)` returns the ImageData of any canvas.
 * `options` are playwright context options (viewport, deviceScaleFactor, reducedMotion…).
 */
export async function openPage(site, path = '', options = {}, { ready = 'html[data-ready="true"]', prepare = async () => {} } = {}) {
  let browser = site.browser;
  if (ENGINE === 'firefox' && options.reducedMotion === 'reduce') browser = await (site.calmBrowser ??= launchBrowser([], { reducedMotion: true }));
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  await context.addInitScript(() => {
    // Content-Security-Policy violations, also from the page's workers' loading.
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  await context.addInitScript(installCanvasPixels);
  if (ENGINE !== 'chromium') await context.addInitScript(catchDownloads);
  const page = await context.newPage();
  const problems = watchProblems(page, new URL(site.url).origin);
  // Routes and scripts a test sets up before the page loads.
  await prepare(page);
  await page.goto(site.url + path);
  await page.waitForSelector(ready, { timeout: 30_000, state: 'attached' });
  return { page, problems };
}

/** Waits until the page has drawn `n` more animation frames: time for anything that would
 * happen to show itself, counted by the page's own signal rather than a guess in ms. */
export function frames(page, n) {
  return page.evaluate((n) => new Promise((done) => {
    let left = n;
    const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

/** `n` single updates through the page's → key. */
export async function steps(page, n) {
  for (let i = 0; i < n; i++) await page.keyboard.press('ArrowRight');
}

/** The run's facts, through the page's scripting handle. */
export const snapshot = (page) => page.evaluate(() => window.neuranim.snapshot());

/** The shown network's weights file, to compare runs bit for bit. */
export const weights = (page) => page.evaluate(() => window.neuranim.weightsJson());

/** Single updates through the Step button until the run reaches iteration `n`. */
export const stepTo = (page, n) => page.evaluate((n) => {
  while (window.neuranim.snapshot().iteration < n) document.getElementById('step').click();
}, n);

/** Clicks Step until the live iteration has moved on by one. */
export async function stepOnce(page) {
  const before = (await snapshot(page)).liveIteration;
  await page.click('#step');
  await page.waitForFunction((n) => window.neuranim.snapshot().liveIteration === n + 1, before);
}

/** The notice's text, and whether the error banner shows. */
export const notice = (page) => page.locator('#notice').textContent();
export const errorShown = (page) => page.evaluate(() => !document.getElementById('error').hidden);

/** Page coordinates of data point `index` on the plot, for a click that chooses it. */
export const pointSpot = (page, index = 0) => page.evaluate((i) => {
  const points = window.neuranim.dataPoints();
  const [a, b, c, d] = window.neuranim.bounds();
  const box = document.querySelector('.plot').getBoundingClientRect();
  return { x: box.left + ((points[2 * i] - a) / (b - a)) * box.width, y: box.top + ((d - points[2 * i + 1]) / (d - c)) * box.height };
}, index);

/** Waits until the data panel shows the last boundary the page asked for. */
export const boundaryShown = (page) => page.waitForFunction(() => {
  const { requested, shown } = document.getElementById('boundary').dataset;
  return requested !== undefined && requested === shown;
});
