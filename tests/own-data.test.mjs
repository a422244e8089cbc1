// The reader's own data: points added, painted and erased on the plot and trained on; CSV
// out and back in; bad CSV files refused by line and field with the data kept.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { ARTIFACTS, boundaryShown, openPage, openSite, snapshot } from './support/browser.mjs';
import { downloaded } from './support/downloads.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const count = (page) => page.evaluate(() => window.neuranim.dataSize());

/** Page coordinates of the plot point (x1, x2). */
async function spot(page, x1, x2) {
  return page.evaluate(([x1, x2]) => {
    const box = document.querySelector('.plot').getBoundingClientRect();
    const [a, b, c, d] = window.neuranim.bounds();
    return { x: box.left + ((x1 - a) / (b - a)) * box.width, y: box.top + ((d - x2) / (d - c)) * box.height };
  }, [x1, x2]);
}

/** The boundary's colour at plot point (x1, x2): 'orange', 'blue' or 'unsure'. */
function sideAt(page, x1, x2) {
  return page.evaluate(([x1, x2]) => {
    const canvas = document.getElementById('boundary');
    const { data, width, height } = canvasPixels(canvas);
    const [a, b, c, d] = window.neuranim.bounds();
    const col = Math.floor(((x1 - a) / (b - a)) * width);
    const row = Math.floor(((d - x2) / (d - c)) * height);
    const [r, , bl] = data.slice((row * width + col) * 4, (row * width + col) * 4 + 3);
    return r > bl + 40 ? 'orange' : bl > r + 40 ? 'blue' : 'unsure';
  }, [x1, x2]);
}

test('points added, painted and erased on the plot are what the network trains on', async () => {
  const { page, problems } = await openPage(site, '#learningRate=0.5&speed=50');
  const generated = await count(page);
  // Into the edit mode; clear, then paint class 0 on the left and class 1 on the right.
  await page.click('#edit-data');
  await page.click('#clear-data');
  assert.equal(await count(page), 0);
  assert.match(await page.textContent('#notice'), /No points left/);
  for (const [label, x1] of [[0, -2.5], [1, 2.5]]) {
    await page.check(`#new-point-${label}`);
    const from = await spot(page, x1, -3);
    const to = await spot(page, x1, 3);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(from.x, from.y + ((to.y - from.y) * i) / 12);
    await page.mouse.up();
  }
  const painted = await count(page);
  assert.ok(painted >= 16 && painted < generated, `painted ${painted}`);
  assert.match(await page.textContent('#notice'), /your own points/);
  // A click adds one point.
  const click = await spot(page, 0, 0);
  await page.mouse.click(click.x, click.y);
  assert.equal(await count(page), painted + 1);
  // Right-click and drag erases what it passes over.
  const start = await spot(page, 2.5, -3);
  const end = await spot(page, 2.5, -1);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down({ button: 'right' });
  for (let i = 1; i <= 6; i++) await page.mouse.move(start.x, start.y + ((end.y - start.y) * i) / 6);
  await page.mouse.up({ button: 'right' });
  const left = await count(page);
  assert.ok(left < painted + 1 && left > painted / 2, `after erasing: ${left}`);
  assert.equal((await page.evaluate(() => window.neuranim.snapshot())).iteration, 0);
  // Training uses them: orange where class 0 was painted, blue where class 1 was.
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration >= 1500);
  await page.click('#play');
  await boundaryShown(page);
  assert.equal(await sideAt(page, -2.5, 2), 'orange');
  assert.equal(await sideAt(page, 2.5, 2), 'blue');
  assert.ok((await snapshot(page)).trainScore > 0.9);
  await page.screenshot({ path: `${ARTIFACTS}own-data.png` });
  assert.deepEqual(problems, []);
});

test('CSV out and back in gives the same points; bad files are refused by line and field', async () => {
  const { page, problems } = await openPage(site, '#dataset=spiral3&hidden=8&activation=relu&init=he');
  const download = await downloaded(page, () => page.click('#export-csv'));
  assert.equal(download.suggestedFilename(), 'neuranim-spiral3.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const points = await page.evaluate(() => window.neuranim.dataPoints());
  assert.match(csv, /^x1,x2,label\n/);

  const other = await openPage(site);
  await other.page.setInputFiles('#csv-file', { name: 'spiral.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await other.page.waitForFunction(() => document.getElementById('notice').textContent.includes('Imported'));
  assert.match(await other.page.textContent('#notice'), /Imported 300 points \(3 classes\) from spiral\.csv/);
  assert.deepEqual(await other.page.evaluate(() => window.neuranim.dataPoints()), points);
  assert.equal((await snapshot(other.page)).sizes.at(-1), 3);
  assert.equal(await other.page.locator('#class-picker input').count(), 3);
  // No data set stands for these points, and the link cannot carry them: both are said.
  const choice = () => other.page.evaluate(() => ({
    chosen: document.getElementById('setting-dataset').selectedOptions[0].textContent,
    pressed: [...document.querySelectorAll('.dataset-thumb[aria-pressed="true"]')].map((b) => b.dataset.dataset),
  }));
  assert.deepEqual(await choice(), { chosen: 'your points', pressed: [] });
  assert.match(await other.page.textContent('#notice'), /a link cannot hold them, but Save run keeps them/);

  const cases = [
    ['x,y,z\n1,2,0\n', /line 1: the header must be 'x1,x2,label'/],
    ['x1,x2,label\n1,2,0\n1,two,1\n', /line 3, field x2: 'two' is not a number/],
    ['x1,x2,label\n1,2,0\n3,4\n', /line 3: expected 3 fields/],
    ['x1,x2,label\n', /line 2: the file has a header but no points/],
    // A picture chosen by mistake: its first bytes are not UTF-8.
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /line 1: the file is not text/],
  ];
  for (const [text, message] of cases) {
    await other.page.setInputFiles('#csv-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await other.page.waitForFunction(() => document.getElementById('notice').textContent.includes('bad.csv was not imported'));
    assert.match(await other.page.textContent('#notice'), message);
    assert.deepEqual(await other.page.evaluate(() => window.neuranim.dataPoints()), points, 'the data is kept');
    await other.page.evaluate(() => { document.getElementById('notice').textContent = ''; });
  }
  // The data set the settings still name, picked again, replaces the points.
  await other.page.selectOption('#setting-dataset', 'flower');
  await other.page.waitForFunction(() => window.neuranim.dataPoints().length === 800);
  assert.deepEqual(await choice(), { chosen: 'flower', pressed: ['flower'] });
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});

test('the three-class spiral trains past 95 % accuracy in the page', async () => {
  const { page, problems } = await openPage(site, '#dataset=spiral3&hidden=16,16&activation=relu&init=he&optimizer=adam&learningRate=0.01&batchSize=10&speed=200');
  assert.equal((await snapshot(page)).sizes.at(-1), 3);
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().trainScore >= 0.95, null, { timeout: 60_000 });
  await page.click('#play');
  const s = await snapshot(page);
  assert.ok(s.trainScore >= 0.95, `accuracy ${s.trainScore} at iteration ${s.iteration}`);
  await page.screenshot({ path: `${ARTIFACTS}spiral3.png` });
  assert.deepEqual(problems, []);
});

test('on a touch screen a tap adds a point and a press held still erases', async () => {
  const { page, problems } = await openPage(site, '', { hasTouch: true });
  const touch = (type, { x, y }) => page.evaluate(([type, x, y]) => {
    document.querySelector('.plot').dispatchEvent(new PointerEvent(type, {
      pointerType: 'touch', pointerId: 7, button: 0, clientX: x, clientY: y, bubbles: true, cancelable: true,
    }));
  }, [type, x, y]);
  const before = await count(page);
  const empty = await spot(page, -4.5, 4.5);
  await page.click('#edit-data');
  await touch('pointerdown', empty);
  await touch('pointerup', empty);
  assert.equal(await count(page), before + 1, 'a tap adds');
  await touch('pointerdown', empty);
  // The finger held down: the gesture is itself a length of time.
  await page.waitForTimeout(700);
  await touch('pointerup', empty);
  assert.equal(await count(page), before, 'a long press erases');
  assert.deepEqual(problems, []);
});

test('outside the edit mode a stray click or swipe leaves the run alone, a click on a point still chooses it, and touch scrolls', async () => {
  const { page, problems } = await openPage(site, '');
  for (let i = 0; i < 5; i++) await page.click('#step');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration === 5);
  const points = await count(page);
  const empty = await spot(page, -4.5, 4.5);
  await page.mouse.click(empty.x, empty.y);
  // A swipe across the plot, as a finger would make it.
  await page.evaluate(([x, y]) => {
    const plot = document.querySelector('.plot');
    const send = (type, dy) => plot.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', pointerId: 9, button: 0, clientX: x, clientY: y + dy, bubbles: true, cancelable: true }));
    send('pointerdown', 0);
    for (let dy = 10; dy <= 200; dy += 10) send('pointermove', dy);
    send('pointerup', 200);
  }, [empty.x, empty.y]);
  assert.equal(await count(page), points);
  assert.equal((await snapshot(page)).liveIteration, 5);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.plot')).touchAction), 'manipulation');
  // A click on a data point opens its maths.
  const [x1, x2] = await page.evaluate(() => window.neuranim.dataPoints().slice(0, 2));
  const on = await spot(page, x1, x2);
  await page.mouse.click(on.x, on.y);
  await page.waitForFunction(() => window.neuranim.maths() !== null);
  assert.equal(await count(page), points);
  assert.deepEqual(problems, []);
});

test('undo and redo bring back the points and the run as they were, bit for bit', async () => {
  const { page, problems } = await openPage(site, '#speed=5');
  for (let i = 0; i < 7; i++) await page.click('#step');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration === 7);
  const state = () => page.evaluate(async () => ({ points: window.neuranim.dataPoints(), weights: await window.neuranim.weightsJson(), snapshot: window.neuranim.snapshot() }));
  const before = await state();
  // Choosing a class of new points turns the edit mode on.
  await page.check('#new-point-1');
  assert.equal(await page.getAttribute('#edit-data', 'aria-pressed'), 'true');
  const spotA = await spot(page, -4.2, 4.2);
  await page.mouse.click(spotA.x, spotA.y);
  await page.waitForFunction((n) => window.neuranim.dataSize() === n + 1, before.points.length / 2);
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration > 30);
  await page.click('#play');
  const edited = await state();
  assert.equal(await page.isDisabled('#undo'), false);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => window.neuranim.dataSize() === n, before.points.length / 2);
  assert.deepEqual(await state(), before);
  // Redo: the edited points and the run trained on them.
  await page.click('#redo');
  await page.waitForFunction((n) => window.neuranim.dataSize() === n + 1, before.points.length / 2);
  assert.deepEqual(await state(), edited);
  // Clear is an edit too.
  await page.click('#clear-data');
  await page.waitForFunction(() => window.neuranim.dataSize() === 0);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => window.neuranim.dataSize() === n + 1, before.points.length / 2);
  assert.deepEqual(await state(), edited);
  // Training goes on from a run brought back.
  await page.click('#step');
  await page.waitForFunction((n) => window.neuranim.snapshot().liveIteration === n + 1, edited.snapshot.liveIteration);
  assert.deepEqual(problems, []);
});

test('an undo brings back the learning rate its run trains with, in the control and the link', async () => {
  const { page, problems } = await openPage(site, '');
  const setRate = async (rate) => {
    await page.fill('#setting-learningRate', String(rate));
    await page.press('#setting-learningRate', 'Enter');
    await page.waitForFunction((rate) => window.neuranim.settings().learningRate === rate, rate);
  };
  for (let i = 0; i < 5; i++) await page.click('#step');
  await setRate(0.3);
  await page.check('#new-point-1');
  const { x, y } = await spot(page, 3.9, 3.9);
  await page.mouse.click(x, y);
  await page.waitForFunction(() => window.neuranim.dataSize() === 401);
  await setRate(0.05);
  await page.click('#undo');
  await page.waitForFunction(() => window.neuranim.dataSize() === 400);
  // The run kept before the edit trains at 0.3, and the page says so.
  assert.equal(await page.inputValue('#setting-learningRate'), '0.3');
  assert.equal((await page.evaluate(() => window.neuranim.settings())).learningRate, 0.3);
  assert.match(await page.evaluate(() => location.hash), /learningRate=0\.3(&|$)/);
  await page.click('#redo');
  await page.waitForFunction(() => window.neuranim.dataSize() === 401);
  assert.equal(await page.inputValue('#setting-learningRate'), '0.05');
  assert.deepEqual(problems, []);
});

test('labels read as values say their range and why whole numbers were not classes, and the colours span them', async () => {
  const { page, problems } = await openPage(site, '');
  const rows = Array.from({ length: 18 }, (_, i) => `${(i % 6) - 2.5},${Math.floor(i / 6) - 1},${i % 9}`);
  await page.setInputFiles('#csv-file', { name: 'nine.csv', mimeType: 'text/csv', buffer: Buffer.from(`x1,x2,label\n${rows.join('\n')}\n`) });
  await page.waitForFunction(() => document.getElementById('notice').textContent.includes('Imported'));
  assert.match(await page.textContent('#notice'), /Imported 18 points \(values from 0 to 8, a regression; as classes, labels run from 0 to 7\) from nine\.csv/);
  // The key and the points' colours span 0 to 8: the lowest and the highest label take the
  // scale's two ends, not one end's colour both.
  await page.waitForFunction(() => document.getElementById('legend').textContent.includes('8'));
  assert.match(await page.textContent('#legend'), /Predicted value\s*0\s*4\s*8/);
  const colourAt = async (x1, x2) => {
    const { x, y } = await spot(page, x1, x2);
    return page.evaluate(([x, y]) => {
      const canvas = document.getElementById('plot-overlay');
      const box = canvas.getBoundingClientRect();
      const ratio = canvas.width / box.width;
      return Array.from(canvas.getContext('2d').getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1).data);
    }, [x, y]);
  };
  // Label 0 at (−2.5, −1), 8 at (−0.5, 0), 7 at (−1.5, 0): orange, blue, and two different blues.
  const [zero, eight, seven] = [await colourAt(-2.5, -1), await colourAt(-0.5, 0), await colourAt(-1.5, 0)];
  assert.ok(zero[0] > zero[2] + 80 && eight[2] > eight[0] + 80, `label 0 ${zero}, label 8 ${eight}`);
  assert.notDeepEqual(seven, eight, 'labels 7 and 8 told apart');
  // New points take values across the same span, the lowest, the middle and the highest, and a
  // point added takes the value picked.
  const picker = () => page.$$eval('#class-picker label', (labels) => labels.map((l) => l.textContent));
  assert.deepEqual(await picker(), ['0', '+4', '+8']);
  await page.check('#new-point-8');
  const { x, y } = await spot(page, 1, 0.5);
  await page.mouse.click(x, y);
  await page.waitForFunction(() => window.neuranim.dataSize() === 19);
  assert.equal((await page.evaluate(() => window.neuranim.dataLabels())).at(-1), 8);
  await page.setInputFiles('#csv-file', { name: 'unit.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n0,0,-0.5\n1,1,0.25\n2,0,1\n') });
  await page.waitForFunction(() => document.getElementById('notice').textContent.includes('unit.csv'));
  assert.match(await page.textContent('#notice'), /Imported 3 points \(values from -0\.5 to 1, a regression\) from unit\.csv/);
  assert.deepEqual(await picker(), ['−1', '0', '+1']);
  assert.deepEqual(problems, []);
});
