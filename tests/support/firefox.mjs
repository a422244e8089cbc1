// Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver BiDi, for the
// browser tests' Firefox subset: the built site served on loopback, and its problems
// recorded as the Chromium tests' are (problems.mjs). As the tests have found, the
// viewport is set at launch and keys are pressed by clicking buttons instead.

import puppeteer from 'puppeteer-core';
import { serve } from '../../scripts/static-server.mjs';
import { watchProblems } from './problems.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Serves www/ and starts Firefox; `close()` ends both. */
export async function openFirefoxSite(root = new URL('../../www/', import.meta.url).pathname, viewport = { width: 1280, height: 720 }) {
  const { server, url } = await serve(root, 0);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, defaultViewport: viewport });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** A new page at `address`, recording problems as the Chromium tests' pages do. */
export async function openFirefoxPage(site, address, ready = 'html[data-ready="true"]') {
  const page = await site.browser.newPage();
  const problems = watchProblems(page, new URL(site.url).origin, /^(data|blob|file):/);
  await page.goto(address);
  await page.waitForSelector(ready, { timeout: 30_000 });
  return { page, problems };
}
