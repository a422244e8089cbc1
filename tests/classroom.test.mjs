// What a class meets: news told apart from warnings, a run that says where it stopped, the
// time machine's buttons that say when they have nothing to do, labels that are never cut,
// readouts that say what they lack, skip links to every panel, and a Slow button.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { frames, openPage, openSite, snapshot } from './support/browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const noticeTone = (page) => page.evaluate(() => {
  const notice = document.getElementById('notice');
  return { text: notice.textContent, info: notice.classList.contains('info'), hidden: notice.hidden };
});

test('news is told apart from warnings, and a run says where it stopped', async () => {
  const { page, problems } = await openPage(site, '#iterations=20&speed=1');
  await page.click('#play');
  await page.waitForFunction(() => document.getElementById('play').textContent === 'Play' && window.neuranim.snapshot().liveIteration === 20);
  const stopped = await noticeTone(page);
  assert.match(stopped.text, /Stopped at iteration 20/);
  assert.equal(stopped.info, true);
  // Play again starts from 0, and the notice that the run stopped goes.
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration < 20);
  assert.equal((await noticeTone(page)).hidden, true);
  await page.waitForFunction(() => document.getElementById('play').textContent === 'Play' && window.neuranim.snapshot().liveIteration === 20);
  assert.match((await noticeTone(page)).text, /Stopped at iteration 20/);
  await page.fill('#setting-learningRate', '5000');
  await page.press('#setting-learningRate', 'Enter');
  const clamped = await noticeTone(page);
  assert.match(clamped.text, /above 100/);
  assert.equal(clamped.info, false);
  assert.deepEqual(problems, []);
});

test('the time machine\'s Live and Continue from here are disabled while live, and labels are never cut', async () => {
  const { page, problems } = await openPage(site, '');
  for (let i = 0; i < 40; i++) await page.click('#step');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration === 40);
  assert.equal(await page.isDisabled('#continue-here'), true);
  assert.equal(await page.isDisabled('#go-live'), true);
  await page.evaluate(() => window.neuranim.seek(10));
  await page.waitForFunction(() => !document.getElementById('continue-here').disabled);
  assert.equal(await page.isDisabled('#go-live'), false);
  // Nothing cut: every readout's name, the scrubber's label and the optimizer's choice.
  const cut = await page.evaluate(() => {
    const over = (e) => e.scrollWidth > e.clientWidth + 1;
    const names = [...document.querySelectorAll('.readouts dt, .readouts dd, #scrub-label')].filter(over).map((e) => e.id || e.textContent);
    const select = document.getElementById('setting-optimizer');
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = getComputedStyle(select).font;
    const longest = Math.max(...[...select.options].map((o) => ctx.measureText(o.textContent).width));
    return { names, select: select.clientWidth, longest };
  });
  assert.deepEqual(cut.names, []);
  assert.ok(cut.select >= cut.longest + 24, `the optimizer's ${cut.select} px for ${cut.longest} px of text`);
  assert.deepEqual(problems, []);
});

test('without a test set the test readouts say so; with one, they show numbers', async () => {
  const { page, problems } = await openPage(site, '');
  await page.click('#step');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration === 1);
  assert.equal(await page.textContent('#test-cost'), 'no test set');
  assert.equal(await page.textContent('#test-accuracy'), 'no test set');
  await page.fill('#setting-testRatio', '0.2');
  await page.press('#setting-testRatio', 'Enter');
  await page.click('#step');
  await page.waitForFunction(() => /^\d/.test(document.getElementById('test-cost').textContent));
  assert.match(await page.textContent('#test-accuracy'), /%$/);
  assert.deepEqual(problems, []);
});

test('skip links reach every panel from the first Tab stops', async () => {
  const { page, problems } = await openPage(site, '');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the data');
  assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().left >= 0), 'shown once focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'panel-data');
  for (const [label, id] of [['Skip to the network', 'panel-network'], ['Skip to the settings', 'panel-settings']]) {
    await page.evaluate((label) => [...document.querySelectorAll('[data-skip]')].find((b) => b.textContent === label).focus(), label);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), id);
  }
  assert.deepEqual(problems, []);
});

test('Slow plays a few updates a second, and again goes back to the speed before', async () => {
  const { page, problems } = await openPage(site, '#speed=100');
  await page.click('#slow');
  assert.equal(await page.textContent('#play'), 'Pause');
  assert.equal(await page.inputValue('#setting-speed'), '0.05');
  const from = (await snapshot(page)).liveIteration;
  await frames(page, 60);
  const moved = (await snapshot(page)).liveIteration - from;
  assert.ok(moved >= 1 && moved <= 8, `${moved} updates in 60 frames`);
  await page.click('#slow');
  assert.equal(await page.inputValue('#setting-speed'), '100');
  assert.deepEqual(problems, []);
});

test('the chart reads out the iteration under the pointer, and prints the cost every 1,000 iterations as the course does', async () => {
  const { page, problems } = await openPage(site, '#iterations=3000&speed=max');
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration === 3000 && document.getElementById('play').textContent === 'Play');
  // The pointer at the chart's right end: the last iteration's numbers.
  const box = await page.locator('#chart').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.waitForFunction(() => /iteration/.test(document.getElementById('chart-readout').textContent));
  const said = await page.textContent('#chart-readout');
  const snap = await snapshot(page);
  const [, iteration, cost] = said.match(/^iteration ([\d,]+)\ncost ([\d.]+)\naccuracy/);
  assert.equal(iteration, '3,000', said);
  assert.equal(cost, snap.trainCost.toFixed(6));
  // The course's printout: "Cost after iteration 0: 0.693048", 1000: 0.288083, 2000: 0.254385.
  await page.click('#cost-table-toggle');
  const rows = await page.$$eval('#cost-table tr', (trs) => trs.map((tr) => [tr.querySelector('th').textContent, tr.querySelector('td').textContent]));
  assert.deepEqual(rows.slice(0, 3), [['Cost after iteration 0', '0.693048'], ['Cost after iteration 1,000', '0.288083'], ['Cost after iteration 2,000', '0.254385']]);
  assert.equal(rows.length, 4);
  assert.deepEqual(problems, []);
});

test('the Playground\'s habits: data-set thumbnails, new data, sliders, and the shape edited on the graph', async () => {
  const { page, problems } = await openPage(site, '');
  const settings = () => page.evaluate(() => window.neuranim.settings());
  // A thumbnail per data set, the chosen one pressed; a click chooses another.
  assert.equal(await page.locator('.dataset-thumb').count(), 12);
  assert.equal(await page.getAttribute('.dataset-thumb[data-dataset="flower"]', 'aria-pressed'), 'true');
  await page.click('.dataset-thumb[data-dataset="noisy-moons"]');
  await page.waitForFunction(() => window.neuranim.settings().dataset === 'noisy-moons');
  assert.match(await page.evaluate(() => location.hash), /dataset=noisy-moons/);
  // New data: another seed, other points of the same kind.
  const before = await page.evaluate(() => window.neuranim.dataPoints().slice(0, 4));
  await page.click('#regenerate');
  await page.waitForFunction(() => window.neuranim.settings().seed !== 1);
  assert.notDeepEqual(await page.evaluate(() => window.neuranim.dataPoints().slice(0, 4)), before);
  // Sliders write the same fields as the text boxes, and are read aloud as the fields read.
  const spoken = (id) => page.getAttribute(id, 'aria-valuetext');
  assert.equal(await spoken('#slider-noise'), 'auto');
  await page.locator('#slider-noise').fill('10');
  await page.waitForFunction(() => window.neuranim.settings().noise === 0.5);
  assert.equal(await spoken('#slider-noise'), await page.inputValue('#setting-noise'));
  await page.locator('#slider-testRatio').fill('6');
  await page.waitForFunction(() => window.neuranim.settings().testRatio === 0.3);
  // The slider's last stop is "full", and the one before it a batch a little smaller than the
  // training set (0.7 of the points), so that one step down changes something.
  const stops = await page.evaluate(() => Number(document.getElementById('slider-batchSize').max));
  await page.locator('#slider-batchSize').fill(String(stops));
  await page.waitForFunction(() => window.neuranim.settings().batchSize === 'full');
  assert.equal(await spoken('#slider-batchSize'), 'full');
  await page.locator('#slider-batchSize').fill(String(stops - 1));
  await page.waitForFunction(() => typeof window.neuranim.settings().batchSize === 'number');
  const below = await page.evaluate(() => window.neuranim.settings().batchSize);
  const training = 0.7 * (await page.evaluate(() => window.neuranim.dataPoints().length / 2));
  assert.ok(below < training + 1 && below > 0.85 * training, `one stop below "full": a batch of ${below} of some ${training} points`);
  await page.locator('#slider-batchSize').fill('25');
  await page.waitForFunction(() => window.neuranim.settings().batchSize === 10);
  assert.equal(await page.inputValue('#setting-batchSize'), '10');
  assert.equal(await spoken('#slider-batchSize'), '10');
  // The shape on the graph: neurons, layers and input features.
  await page.click('button[aria-label="More neurons in hidden layer 1"]');
  await page.waitForFunction(() => window.neuranim.snapshot().sizes.join() === '2,5,1');
  await page.click('button[aria-label="Add a hidden layer"]');
  await page.waitForFunction(() => window.neuranim.snapshot().sizes.join() === '2,5,5,1');
  await page.click('button[aria-label="Input feature x₁²"]');
  await page.waitForFunction(() => window.neuranim.snapshot().sizes.join() === '3,5,5,1');
  assert.deepEqual((await settings()).features, ['x1', 'x2', 'x1Squared']);
  assert.match(await page.evaluate(() => location.hash), /hidden=5%2C5|hidden=5,5/);
  assert.deepEqual(problems, []);
});
