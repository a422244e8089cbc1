// The time machine in the page: any past iteration shown exactly as it was live, the
// scrubber, replay, and continuing from a past iteration.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { ARTIFACTS, boundaryShown, openPage, openSite, snapshot, stepTo, weights } from './support/browser.mjs';
import { downloaded } from './support/downloads.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const boundarySample = (page) => page.evaluate(() => {
  const { data } = canvasPixels(document.getElementById('boundary'));
  return Array.from(data.filter((_, i) => i % 3001 === 0)).join();
});

test('a past iteration, sought, has the weights it had live, bit for bit', async () => {
  // Mini-batches with Adam, and a learning-rate change on the way.
  const { page, problems } = await openPage(site, '#hidden=8,8,8,8,8,8&init=xavier&optimizer=adam&learningRate=0.01&batchSize=10');
  const live = new Map();
  const marks = [0, 7, 333, 1234, 2000, 2621, 3000];
  for (const m of marks.slice(0, 4)) {
    await stepTo(page, m);
    live.set(m, await weights(page));
  }
  await page.fill('#setting-learningRate', '0.003');
  await page.press('#setting-learningRate', 'Enter');
  for (const m of marks.slice(4)) {
    await stepTo(page, m);
    live.set(m, await weights(page));
  }
  for (const m of [2621, 7, 3000, 1234, 0, 333, 2000]) {
    await page.evaluate((m) => window.neuranim.seek(m), m);
    const s = await snapshot(page);
    assert.equal(s.iteration, m);
    assert.equal(s.liveIteration, 3000);
    assert.equal(await weights(page), live.get(m), `iteration ${m}`);
  }
  assert.deepEqual(problems, []);
});

test('a past iteration is painted exactly as it was painted live', async () => {
  const { page, problems } = await openPage(site, '#hidden=5,3&init=xavier&learningRate=0.5');
  await stepTo(page, 400);
  await boundaryShown(page);
  const at400 = await boundarySample(page);
  await stepTo(page, 900);
  await boundaryShown(page);
  assert.notEqual(await boundarySample(page), at400);
  await page.evaluate(() => window.neuranim.seek(400));
  await boundaryShown(page);
  assert.equal(await boundarySample(page), at400);
  assert.deepEqual(problems, []);
});

test('the scrubber shows the past and returns to the live boundary; replay plays it back', async () => {
  const { page, problems } = await openPage(site, '#speed=50');
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration >= 1500);
  await page.click('#play');
  await boundaryShown(page);
  const liveBoundary = await boundarySample(page);
  const liveIteration = (await snapshot(page)).iteration;
  // Drag the scrubber to its start: iteration 0, a near-blank boundary.
  const box = await page.locator('#scrubber').boundingBox();
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
  await boundaryShown(page);
  const shown = await snapshot(page);
  assert.ok(shown.iteration < liveIteration / 10, `shown ${shown.iteration}`);
  assert.match(await page.textContent('#scrub-label'), /of/);
  assert.notEqual(await boundarySample(page), liveBoundary);
  await page.screenshot({ path: `${ARTIFACTS}time-machine.png` });
  // Replay forward moves through the recording.
  await page.selectOption('#replay-speed', '100');
  await page.click('#replay-forward');
  await page.waitForFunction((from) => window.neuranim.snapshot().iteration > from + 300, shown.iteration);
  await page.click('#replay-forward');
  // Backward too.
  const at = (await snapshot(page)).iteration;
  await page.click('#replay-back');
  await page.waitForFunction((from) => window.neuranim.snapshot().iteration < from, at);
  await page.click('#replay-back');
  // Live again: the same picture as before.
  await page.click('#go-live');
  await boundaryShown(page);
  assert.equal((await snapshot(page)).iteration, liveIteration);
  assert.equal(await page.textContent('#scrub-label'), 'live');
  assert.equal(await boundarySample(page), liveBoundary);
  assert.deepEqual(problems, []);
});

test('continue from here drops the later history after a confirm and trains on', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 400);
  await page.evaluate(() => window.neuranim.seek(100));
  const at100 = await weights(page);
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    dialog.dismiss();
  });
  await page.click('#continue-here');
  assert.match(asked, /iteration 100\?.*300 iterations/s);
  assert.equal((await snapshot(page)).liveIteration, 400, 'dismissed: nothing dropped');
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#continue-here');
  const s = await snapshot(page);
  assert.equal(s.iteration, 100);
  assert.equal(s.liveIteration, 100);
  assert.equal(await weights(page), at100);
  assert.equal(await page.evaluate(() => Number(document.getElementById('scrubber').max)), 100);
  await page.click('#step');
  assert.equal((await snapshot(page)).liveIteration, 101);
  assert.deepEqual(problems, []);
});

test('Step, Play or a slow step with a past iteration on show go back to the live run, and say so', async () => {
  const { page, problems } = await openPage(site, '#speed=1');
  await stepTo(page, 400);
  const live = await weights(page);
  const past = async () => {
    await page.evaluate(() => window.neuranim.seek(100));
    assert.equal((await snapshot(page)).iteration, 100);
  };
  const told = () => page.evaluate(() => ({ text: document.getElementById('notice').textContent, shown: !document.getElementById('notice').hidden }));
  await past();
  await page.click('#step');
  let s = await snapshot(page);
  assert.deepEqual([s.iteration, s.liveIteration], [401, 401], 'stepped from the live run');
  assert.deepEqual(await told(), { text: 'Back to the live run, at iteration 400, to train: "Continue from here" trains on from iteration 100 instead.', shown: true });
  // Live already: nothing to say, and the notice of before is not repeated for it.
  await page.evaluate(() => { document.getElementById('notice').hidden = true; });
  await page.click('#step');
  assert.equal((await told()).shown, false);
  await past();
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration > 402);
  await page.click('#play');
  assert.match((await told()).text, /^Back to the live run, at iteration 402, to train/);
  await past();
  await page.click('#slow-step');
  await page.waitForSelector('html[data-phase="forward"]');
  assert.match((await told()).text, /^Back to the live run, at iteration [\d,]+, to train/);
  await page.click('#phase-finish');
  s = await snapshot(page);
  assert.equal(s.iteration, s.liveIteration);
  assert.notEqual(await weights(page), live, 'the live run trained on');
  assert.deepEqual(problems, []);
});

test('a new learning rate with a past iteration on show goes back to the live run, shows it, and says so', async () => {
  const { page, problems } = await openPage(site, '#hidden=5,3&init=xavier&learningRate=0.5');
  await stepTo(page, 400);
  await page.evaluate(() => window.neuranim.seek(100));
  await page.fill('#setting-learningRate', '0.1');
  await page.press('#setting-learningRate', 'Enter');
  const s = await snapshot(page);
  assert.deepEqual([s.iteration, s.liveIteration], [400, 400]);
  const shown = await page.evaluate(() => ({
    readout: document.getElementById('iteration').textContent,
    label: document.getElementById('scrub-label').textContent,
    continueHere: document.getElementById('continue-here').disabled,
    notice: document.getElementById('notice').textContent,
    info: document.getElementById('notice').classList.contains('info'),
  }));
  assert.deepEqual(shown, {
    readout: '400', label: 'live', continueHere: true, info: true,
    notice: 'Back to the live run, at iteration 400, whose next updates take the new rate: "Continue from here" trains on from iteration 100 instead.',
  });
  assert.equal(await page.evaluate(() => window.neuranim.settings().learningRate), 0.1);
  assert.deepEqual(problems, []);
});

test('the scrubber keeps its length and place whatever its label says, so a click meant for its end finds it there, and its panel its height', async () => {
  // In presenter mode, whose larger type wraps the label soonest.
  const { page, problems } = await openPage(site, '#hidden=1&batchSize=1&speed=max&presenter=on', { viewport: { width: 1920, height: 1080 } });
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration > 2_000_000, null, { timeout: 120_000 });
  await page.click('#play');
  const track = () => page.evaluate(() => {
    const { left, right } = document.getElementById('scrubber').getBoundingClientRect();
    return { left, right, panel: document.querySelector('.timeline-panel').getBoundingClientRect().height, label: document.getElementById('scrub-label').textContent };
  });
  const live = await track();
  await page.evaluate(() => window.neuranim.seek(1234567));
  await page.waitForFunction(() => /^1,234,567 of 2,\d{3},\d{3}$/.test(document.getElementById('scrub-label').textContent));
  const past = await track();
  assert.deepEqual([past.left, past.right, past.panel], [live.left, live.right, live.panel], `"${live.label}", then "${past.label}"`);
  assert.deepEqual(problems, []);
});

test('beside the graph on a 1024×768 screen the scrubber keeps a usable length, and its label holds the longest it says', async () => {
  const { page, problems } = await openPage(site, '', { viewport: { width: 1024, height: 768 } });
  const seen = await page.evaluate(() => {
    const label = document.getElementById('scrub-label');
    const width = () => document.getElementById('scrubber').getBoundingClientRect().width;
    const before = width();
    label.textContent = '1,234,567 of 2,345,678';
    // Two lines at most, none cut.
    const lines = label.getBoundingClientRect().height / (1.2 * parseFloat(getComputedStyle(label).fontSize));
    const fits = label.scrollWidth <= label.clientWidth && lines < 2.5;
    return { before, after: width(), fits };
  });
  assert.ok(seen.before >= 130, `the scrubber is ${seen.before} px long`);
  assert.equal(seen.after, seen.before);
  assert.equal(seen.fits, true);
  assert.deepEqual(problems, []);
});

test('Live and Continue from here, pressed from the keyboard, leave the focus on the scrubber', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 300);
  page.on('dialog', (dialog) => dialog.accept());
  for (const button of ['#go-live', '#continue-here']) {
    await page.evaluate(() => window.neuranim.seek(100));
    await page.waitForFunction((id) => !document.querySelector(id).disabled, button);
    await page.focus(button);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector(id).disabled, button);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'scrubber', `after ${button}`);
  }
  assert.deepEqual(problems, []);
});

test('Animation… or Compare… opened while training plays shows the iteration it paused at, and the scrubber reaches it', async () => {
  const { page, problems } = await openPage(site, '#speed=100');
  for (const opener of ['#save-gif', '#compare']) {
    await page.click('#play');
    const from = await page.evaluate(() => window.neuranim.snapshot().iteration);
    await page.waitForFunction((from) => window.neuranim.snapshot().iteration > from + 200, from);
    await page.click(opener);
    // The dialog's module loads on its first use; training pauses as the dialog opens.
    await page.waitForSelector('dialog[open]');
    assert.equal(await page.textContent('#play'), 'Play');
    const live = await page.evaluate(() => window.neuranim.snapshot().liveIteration);
    const shown = await page.evaluate(() => ({ readout: document.getElementById('iteration').textContent, max: Number(document.getElementById('scrubber').max) }));
    assert.deepEqual(shown, { readout: live.toLocaleString('en-US'), max: live }, `after ${opener}`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  }
  assert.deepEqual(problems, []);
});

test('a long seek in a run opened from a file keeps the thumb where the reader put it and says it is replaying, then shows that iteration', async () => {
  // A wide network's mini-batches: its opened run replays its past from the first state.
  const { page, problems } = await openPage(site, '#hidden=64,64,64,64&batchSize=10&optimizer=adam&learningRate=0.001&speed=max');
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration >= 1500, null, { timeout: 60_000 });
  await page.click('#play');
  const download = await downloaded(page, () => page.evaluate(() => document.getElementById('save-run').click()));
  const file = await readFile(await download.path());
  await page.setInputFiles('#run-file', { name: 'long.json', mimeType: 'application/json', buffer: file });
  await page.waitForFunction(() => /Opened .*long\.json/.test(document.getElementById('notice').textContent));
  const live = (await snapshot(page)).liveIteration;
  // The seek starts in the input's task and goes on over the next frames.
  const target = Math.round(live * 0.9);
  const during = await page.evaluate((to) => {
    const scrubber = document.getElementById('scrubber');
    scrubber.value = String(to);
    scrubber.dispatchEvent(new Event('input'));
    return { value: scrubber.value, label: document.getElementById('scrub-label').textContent, shown: window.neuranim.snapshot().iteration };
  }, target);
  assert.notEqual(during.shown, target, 'a seek this long takes more than one task');
  assert.equal(during.value, String(target));
  assert.equal(during.label, `replaying to ${target.toLocaleString('en-US')}…`);
  await page.waitForFunction((to) => window.neuranim.snapshot().iteration === to, target, { timeout: 60_000 });
  await page.waitForFunction((to) => document.getElementById('scrub-label').textContent.startsWith(`${to.toLocaleString('en-US')} of`), target);
  assert.equal(await page.inputValue('#scrubber'), String(target));
  assert.deepEqual(problems, []);
  await page.context().close();
});
