// The same bits in both engines: Chromium's V8 and Firefox's SpiderMonkey train the same run
// to the same weights, bit for bit, as the wasm's own arithmetic promises. The rest of the
// suite runs in each engine on its own (scripts/test.sh runs it twice); this test needs both
// at once, so it runs in the Chromium pass.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openPage, openSite } from './support/browser.mjs';
import { ENGINE, FIREFOX, launchFirefox } from './support/engine.mjs';

let site;
let firefox;
before(async () => {
  if (ENGINE !== 'chromium') return;
  assert.ok(existsSync(FIREFOX), `${FIREFOX} is not installed: scripts/setup.sh --browser installs it`);
  site = await openSite();
  firefox = await launchFirefox();
});
after(async () => {
  await firefox?.close();
  await site?.close();
});

const HASH = '#dataset=spiral&hidden=6,3&init=xavier&optimizer=adam&learningRate=0.01&batchSize=7';

test('Firefox trains to the bits Chromium trains to', { skip: ENGINE !== 'chromium' && 'run in the Chromium pass, which starts both engines' }, async () => {
  const trained = async (browser) => {
    const { page, problems } = await openPage({ ...site, browser }, HASH);
    const weights = await page.evaluate(async () => {
      while (window.neuranim.snapshot().iteration < 400) document.getElementById('step').click();
      return [document.documentElement.dataset.wasm, await window.neuranim.weightsJson()];
    });
    assert.deepEqual(problems, []);
    return weights;
  };
  const [chromium, firefoxWeights] = [await trained(site.browser), await trained(firefox)];
  assert.equal(firefoxWeights[0], 'simd');
  assert.equal(firefoxWeights[1], chromium[1], 'the same weights, bit for bit');
});
