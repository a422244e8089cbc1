// Bad files, values and sequences a careless reader can make: each is refused or brought
// into range with a sentence naming it, what the sentence says is what trains, and the page
// goes on working; an error shown is left by Reset, a setting or another file.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { errorShown, notice, openPage, openSite, snapshot, stepOnce } from './support/browser.mjs';
import { downloaded } from './support/downloads.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const openRun = (page, name, text) => page.setInputFiles('#run-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
const importCsv = (page, name, text) => page.setInputFiles('#csv-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });

async function savedRun(page) {
  const download = await downloaded(page, () => page.click('#save-run'));
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

test('a run file counting past what a page can show is refused by field, and the run on show stays', async () => {
  const { page, problems } = await openPage(site, '');
  for (let i = 0; i < 3; i++) await stepOnce(page);
  const file = await savedRun(page);
  file.state.iteration = 9007199254740990;
  await openRun(page, 'far.json', JSON.stringify(file));
  await page.waitForFunction(() => /was not opened/.test(document.getElementById('notice').textContent));
  assert.match(await notice(page), /state\.iteration: 9007199254740990 is beyond/);
  assert.equal((await snapshot(page)).liveIteration, 3);
  await stepOnce(page);
  assert.equal(await errorShown(page), false);
  assert.deepEqual(problems, []);
});

test('values out of range in a run file: the notice says what is used, and that is what trains', async () => {
  const { page, problems } = await openPage(site, '');
  const file = await savedRun(page);
  Object.assign(file.settings, { learningRate: 5000, noise: 40, testRatio: 0.95, regularization: 'l2', regularizationRate: 500 });
  file.state.learningRate = 5000;
  await openRun(page, 'wild.json', JSON.stringify(file));
  await page.waitForFunction(() => /Opened wild\.json/.test(document.getElementById('notice').textContent));
  const said = await notice(page);
  for (const words of ['Noise: 40 is above 2; using 2', 'Test share: 0.95 is above 0.9; using 0.9', 'Regularisation rate: 500 is above 10; using 10', 'The learning rate in force: 5000']) {
    assert.ok(said.includes(words), `${words} in ${said}`);
  }
  // The rate is said once, as the one in force, not again as the settings' first.
  assert.ok(!said.includes('Learning rate: 5000'), said);
  const shown = await page.evaluate(() => window.neuranim.settings());
  assert.deepEqual([shown.learningRate, shown.noise, shown.testRatio, shown.regularizationRate], [100, 2, 0.9, 10]);
  // The core trains with what the controls show: a saved copy says so, settings and state.
  const saved = await savedRun(page);
  assert.deepEqual([saved.settings.learningRate, saved.settings.noise, saved.settings.testRatio, saved.settings.regularizationRate, saved.state.learningRate], [100, 2, 0.9, 10, 100]);
  assert.deepEqual(problems, []);
});

test('a run file whose first learning rate is out of range goes on at its rate in force, and says only that', async () => {
  const { page, problems } = await openPage(site, '');
  await stepOnce(page);
  const file = await savedRun(page);
  file.settings.learningRate = 1000;
  await openRun(page, 'first.json', JSON.stringify(file));
  await page.waitForFunction(() => /Opened first\.json/.test(document.getElementById('notice').textContent));
  const said = await notice(page);
  assert.equal(await page.inputValue('#setting-learningRate'), '1.2');
  assert.ok(!/Learning rate: 1000/.test(said), said);
  assert.deepEqual(problems, []);
});

test('a test share that would leave own points nothing to train on is refused, and the run goes on', async () => {
  const { page, problems } = await openPage(site, '');
  await importCsv(page, 'four.csv', 'x1,x2,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n');
  await page.waitForFunction(() => window.neuranim.dataSize() === 4);
  for (let i = 0; i < 2; i++) await stepOnce(page);
  await page.fill('#setting-testRatio', '0.9');
  await page.press('#setting-testRatio', 'Enter');
  await page.waitForFunction(() => /Test share: not changed/.test(document.getElementById('notice').textContent));
  assert.match(await notice(page), /no training points are left/);
  assert.equal(await page.inputValue('#setting-testRatio'), '0');
  assert.equal((await page.evaluate(() => window.neuranim.settings())).testRatio, 0);
  assert.equal((await snapshot(page)).liveIteration, 2);
  assert.equal(await errorShown(page), false);
  // Another setting still works on the same points.
  await page.fill('#setting-seed', '7');
  await page.press('#setting-seed', 'Enter');
  await page.waitForFunction(() => window.neuranim.settings().seed === 7);
  assert.equal(await page.evaluate(() => window.neuranim.dataSize()), 4);
  await stepOnce(page);
  assert.equal(await errorShown(page), false);
  assert.deepEqual(problems, []);
});

test('an error in a frame is shown, and Reset, a setting or another file leaves it', async () => {
  const { page, problems } = await openPage(site, '#speed=1');
  const breakTraining = () =>
    page.evaluate(async () => {
      const { Playground } = await import('./pkg/neuranim_wasm.js');
      window.unbroken ??= Playground.prototype.stepUnmeasured;
      Playground.prototype.stepUnmeasured = () => {
        throw new Error('injected');
      };
    });
  const mend = () => page.evaluate(() => import('./pkg/neuranim_wasm.js').then(({ Playground }) => (Playground.prototype.stepUnmeasured = window.unbroken)));
  const playUntilBroken = async () => {
    await breakTraining();
    await page.click('#play');
    await page.waitForFunction(() => !document.getElementById('error').hidden);
    assert.match(await page.locator('#error').textContent(), /injected/);
    assert.equal(await page.locator('#play').textContent(), 'Play');
    await mend();
  };
  const trainsAgain = async () => {
    assert.equal(await errorShown(page), false);
    const from = (await snapshot(page)).liveIteration;
    await page.click('#play');
    await page.waitForFunction((n) => window.neuranim.snapshot().liveIteration > n + 2, from);
    await page.click('#play');
  };

  await playUntilBroken();
  await page.click('#reset');
  await trainsAgain();

  await playUntilBroken();
  await page.fill('#setting-seed', '3');
  await page.press('#setting-seed', 'Enter');
  await trainsAgain();

  // A trap in the core (a panic) leaves its run borrowed: it can neither train nor be freed.
  await page.evaluate(async () => {
    const { Playground } = await import('./pkg/neuranim_wasm.js');
    window.unfreed = Playground.prototype.free;
    Playground.prototype.stepUnmeasured = () => {
      Playground.prototype.free = () => {
        throw new Error('recursive use of an object detected which would lead to unsafe aliasing in rust');
      };
      throw new WebAssembly.RuntimeError('unreachable');
    };
  });
  await page.click('#play');
  await page.waitForFunction(() => !document.getElementById('error').hidden);
  await mend();
  await page.click('#reset');
  await page.evaluate(() => import('./pkg/neuranim_wasm.js').then(({ Playground }) => (Playground.prototype.free = window.unfreed)).then(() => undefined));
  await trainsAgain();

  await playUntilBroken();
  const file = await savedRun(page);
  await openRun(page, 'good.json', JSON.stringify(file));
  await page.waitForFunction(() => /Opened good\.json/.test(document.getElementById('notice').textContent));
  await trainsAgain();
  assert.deepEqual(problems.filter((p) => !p.includes('injected')), []);
});

test('a diverged run goes back to its last healthy iteration, and a smaller rate trains on from there', async () => {
  const { page, problems } = await openPage(site, '#activation=linear&init=xavier&learningRate=100&speed=1');
  await page.click('#play');
  await page.waitForFunction(() => /diverged at iteration/.test(document.getElementById('notice').textContent));
  assert.equal(await page.locator('#play').textContent(), 'Play');
  const said = await notice(page);
  const [, back] = said.match(/went back to iteration (\d+)/);
  const shown = await snapshot(page);
  assert.equal(shown.liveIteration, Number(back));
  assert.equal(shown.diverged, said);
  assert.ok(shown.layers.every((l) => [...l.weights.flat(), ...l.biases].every((p) => Math.abs(p) <= 1e4)));
  // Play again at the same rate diverges again: the same notice flashes and is read again,
  // so that Play is seen to act.
  const announced = await page.textContent('#announcer');
  await page.click('#play');
  await page.waitForSelector('#notice.again');
  assert.equal(await notice(page), said);
  assert.notEqual(await page.textContent('#announcer'), announced);
  assert.equal(await page.locator('#play').textContent(), 'Play');
  await page.fill('#setting-learningRate', '0.001');
  await page.press('#setting-learningRate', 'Enter');
  await page.click('#play');
  await page.waitForFunction((n) => window.neuranim.snapshot().liveIteration > n + 20, Number(back));
  await page.click('#play');
  const after = await snapshot(page);
  assert.equal(after.diverged ?? null, null);
  assert.ok(Number.isFinite(after.trainCost));
  assert.equal(await errorShown(page), false);
  assert.deepEqual(problems, []);
});

test('continuing from a past iteration goes on with the rate in force there, and the control shows it', async () => {
  const { page, problems } = await openPage(site, '');
  for (let i = 0; i < 4; i++) await stepOnce(page);
  await page.fill('#setting-learningRate', '0.5');
  await page.press('#setting-learningRate', 'Enter');
  for (let i = 0; i < 4; i++) await stepOnce(page);
  await page.evaluate(() => window.neuranim.seek(2));
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#continue-here');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration === 2);
  assert.equal(await page.inputValue('#setting-learningRate'), '1.2');
  assert.equal(await notice(page), 'Training goes on from iteration 2 at the learning rate it had there, 1.2, not 0.5.');
  const saved = await savedRun(page);
  assert.equal(saved.state.learningRate, 1.2);
  assert.deepEqual(problems, []);
});

test('Clear clears what trains and what is written: nothing plays, steps or is saved, CSV out has no rows', async () => {
  const { page, problems } = await openPage(site, '');
  await stepOnce(page);
  await page.click('#edit-data');
  await page.click('#clear-data');
  await page.waitForFunction(() => window.neuranim.dataSize() === 0);
  for (const id of ['#play', '#step', '#step-epoch']) {
    await page.click(id);
    assert.match(await notice(page), /No points to train on/);
  }
  assert.equal(await page.locator('#play').textContent(), 'Play');
  assert.equal((await snapshot(page)).liveIteration, 1);
  const download = await downloaded(page, () => page.click('#export-csv'));
  assert.deepEqual((await readFile(await download.path(), 'utf8')).trim().split('\n'), ['x1,x2,label']);
  assert.deepEqual(problems, []);
});

test('an export owns the page: keys wait, and a new link cancels it cleanly', async () => {
  const { page, problems } = await openPage(site, '');
  await page.evaluate(() => {
    for (let i = 0; i < 300; i++) document.getElementById('step').click();
  });
  const startExport = async () => {
    await page.click('#save-gif');
    await page.fill('#gif-frames', '300');
    await page.click('#gif-start');
    await page.waitForFunction(() => /Frame \d+ of 300/.test(document.getElementById('gif-status').textContent));
  };
  await startExport();
  // The page's shortcuts do nothing under the dialog.
  await page.keyboard.press('r');
  await page.keyboard.press('ArrowRight');
  assert.equal((await snapshot(page)).liveIteration, 300);
  // A new link while it runs: the export stops, the new settings apply, the page trains.
  await page.evaluate(() => (location.hash = '#seed=5'));
  await page.waitForFunction(() => window.neuranim.settings().seed === 5);
  await page.waitForFunction(() => !document.getElementById('gif-dialog').open);
  assert.equal((await snapshot(page)).liveIteration, 0);
  await stepOnce(page);
  assert.equal(await errorShown(page), false);
  assert.deepEqual(problems, []);
});

test('where the network gives no number, the plot is grey and says so, never a class colour', async () => {
  const { page, problems } = await openPage(site, '#hidden=2&activation=linear');
  const file = await savedRun(page);
  // a1 = 1e308·x1 and a2 = −1e308·x1 overflow to ±∞ where |x1| > 1, and the output adds them:
  // ∞ − ∞ is NaN there, a number elsewhere.
  file.state.weights.layers[0].weights = [[1e308, 0], [-1e308, 0]];
  file.state.weights.layers[0].biases = [0, 0];
  file.state.weights.layers[1].weights = [[1, 1]];
  file.state.weights.layers[1].biases = [0];
  await openRun(page, 'overflow.json', JSON.stringify(file));
  await page.waitForFunction(() => document.getElementById('boundary').dataset.noValue === 'true');
  assert.equal(await page.locator('.no-value').isVisible(), true);
  const colourAt = (x1, x2) =>
    page.evaluate(([x1, x2]) => {
      const canvas = document.getElementById('boundary');
      const { data, width, height } = canvasPixels(canvas);
      const [a, b, c, d] = window.neuranim.bounds();
      const col = Math.floor(((x1 - a) / (b - a)) * width);
      const row = Math.floor(((d - x2) / (d - c)) * height);
      return Array.from(data.slice((row * width + col) * 4, (row * width + col) * 4 + 3));
    }, [x1, x2]);
  assert.deepEqual(await colourAt(3, 0), [0x8c, 0x8c, 0x8c]);
  assert.notDeepEqual(await colourAt(0.5, 0), [0x8c, 0x8c, 0x8c]);
  // A sound network again: the note goes.
  await page.click('#reset');
  await page.waitForFunction(() => document.getElementById('boundary').dataset.noValue === 'false');
  assert.equal(await page.locator('.no-value').isVisible(), false);
  assert.deepEqual(problems, []);
});

/** Puts a file made in the page (no bytes through the driver) into an input, as a reader
 * choosing it would. `rows` rows of x1,x2,label, each ended by `end`. */
function chooseMadeCsv(page, selector, name, rows, end = '\n') {
  return page.evaluate(([selector, name, rows, end]) => {
    const lines = ['x1,x2,label'];
    for (let i = 0; i < rows; i++) lines.push(`${((i % 997) / 997) * 8 - 4},${((i % 991) / 991) * 8 - 4},${i % 2}`);
    const transfer = new DataTransfer();
    transfer.items.add(new File([lines.join(end) + end], name, { type: 'text/csv' }));
    const input = document.querySelector(selector);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
  }, [selector, name, rows, end]);
}

test('a CSV file beyond the most points a run takes is refused by name, and the points on show stay', async () => {
  const { page, problems } = await openPage(site, '');
  await chooseMadeCsv(page, '#csv-file', 'million.csv', 1_000_000);
  await page.waitForFunction(() => /was not imported/.test(document.getElementById('notice').textContent));
  assert.match(await notice(page), /million\.csv was not imported: more than 100,000 rows; a run trains on at most 100,000 points/);
  assert.equal(await page.evaluate(() => window.neuranim.dataSize()), 400);
  assert.equal(await page.locator('#file-progress').isVisible(), false);
  // Within the limit, a big file imports, and the page trains on it.
  await chooseMadeCsv(page, '#csv-file', 'many.csv', 60_000);
  await page.waitForFunction(() => /Imported 60,000 points/.test(document.getElementById('notice').textContent));
  await page.waitForFunction(() => window.neuranim.dataSize() === 60000);
  await stepOnce(page);
  assert.deepEqual(problems, []);
});

test('blank lines in a CSV file are no rows: the most points a run takes still import with a blank line after each', async () => {
  const { page, problems } = await openPage(site, '');
  await chooseMadeCsv(page, '#csv-file', 'spaced.csv', 100_000, '\r\n \r\n');
  await page.waitForFunction(() => /spaced\.csv/.test(document.getElementById('notice').textContent), null, { timeout: 60_000 });
  assert.match(await notice(page), /Imported 100,000 points/);
  assert.equal(await page.evaluate(() => window.neuranim.dataSize()), 100_000);
  assert.deepEqual(problems, []);
});

test('a picture worker that fails is said so, and the page paints on its own thread and trains', async () => {
  // The worker fails before the wasm has come, so that the page's start (which shows the
  // link's notices) must keep what the failure said.
  const broken = async (page) => {
    await page.route('**/raster-worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("broken on purpose");' }));
    await page.route('**/neuranim_wasm_bg.wasm', async (route) => {
      await page.waitForFunction(() => /painted on the page's own thread/.test(document.getElementById('notice')?.textContent));
      await route.continue();
    });
  };
  const { page, problems } = await openPage(site, '#speed=20', {}, { prepare: broken });
  await page.waitForFunction(() => /painted on the page's own thread/.test(document.getElementById('notice').textContent));
  await page.waitForFunction(() => document.getElementById('boundary').dataset.painter === 'page');
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration > 100);
  await page.click('#play');
  await page.waitForFunction(() => document.querySelector('.graph-atlas').width > 0);
  assert.equal(await errorShown(page), false);
  assert.deepEqual(problems.filter((p) => !/broken on purpose|raster-worker/.test(p)), []);
});

test('a save the browser refuses and a file that cannot be read are said, and the page goes on', async () => {
  const { page, problems } = await openPage(site, '');
  await stepOnce(page);
  await page.evaluate(() => {
    window.realObjectUrl = URL.createObjectURL;
    URL.createObjectURL = () => {
      throw new DOMException('the disk is full', 'QuotaExceededError');
    };
  });
  await page.click('#save-run');
  // The files module writes the run file's text, loaded on this first use.
  await page.waitForFunction(() => /was not saved/.test(document.getElementById('notice').textContent));
  assert.match(await notice(page), /neuranim-flower-1\.json was not saved: the disk is full/);
  await page.evaluate(() => (URL.createObjectURL = window.realObjectUrl));
  // A file whose bytes cannot be read.
  await page.evaluate(() => {
    const unreadable = new File(['{}'], 'gone.json', { type: 'application/json' });
    unreadable.text = () => Promise.reject(new DOMException('the file was moved', 'NotReadableError'));
    const input = document.getElementById('run-file');
    Object.defineProperty(input, 'files', { value: [unreadable], configurable: true });
    input.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => /gone\.json was not opened/.test(document.getElementById('notice').textContent));
  assert.match(await notice(page), /could not be read \(the file was moved\)/);
  assert.equal(await errorShown(page), false);
  await stepOnce(page);
  assert.deepEqual(problems, []);
});

test('a comparison or GIF worker that fails says so in its dialog, and the page goes on', async () => {
  const { page, problems } = await openPage(site, '');
  const broken = (route) => route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("broken on purpose");' });
  await page.route('**/compare-worker.js', broken);
  await page.route('**/gif-worker.js', broken);
  await page.click('#compare');
  await page.waitForFunction(() => /The comparison stopped/.test(document.getElementById('compare-status').textContent));
  await page.click('#compare-close');
  await stepOnce(page);
  await page.click('#save-gif');
  await page.fill('#gif-frames', '4');
  await page.click('#gif-start');
  await page.waitForFunction(() => /could not be made/.test(document.getElementById('gif-status').textContent));
  await page.click('#gif-cancel');
  await stepOnce(page);
  assert.equal(await errorShown(page), false);
  assert.deepEqual(problems.filter((p) => !/broken on purpose|-worker\.js/.test(p)), []);
});

test('a network too large for its points to be measured between two frames is refused, naming the way out', async () => {
  const { page, problems } = await openPage(site, '');
  await chooseMadeCsv(page, '#csv-file', 'five-thousand.csv', 5000);
  await page.waitForFunction(() => window.neuranim.dataSize() === 5000);
  await page.evaluate(() => (location.hash = '#hidden=64,64,64,64,64,64,64,64'));
  await page.waitForFunction(() => /Hidden layers: not changed/.test(document.getElementById('notice').textContent));
  assert.match(await notice(page), /5000 points through a network of \d+ weights and biases .* at most \d+ points for this network, or fewer neurons/);
  assert.deepEqual((await page.evaluate(() => window.neuranim.settings())).hidden, [4]);
  assert.equal(await page.evaluate(() => window.neuranim.dataSize()), 5000);
  await stepOnce(page);
  assert.deepEqual(problems, []);
});

test('a link asking for a data set too large for its network opens on that network with the usual data set, and says why', async () => {
  const { page, problems } = await openPage(site, '#dataset=multi-gaussian&hidden=64,64,64,64,64,64,64,64');
  assert.equal(await errorShown(page), false);
  const settings = await page.evaluate(() => window.neuranim.settings());
  assert.deepEqual([settings.dataset, settings.hidden], ['flower', Array(8).fill(64)]);
  assert.match(await notice(page), /Data set: multi-gaussian was not used, since 1200 points through a network of 29377 weights.*; showing flower\./);
  // The link now says what is shown, and the run trains.
  assert.match(await page.evaluate(() => decodeURIComponent(location.hash)), /hidden=64,64,64,64,64,64,64,64/);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /multi-gaussian/);
  await stepOnce(page);
  assert.equal((await snapshot(page)).iteration, 1);
  assert.deepEqual(problems, []);
});
