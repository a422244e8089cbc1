// A file the page offers as a download, taken the same way in either engine: in Chromium the
// browser's own download event; in Firefox, whose BiDi client here reports no downloads, the
// page's download link caught as the page clicks it and its blob read (catchDownloads,
// installed before the page loads by openPage). Either way the test gets the name the page
// gave and the bytes it offered.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE } from './engine.mjs';

/** Run in the page before it loads: a click on a download link of a blob is recorded in
 * `window.caughtDownloads` (name, bytes as a data: URL) instead of saved. */
export function catchDownloads() {
  window.caughtDownloads = [];
  // The blob behind each object URL, read without a fetch (which a strict CSP refuses).
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    const url = createObjectURL(blob);
    blobs.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = this.hasAttribute('download') && blobs.get(this.href);
    if (!blob) return click.call(this);
    const name = this.download;
    const reader = new FileReader();
    reader.onload = () => window.caughtDownloads.push({ name, data: reader.result });
    reader.readAsDataURL(blob);
  };
}

/** What `action()` makes the page offer: `{ suggestedFilename(), path() }`, as playwright's
 * Download. */
export async function downloaded(page, action) {
  if (ENGINE === 'chromium') {
    const [download] = await Promise.all([page.waitForEvent('download'), action()]);
    return download;
  }
  const before = await page.evaluate(() => window.caughtDownloads.length);
  await action();
  await page.waitForFunction((n) => window.caughtDownloads.length > n, before, { timeout: 30_000 });
  const { name, data } = await page.evaluate((n) => window.caughtDownloads[n], before);
  const file = join(mkdtempSync(join(tmpdir(), 'neuranim-download-')), name);
  writeFileSync(file, Buffer.from(data.slice(data.indexOf(',') + 1), 'base64'));
  return { suggestedFilename: () => name, path: async () => file };
}

/** Counts the files the page offers from now on, in either engine: `await count()`. */
export async function countDownloads(page) {
  let events = 0;
  page.on('download', () => events++);
  const caught = () => page.evaluate(() => window.caughtDownloads?.length ?? 0);
  const before = await caught();
  return async () => events + (await caught()) - before;
}
