// A smoke test of the page in WebKit (WebKitGTK's MiniBrowser, driven through
// WebKitWebDriver's W3C WebDriver protocol): it loads, trains to the bits Chromium trains
// to, paints both classes' colours, compares, and the one-file build opens from file://.
// Run under a display: scripts/webkit-smoke.sh (Xvfb). Exits 1 on the first failure.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { classInk } from '../tests/support/ink.mjs';
import { launchChromium } from './chromium.mjs';
import { serve } from './static-server.mjs';

const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const PORT = 4444 + Math.floor(Math.random() * 1000);
const HASH = '#dataset=spiral&hidden=6,3&init=xavier&optimizer=adam&learningRate=0.01&batchSize=7';

/** One WebDriver command. */
async function command(method, path, body) {
  const response = await fetch(`http://127.0.0.1:${PORT}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
  const { value } = await response.json();
  if (value?.error) throw new Error(`${path}: ${value.error}: ${value.message}`);
  return value;
}

/** Runs `source` (a function's text, called with `args`) in the page; returns its value. */
const run = (session, source, ...args) => command('POST', `/session/${session}/execute/async`, {
  script: `const done = arguments[arguments.length - 1]; Promise.resolve((${source})(...Array.from(arguments).slice(0, -1))).then(done, (e) => done({ failed: String(e) }));`,
  args,
});

/** Waits until `condition` (a function's text) is true in the page, 30 s at most. */
async function until(session, condition, what) {
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    if (await run(session, condition)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const driver = spawn('WebKitWebDriver', [`--port=${PORT}`], { stdio: 'inherit', env: { ...process.env, WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS: '1', WEBKIT_DISABLE_COMPOSITING_MODE: '1' } });
const { server, url } = await serve(new URL('../www/', import.meta.url).pathname, 0);
let session = null;
let failed = false;
try {
  for (let tries = 0; ; tries++) {
    try {
      await command('GET', '/status');
      break;
    } catch (error) {
      if (tries > 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  ({ sessionId: session } = await command('POST', '/session', {
    capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
  }));
  const check = async (name, body) => {
    await body();
    console.log(`ok - ${name}`);
  };

  await check('the page loads and trains to the bits Chromium trains to', async () => {
    await command('POST', `/session/${session}/url`, { url: url + HASH });
    await until(session, '() => document.documentElement.dataset.ready === "true"', 'the page');
    const webkit = await run(session, `() => {
      while (window.neuranim.snapshot().iteration < 400) document.getElementById('step').click();
      return window.neuranim.weightsJson();
    }`);
    const chromium = await launchChromium();
    try {
      const page = await chromium.newPage();
      await page.goto(url + HASH);
      await page.waitForSelector('html[data-ready="true"]');
      const expected = await page.evaluate(() => {
        while (window.neuranim.snapshot().iteration < 400) document.getElementById('step').click();
        return window.neuranim.weightsJson();
      });
      assert.equal(webkit, expected);
    } finally {
      await chromium.close();
    }
  });

  await check('playing paints the boundary in both classes\' colours', async () => {
    await run(session, '() => document.getElementById("play").click()');
    await until(session, '() => window.neuranim.snapshot().iteration > 700', 'training');
    await run(session, '() => document.getElementById("play").click()');
    await until(session, '() => { const d = document.getElementById("boundary").dataset; return d.requested === d.shown; }', 'the boundary');
    const ink = await run(session, classInk.toString(), '#boundary');
    assert.ok(ink.orange > 1000 && ink.blue > 1000, JSON.stringify(ink));
  });

  await check('compare trains its small multiples', async () => {
    await run(session, '() => document.getElementById("compare").click()');
    await until(session, '() => Number(document.querySelector(".compare-tile")?.dataset.iteration) > 0', 'a compare tile');
    await run(session, '() => document.getElementById("compare-close").click()');
  });

  await check('the one-file build opens from file:// and trains', async () => {
    const file = new URL('../dist/neuranim.html', import.meta.url).pathname;
    assert.ok(existsSync(file), 'node scripts/build-single.mjs has written dist/neuranim.html');
    await command('POST', `/session/${session}/url`, { url: pathToFileURL(file).href });
    await until(session, '() => document.documentElement.dataset.ready === "true"', 'the one-file page');
    const score = await run(session, `() => {
      while (window.neuranim.snapshot().iteration < 300) document.getElementById('step').click();
      return window.neuranim.snapshot().trainScore;
    }`);
    assert.ok(score > 0.6, String(score));
  });
} catch (error) {
  failed = true;
  console.error(`not ok - ${error.message}`);
} finally {
  if (session) await command('DELETE', `/session/${session}`).catch(() => {});
  driver.kill();
  server.close();
}
process.exit(failed ? 1 : 0);
