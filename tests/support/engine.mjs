// The engine the browser tests run in: Debian's Chromium, or with BROWSER=firefox Debian's
// Firefox ESR, driven over WebDriver BiDi by playwright's own client, so that every test runs
// in both unchanged. That client is playwright-core pinned at 1.58.2 (`playwright-bidi` in
// package.json): later ones send a BiDi command (emulation.setMediaFeaturesOverride) that
// Firefox ESR 153 does not know.

import { firefox } from 'playwright-bidi';
import { launchChromium } from '../../scripts/chromium.mjs';

export const ENGINE = process.env.BROWSER ?? 'chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

if (!['chromium', 'firefox'].includes(ENGINE)) throw new Error(`BROWSER=${ENGINE}: the tests run in chromium or firefox`);

/** The tests' browser; `chromiumFlags` (e.g. wasm SIMD turned off) apply to Chromium only,
 * and a test that needs them is skipped elsewhere (`onlyIn`). Firefox's `reducedMotion` is
 * its own preference, set at launch: its BiDi client here cannot emulate the media feature
 * per context as Chromium's does. */
export function launchBrowser(chromiumFlags = [], { reducedMotion = false } = {}) {
  return ENGINE === 'firefox' ? launchFirefox({ reducedMotion }) : launchChromium(chromiumFlags);
}

/** Debian's Firefox ESR, headless, whatever the tests' engine. */
export function launchFirefox({ reducedMotion = false } = {}) {
  const firefoxUserPrefs = reducedMotion ? { 'ui.prefersReducedMotion': 1 } : {};
  return firefox.launch({ channel: 'moz-firefox', executablePath: FIREFOX, headless: true, firefoxUserPrefs });
}

/** node:test's `skip` option for a test of what only `engine` has: false there, else the
 * reason, which the test report shows. */
export const onlyIn = (engine, why) => (ENGINE === engine ? false : `${engine} only: ${why}`);
