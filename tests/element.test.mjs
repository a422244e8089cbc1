// The custom element on the demo post: independent runs, pausing out of view and in a
// hidden tab, attributes read through the settings table.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, frames, openPage, openSite } from './support/browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const facts = (page, id) => page.evaluate((id) => {
  const element = document.getElementById(id);
  return { iteration: element.snapshot()?.iteration, steps: element.steps, sizes: element.snapshot()?.sizes };
}, id);

async function openPost(options) {
  const { page, problems } = await openPage(site, 'blog.html', { viewport: { width: 900, height: 900 }, ...options }, { ready: 'neuranim-playground' });
  await page.waitForFunction(() => document.getElementById('xor')?.snapshot() && document.getElementById('flower')?.snapshot());
  return { page, problems };
}

test('two elements on one page train independently', async () => {
  const { page, problems } = await openPost();
  assert.deepEqual((await facts(page, 'flower')).sizes, [2, 4, 1]);
  assert.deepEqual((await facts(page, 'xor')).sizes, [2, 4, 2, 1]);
  // Only the autoplaying one trains (once in view) until the other is started.
  await page.evaluate(() => document.getElementById('xor').scrollIntoView());
  await page.waitForFunction(() => document.getElementById('xor').snapshot().iteration > 100);
  assert.equal((await facts(page, 'flower')).iteration, 0);
  await page.locator('#flower').locator('button.play').click();
  await page.waitForFunction(() => document.getElementById('flower').snapshot().iteration > 100);
  await page.screenshot({ path: `${ARTIFACTS}blog.png` });
  assert.deepEqual(problems, []);
});

test('an element scrolled out of view or in a hidden tab stops stepping, and goes on after', async () => {
  const { page, problems } = await openPost();
  await page.locator('#flower').locator('button.play').click();
  await page.waitForFunction(() => document.getElementById('flower').steps > 50);
  // Scrolled away.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await frames(page, 20);
  const away = (await facts(page, 'flower')).steps;
  await frames(page, 40);
  assert.equal((await facts(page, 'flower')).steps, away, 'no steps out of view');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction((n) => document.getElementById('flower').steps > n + 50, away);
  // The tab hidden.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await frames(page, 10);
  const hidden = (await facts(page, 'flower')).steps;
  await frames(page, 40);
  assert.equal((await facts(page, 'flower')).steps, hidden, 'no steps in a hidden tab');
  assert.deepEqual(problems, []);
});

test('attributes are read through the settings table: clamped with a notice, never a crash', async () => {
  const { page, problems } = await openPost();
  await page.evaluate(() => {
    const element = document.createElement('neuranim-playground');
    element.id = 'odd';
    element.setAttribute('layers', '3,500');
    element.setAttribute('learning-rate', 'fast');
    element.setAttribute('dataset', '<img src=x onerror=alert(1)>');
    document.querySelector('.post').prepend(element);
  });
  await page.waitForFunction(() => document.getElementById('odd').snapshot());
  const odd = await facts(page, 'odd');
  assert.deepEqual(odd.sizes, [2, 3, 64, 1]);
  const notice = await page.locator('#odd').locator('.notice').textContent();
  assert.match(notice, /layer 2 of 500 neurons; using 64/);
  assert.match(notice, /'fast' is not a number/);
  assert.match(notice, /is not one of/);
  assert.equal(await page.locator('#odd').locator('img').count(), 0);
  assert.deepEqual(problems, []);
});

test('the layers attribute sets the hidden layers, and a post\'s CSS reset for [hidden] leaves the element shown', async () => {
  const { page, problems } = await openPost();
  await page.evaluate(() => {
    const reset = document.createElement('style');
    reset.textContent = '[hidden] { display: none !important; }';
    document.head.append(reset);
    const element = document.createElement('neuranim-playground');
    element.id = 'layered';
    element.setAttribute('layers', '4,2');
    document.querySelector('.post').prepend(element);
  });
  await page.waitForFunction(() => document.getElementById('layered').snapshot());
  assert.deepEqual((await facts(page, 'layered')).sizes, [2, 4, 2, 1]);
  const box = await page.locator('#layered').boundingBox();
  assert.ok(box.width > 200 && box.height > 200, `${box.width}×${box.height}`);
  assert.deepEqual(problems, []);
});

test('with the graph, a figure is two panels side by side where there is room, in every engine', async () => {
  const { page, problems } = await openPost({ viewport: { width: 1200, height: 900 } });
  await page.evaluate(() => {
    const room = document.createElement('div');
    room.style.width = '900px';
    const element = document.createElement('neuranim-playground');
    element.id = 'wide';
    element.setAttribute('parts', 'graph');
    room.append(element);
    document.body.prepend(room);
  });
  await page.waitForFunction(() => document.getElementById('wide').snapshot());
  const { host, plot, graph } = await page.evaluate(() => {
    const element = document.getElementById('wide');
    const box = (e) => { const { x, y, width, height } = e.getBoundingClientRect(); return { x, y, width, height }; };
    return { host: box(element), plot: box(element.shadowRoot.querySelector('.plot')), graph: box(element.shadowRoot.querySelector('.graph-box')) };
  });
  assert.equal(host.width, 900, 'as wide as its room allows, up to 900 px');
  assert.ok(graph.x >= plot.x + plot.width && Math.abs(graph.y - plot.y) < 1, `the graph beside the data: ${JSON.stringify({ plot, graph })}`);
  assert.deepEqual(problems, []);
});

test('HTML\'s hidden attribute hides the element, and one that reads as layer sizes is explained on the console', async () => {
  const { page, problems } = await openPost();
  const warnings = [];
  page.on('console', (m) => ['warning', 'warn'].includes(m.type()) && warnings.push(m.text()));
  await page.evaluate(() => {
    const element = document.createElement('neuranim-playground');
    element.id = 'meant-layers';
    element.setAttribute('hidden', '8,8');
    document.querySelector('.post').prepend(element);
  });
  await page.waitForFunction(() => document.getElementById('meant-layers').snapshot());
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('meant-layers')).display), 'none', 'not shown');
  assert.ok(warnings.some((text) => /hidden="8,8".*layers="8,8"/.test(text)), warnings.join('\n'));
  await page.evaluate(() => document.getElementById('meant-layers').removeAttribute('hidden'));
  const box = await page.locator('#meant-layers').boundingBox();
  assert.ok(box.width > 200 && box.height > 200, `shown once hidden is taken off: ${box.width}×${box.height}`);
  assert.deepEqual(problems, []);
});
