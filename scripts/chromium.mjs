// Debian's Chromium, headless, for the browser tests and benchmarks: never a downloaded
// browser, a fresh temporary profile each launch, and none of the background traffic this
// closed network refuses.

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** `extra` flags are added, e.g. '--js-flags=--no-enable-sse4-1' (an engine without wasm
 * SIMD, as Safari before 16.4). */
export function launchChromium(extra = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extra], headless: true });
}
