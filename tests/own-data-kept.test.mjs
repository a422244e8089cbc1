// The reader's own points are never lost to a setting: noise leaves them alone, a data set
// that replaces them is an edit Undo takes back, a cleared plot stays cleared (and says
// nothing of the run it no longer shows) until the reader adds points or picks a data set,
// and undo reaches past settings changed since, bringing back each run with its settings.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { notice, openPage, openSite, snapshot } from './support/browser.mjs';
import { downloaded } from './support/downloads.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

/** Sixty points of three classes in three clumps, as a teacher's file might hold. */
const THREE_CLUMPS = ['x1,x2,label', ...Array.from({ length: 60 }, (_, i) => {
  const label = i % 3;
  const angle = (2 * Math.PI * label) / 3;
  const jitter = ((i * 7919) % 100) / 100 - 0.5;
  return `${(2 * Math.cos(angle) + jitter).toFixed(3)},${(2 * Math.sin(angle) - jitter).toFixed(3)},${label}`;
})].join('\n');

async function importClumps(page) {
  await page.setInputFiles('#csv-file', { name: 'clumps.csv', mimeType: 'text/csv', buffer: Buffer.from(THREE_CLUMPS) });
  await page.waitForFunction(() => /Imported 60 points/.test(document.getElementById('notice').textContent));
  return page.evaluate(() => window.neuranim.dataPoints());
}

const points = (page) => page.evaluate(() => window.neuranim.dataPoints());
const settings = (page) => page.evaluate(() => window.neuranim.settings());
const undoable = (page) => page.evaluate(() => !document.getElementById('undo').disabled);
const datasetShown = (page) => page.evaluate(() => document.getElementById('setting-dataset').selectedOptions[0].textContent);

async function setNumber(page, id, value) {
  await page.fill(id, value);
  await page.press(id, 'Enter');
}

test('noise leaves own points and their run alone; settings changed since do not stop Undo', async () => {
  const { page, problems } = await openPage(site, '#speed=20');
  const flower = await points(page);
  const own = await importClumps(page);
  await page.click('#step');
  await page.click('#step');
  await setNumber(page, '#setting-noise', '0.3');
  await page.waitForFunction(() => window.neuranim.settings().noise === 0.3);
  assert.deepEqual(await points(page), own);
  assert.equal((await snapshot(page)).iteration, 2, 'the run goes on');
  assert.match(await notice(page), /Noise shapes the generated data sets: it applies when you pick one, and your points stay as they are\./);
  assert.equal(await page.evaluate(() => document.getElementById('notice').classList.contains('info')), true);
  // A setting that starts a new run starts it on the same points, and Undo still reaches
  // back past it to the points before the import, with their run's settings.
  await page.selectOption('#setting-activation', 'relu');
  await page.waitForFunction(() => window.neuranim.settings().activation === 'relu');
  assert.deepEqual(await points(page), own);
  assert.equal(await datasetShown(page), 'your points');
  assert.equal(await undoable(page), true);
  await page.click('#undo');
  await page.waitForFunction(() => window.neuranim.dataPoints().length === 800);
  assert.deepEqual(await points(page), flower);
  assert.equal((await settings(page)).activation, 'tanh');
  assert.equal(await page.inputValue('#setting-activation'), 'tanh');
  await page.click('#redo');
  await page.waitForFunction(() => window.neuranim.dataPoints().length === 120);
  assert.deepEqual(await points(page), own);
  assert.equal((await settings(page)).activation, 'relu');
  assert.deepEqual(problems, []);
});

test('a data set picked over own points replaces them as an edit: said, and Undo brings them back', async () => {
  const { page, problems } = await openPage(site);
  const own = await importClumps(page);
  await page.click('#step');
  const before = await snapshot(page);
  await page.selectOption('#setting-dataset', 'circle');
  await page.waitForFunction(() => window.neuranim.settings().dataset === 'circle');
  assert.notDeepEqual(await points(page), own);
  assert.match(await notice(page), /Your points gave way to the circle data set: Undo \(Ctrl\+Z\) brings them back\./);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => window.neuranim.dataPoints().length === 120);
  assert.deepEqual(await points(page), own);
  assert.equal(await datasetShown(page), 'your points');
  const after = await snapshot(page);
  assert.equal(after.iteration, before.iteration);
  assert.equal(after.trainCost, before.trainCost);
  assert.deepEqual(problems, []);
});

test('a cleared plot stays cleared through settings and Reset, shows no numbers, and names its files "own"', async () => {
  const { page, problems } = await openPage(site);
  for (let i = 0; i < 30; i++) await page.click('#step');
  await page.click('#edit-data');
  await page.click('#clear-data');
  await page.waitForFunction(() => window.neuranim.dataSize() === 0);
  const readouts = () => page.evaluate(() => ['iteration', 'cost', 'accuracy', 'epoch'].map((id) => document.getElementById(id).textContent));
  assert.deepEqual(await readouts(), ['–', '–', '–', '–']);
  assert.equal(await datasetShown(page), 'your points');
  await page.selectOption('#setting-optimizer', 'adam');
  await page.waitForFunction(() => window.neuranim.settings().optimizer === 'adam');
  assert.equal(await page.evaluate(() => window.neuranim.dataSize()), 0, 'a setting leaves the plot cleared');
  assert.deepEqual(await readouts(), ['–', '–', '–', '–']);
  assert.match(await notice(page), /No points left: click the plot to add some, or pick a data set\./);
  await page.click('#reset');
  await page.keyboard.press('r');
  assert.equal(await page.evaluate(() => window.neuranim.dataSize()), 0, 'Reset leaves the plot cleared');
  // Nothing under the chart's pointer: there is no run to read.
  const chart = await page.locator('#chart').boundingBox();
  await page.mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2);
  assert.equal(await page.textContent('#chart-readout'), '');
  // Nothing of the run it no longer shows is played, stepped slowly, pictured, compared,
  // animated or replayed; its points' file is the reader's, named so, with no rows.
  for (const button of ['#slow', '#slow-step', '#save-png', '#compare', '#save-gif']) {
    await page.evaluate(() => { document.getElementById('notice').textContent = ''; });
    await page.click(button);
    await page.waitForFunction(() => /^No points to train on/.test(document.getElementById('notice').textContent));
  }
  assert.equal(await page.evaluate(() => document.querySelector('dialog[open]') === null && document.documentElement.dataset.phase === undefined), true);
  assert.equal((await settings(page)).speed, 10, 'Slow left the speed alone');
  const timeline = await page.evaluate(() => ['scrubber', 'replay-back', 'replay-forward', 'go-live', 'continue-here'].map((id) => document.getElementById(id).disabled));
  assert.deepEqual(timeline, [true, true, true, true, true]);
  const csv = await downloaded(page, () => page.click('#export-csv'));
  assert.equal(csv.suggestedFilename(), 'neuranim-own.csv');
  // Undo brings back the points and the run the Clear took, with its settings.
  await page.click('#undo');
  await page.waitForFunction(() => window.neuranim.dataSize() === 400);
  assert.equal((await snapshot(page)).iteration, 30);
  assert.equal((await settings(page)).optimizer, 'gd');
  assert.equal(await page.textContent('#iteration'), '30');
  // Points added to a cleared plot train as own points.
  await page.click('#redo');
  await page.waitForFunction(() => window.neuranim.dataSize() === 0);
  await page.click('#new-point-1');
  const box = await page.locator('.plot').boundingBox();
  await page.mouse.click(box.x + box.width / 3, box.y + box.height / 2);
  await page.waitForFunction(() => window.neuranim.dataSize() === 1);
  assert.equal(await page.textContent('#iteration'), '0');
  assert.equal((await settings(page)).optimizer, 'adam');
  // A data set picked fills the plot again, as an edit Undo takes back.
  await page.selectOption('#setting-dataset', 'flower');
  await page.waitForFunction(() => window.neuranim.dataSize() === 400);
  assert.match(await notice(page), /Your points gave way to the flower data set/);
  assert.deepEqual(problems, []);
});

test('files of own points are named "own": the run and the picture as CSV out was', async () => {
  const { page, problems } = await openPage(site);
  await importClumps(page);
  const run = await downloaded(page, () => page.click('#save-run'));
  assert.equal(run.suggestedFilename(), 'neuranim-own-0.json');
  const png = await downloaded(page, () => page.click('#save-png'));
  assert.equal(png.suggestedFilename(), 'neuranim-own-0.png');
  assert.deepEqual(problems, []);
});

test('a run file opened over own points is an edit too: said, and Undo brings the points back with "your points" shown', async () => {
  const { page, problems } = await openPage(site, '#dataset=xor');
  const saved = await downloaded(page, () => page.click('#save-run'));
  const file = await readFile(await saved.path());
  const own = await importClumps(page);
  await page.setInputFiles('#run-file', { name: 'xor.json', mimeType: 'application/json', buffer: file });
  await page.waitForFunction(() => /Opened xor\.json/.test(document.getElementById('notice').textContent));
  assert.match(await notice(page), /Undo \(Ctrl\+Z\) brings back your points\./);
  assert.equal(await datasetShown(page), 'xor');
  await page.click('#undo');
  await page.waitForFunction(() => window.neuranim.dataPoints().length === 120);
  assert.deepEqual(await points(page), own);
  assert.equal(await datasetShown(page), 'your points');
  assert.deepEqual(problems, []);
});

/** The three-class spiral with class 2 picked and one point of it added by a click on the
 * plot, whose box is returned. */
async function spiralWithPointOfClass2() {
  const opened = await openPage(site, '#dataset=spiral3');
  const { page } = opened;
  await page.check('#new-point-2');
  const box = await page.locator('.plot').boundingBox();
  await page.mouse.click(box.x + 20, box.y + 20);
  await page.waitForFunction(() => window.neuranim.dataSize() === 301);
  return { ...opened, box };
}

test('Ctrl+Z undoes with the focus on a class just picked, and leaves a field of text its own undo', async () => {
  const { page, problems } = await spiralWithPointOfClass2();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'new-point-2');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => window.neuranim.dataSize() === 300);
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => window.neuranim.dataSize() === 301);
  await page.focus('#setting-seed');
  await page.keyboard.press('Control+z');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  assert.equal(await page.evaluate(() => window.neuranim.dataSize()), 301);
  assert.deepEqual(problems, []);
});

test('the class picked for new points comes back when Undo goes back through a regression', async () => {
  const { page, problems, box } = await spiralWithPointOfClass2();
  // A regression's data set over the reader's points: its picker offers values, not classes.
  await page.selectOption('#setting-dataset', 'plane');
  await page.waitForFunction(() => window.neuranim.settings().dataset === 'plane');
  assert.equal(await page.isVisible('#new-point-2'), false);
  await page.click('#undo');
  await page.waitForFunction(() => window.neuranim.dataSize() === 301);
  assert.equal(await page.isChecked('#new-point-2'), true);
  await page.mouse.click(box.x + 30, box.y + 20);
  await page.waitForFunction(() => window.neuranim.dataSize() === 302);
  assert.equal((await page.evaluate(() => window.neuranim.dataLabels())).at(-1), 2);
  assert.deepEqual(problems, []);
});
