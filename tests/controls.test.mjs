// The settings reach the model, links restore runs exactly, and divergence stops cleanly.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ARTIFACTS, frames, openPage, openSite, steps, weights } from './support/browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

test('a link restores the identical run: same weights after the same steps', async () => {
  const hash = '#dataset=xor&noise=0.1&testRatio=0.5&seed=5&hidden=3,2&init=xavier&learningRate=0.1&batchSize=10&optimizer=adam';
  const { page: a, problems } = await openPage(site, hash);
  await steps(a, 25);
  const url = a.url();
  const first = await weights(a);
  const { page: b } = await openPage(site, url.slice(url.indexOf('#')));
  await steps(b, 25);
  assert.equal(await weights(b), first);
  assert.equal(await b.inputValue('#setting-dataset'), 'xor');
  assert.equal(await b.inputValue('#setting-learningRate'), '0.1');
  assert.equal(await b.textContent('#setting-hidden .layer:nth-child(2) output'), '2');
  assert.deepEqual(problems, []);
});

test('every setting reaches the model', async () => {
  const { page, problems } = await openPage(site, '#dataset=circle&testRatio=0.5&batchSize=10&learningRate=0.1&regularizationRate=0.5');
  const after3 = async () => {
    await page.click('#reset');
    await steps(page, 3);
    return weights(page);
  };
  const base = await after3();
  const edits = [
    ['#setting-dataset', 'select', 'xor'],
    ['#setting-noise', 'text', '0.3'],
    ['#setting-testRatio', 'text', '0.3'],
    ['#setting-seed', 'text', '9'],
    ['#setting-activation', 'select', 'relu'],
    ['#setting-init', 'select', 'he'],
    ['#setting-learningRate', 'text', '0.5'],
    ['#setting-batchSize', 'text', '7'],
    ['#setting-optimizer', 'select', 'momentum'],
    ['#setting-regularization', 'select', 'l2'],
    ['#setting-regularizationRate', 'text', '0.9'],
  ];
  let previous = base;
  for (const [selector, kind, value] of edits) {
    if (kind === 'select') await page.selectOption(selector, value);
    else {
      await page.fill(selector, value);
      await page.press(selector, 'Enter');
    }
    const now = await after3();
    assert.notEqual(now, previous, `${selector} = ${value} did not change the model`);
    assert.match(await page.evaluate(() => location.hash), new RegExp(`${selector.replace('#setting-', '')}=`));
    previous = now;
  }
  await page.click('button[aria-label="Add a hidden layer"]');
  assert.deepEqual((await page.evaluate(() => window.neuranim.snapshot().sizes)), [2, 4, 4, 1]);
  await page.click('button[aria-label="More neurons in layer 2"]');
  assert.deepEqual((await page.evaluate(() => window.neuranim.snapshot().sizes)), [2, 4, 5, 1]);
  await page.click('button[aria-label="Remove the last hidden layer"]');
  assert.deepEqual((await page.evaluate(() => window.neuranim.snapshot().sizes)), [2, 4, 1]);
  assert.deepEqual(problems, []);
});

test('Step epoch makes one pass over the training set', async () => {
  // 250 training points in batches of 10: 25 updates an epoch.
  const { page } = await openPage(site, '#dataset=circle&testRatio=0.5&batchSize=10&learningRate=0.03');
  await steps(page, 3);
  await page.click('#step-epoch');
  let snap = await page.evaluate(() => window.neuranim.snapshot());
  assert.deepEqual([snap.iteration, snap.epoch], [25, 1]);
  await page.keyboard.press('Shift+ArrowRight');
  snap = await page.evaluate(() => window.neuranim.snapshot());
  assert.deepEqual([snap.iteration, snap.epoch], [50, 2]);
});

test('changing the learning rate while playing does not reset', async () => {
  const { page } = await openPage(site);
  await steps(page, 30);
  await page.fill('#setting-learningRate', '0.5');
  await page.press('#setting-learningRate', 'Enter');
  const snap = await page.evaluate(() => window.neuranim.snapshot());
  assert.equal(snap.iteration, 30);
});

test('out-of-range values in a link are clamped with a visible notice', async () => {
  const { page, problems } = await openPage(site, '#learningRate=500&hidden=2,99&dataset=nope&speed=abc');
  const notice = page.locator('#notice');
  await notice.waitFor({ state: 'visible' });
  const text = await notice.textContent();
  assert.match(text, /Learning rate: 500 is above 100/);
  assert.match(text, /layer 2 of 99 neurons; using 64/);
  assert.match(text, /Data set: 'nope' is not one of/);
  assert.match(text, /Updates per frame: 'abc' is neither 'max' nor a number/);
  assert.deepEqual(await page.evaluate(() => window.neuranim.snapshot().sizes), [2, 2, 64, 1]);
  // Read aloud through a live region that was in the page before the notice came, and only
  // there: the notice box itself is no live region, which would say it twice.
  assert.equal(await page.textContent('#announcer'), text);
  assert.equal(await page.getAttribute('#announcer', 'role'), 'status');
  assert.equal(await page.getAttribute('#notice', 'role'), null);
  const spoken = await page.evaluate(() => {
    const box = document.getElementById('announcer').getBoundingClientRect();
    return { width: box.width, height: box.height, hidden: document.getElementById('announcer').hidden };
  });
  assert.deepEqual(spoken, { width: 1, height: 1, hidden: false });
  assert.deepEqual(problems, []);
});

test('a TensorFlow Playground link opens as its run here, its view toggles set, saying what differs', async () => {
  const link = '#activation=relu&batchSize=10&dataset=xor&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=20&networkShape=5,3'
    + '&seed=0.31416&showTestData=true&discretize=true&percTrainData=60&x=true&y=true&xTimesY=true&xSquared=false&ySquared=false&cosX=true'
    + '&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false';
  const { page, problems } = await openPage(site, link);
  const notice = page.locator('#notice');
  await notice.waitFor({ state: 'visible' });
  assert.equal(await notice.textContent(), 'A TensorFlow Playground link: its settings, with points and first weights drawn here (seed 31,416)\n'
    + 'Not carried over from the Playground: the input cos x₁');
  // Something was left out: a warning. A link that loses nothing is only news.
  assert.equal(await page.evaluate(() => document.getElementById('notice').classList.contains('info')), false);
  const { page: clean } = await openPage(site, '#networkShape=4,2&x=true&y=true');
  await clean.locator('#notice').waitFor({ state: 'visible' });
  assert.equal(await clean.evaluate(() => document.getElementById('notice').classList.contains('info')), true);
  assert.deepEqual(await page.evaluate(() => window.neuranim.snapshot().sizes), [3, 5, 3, 1]);
  assert.equal(await page.inputValue('#setting-dataset'), 'xor');
  assert.equal(await page.inputValue('#setting-activation'), 'relu');
  assert.ok(await page.isChecked('#show-test'));
  assert.ok(await page.isChecked('#discretize'));
  // The same run as this page's own link for those settings gives.
  await steps(page, 20);
  const own = '#dataset=xor&noise=0.2&testRatio=0.4&seed=31416&features=x1,x2,x1x2&hidden=5,3&activation=relu&init=xavier&learningRate=0.03&batchSize=10';
  const { page: same } = await openPage(site, own);
  await steps(same, 20);
  assert.equal(await weights(same), await weights(page));
  assert.deepEqual(problems, []);
});

test('a diverging deep net stops with a message and paints no NaN', async () => {
  const hash = '#dataset=plane&hidden=8,8,8,8,8,8&activation=relu&init=he&learningRate=10&speed=50';
  const { page, problems } = await openPage(site, hash);
  await page.click('#play');
  const notice = page.locator('#notice');
  await notice.waitFor({ state: 'visible', timeout: 20_000 });
  assert.match(await notice.textContent(), /diverged at iteration \d+.*smaller learning rate/s);
  assert.equal(await page.textContent('#play'), 'Play');
  const snap = await page.evaluate(() => window.neuranim.snapshot());
  const values = snap.layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
  assert.ok(values.every(Number.isFinite), 'weights stay finite');
  assert.ok(!/NaN|Infinity/.test(await page.textContent('.readouts')));
  // The last finite boundary stays on screen: every pixel painted and opaque.
  const painted = await page.evaluate(() => {
    const { data } = canvasPixels(document.getElementById('boundary'));
    return data.length > 0 && data.every((v, i) => i % 4 !== 3 || v === 255);
  });
  assert.ok(painted, 'the last finite boundary is still painted');
  await page.screenshot({ path: `${ARTIFACTS}diverged.png` });
  assert.deepEqual(problems, []);
});

test('keyboard: Space plays and pauses, every control is reachable by Tab', async () => {
  const { page } = await openPage(site);
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration > 0);
  await page.keyboard.press('Space');
  assert.equal(await page.textContent('#play'), 'Play');
  // A past iteration shown, so that the time machine's buttons have something to do.
  await page.evaluate(() => window.neuranim.seek(0));
  await page.waitForFunction(() => !document.getElementById('continue-here').disabled);
  const reached = new Set();
  const wanted = ['setting-dataset', 'setting-learningRate', 'setting-speed', 'play', 'step', 'reset', 'save-run', 'open-run',
    'save-png', 'save-gif', 'scrubber', 'continue-here', 'show-test', 'discretize', 'log-scale'];
  for (let i = 0; i < 200 && !wanted.every((id) => reached.has(id)); i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('aria-label') || ''));
  }
  for (const id of wanted) {
    assert.ok(reached.has(id), `${id} not reached by Tab`);
  }
  // Tab follows the eye across the columns: the controls, the data in the middle, then the
  // network, the chart and the time machine on the right.
  const order = [...reached];
  const at = (id) => order.indexOf(id);
  assert.ok(at('play') < at('show-test') && at('show-test') < at('log-scale') && at('log-scale') < at('scrubber'), order.join(' '));
});

test('a − or + pressed from the keyboard keeps the focus: pressed again, it adds again, and Space never falls through to Play', async () => {
  const { page, problems } = await openPage(site, '#hidden=4');
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  const neurons = () => page.evaluate(() => window.neuranim.settings().hidden[0]);
  for (const [label, key] of [['More neurons in layer 1', 'Enter'], ['More neurons in hidden layer 1', 'Enter'], ['Fewer neurons in hidden layer 1', 'Space']]) {
    await page.focus(`[aria-label="${label}"]`);
    const start = await neurons();
    const by = label.startsWith('More') ? 1 : -1;
    for (let press = 1; press <= 2; press++) {
      await page.keyboard.press(key);
      await page.waitForFunction((n) => window.neuranim.settings().hidden[0] === n, start + press * by);
      assert.equal(await focusedLabel(), label, `focus after press ${press} of ${label}`);
    }
  }
  assert.equal(await page.textContent('#play'), 'Play');
  assert.equal(await page.evaluate(() => window.neuranim.snapshot().iteration), 0);
  // At the most neurons + is disabled: focus stays among the layer's controls.
  const { page: full } = await openPage(site, '#hidden=63');
  await full.focus('[aria-label="More neurons in layer 1"]');
  await full.keyboard.press('Enter');
  await full.waitForFunction(() => window.neuranim.settings().hidden[0] === 64);
  assert.equal(await full.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Fewer neurons in layer 1');
  assert.deepEqual(problems, []);
});

test('multi-class and regression data sets paint, the chart titled by what it draws', async () => {
  for (const [hash, title] of [['#dataset=spiral3&hidden=16&activation=relu&init=he&learningRate=0.5', 'Cost and accuracy'], ['#dataset=multi-gaussian&hidden=8,8&init=xavier&learningRate=0.03&batchSize=10', 'Cost']]) {
    const { page, problems } = await openPage(site, hash);
    await steps(page, 5);
    const snap = await page.evaluate(() => window.neuranim.snapshot());
    assert.ok(Number.isFinite(snap.trainCost));
    assert.equal(await page.textContent('#chart-title'), title);
    assert.deepEqual(problems, []);
  }
});

test('hide flags hide exactly the named panels and controls; high contrast applies', async () => {
  const { page, problems } = await openPage(site, '#hide=settings,legend&contrast=high');
  assert.equal(await page.isVisible('[data-part="settings"]'), false);
  assert.equal(await page.isVisible('[data-part="legend"]'), false);
  assert.equal(await page.isVisible('[data-part="data"]'), true);
  assert.equal(await page.isVisible('#play'), true);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('high-contrast')));
  await page.screenshot({ path: `${ARTIFACTS}classroom.png` });
  const { page: other } = await openPage(site, '#hide=learningRate,presets');
  assert.equal(await other.isVisible('#setting-learningRate'), false);
  assert.equal(await other.isVisible('[data-part="presets"]'), false);
  assert.equal(await other.isVisible('#setting-dataset'), true);
  assert.deepEqual(problems, []);
});

test('autoplay starts training unless the reader prefers reduced motion', async () => {
  const { page } = await openPage(site, '#autoplay=on');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration > 0);
  assert.equal(await page.textContent('#play'), 'Pause');
  const { page: calm } = await openPage(site, '#autoplay=on', { reducedMotion: 'reduce' });
  await frames(calm, 30);
  assert.equal(await calm.evaluate(() => window.neuranim.snapshot().iteration), 0);
  assert.equal(await calm.textContent('#play'), 'Play');
});

test('the cost chart draws the run and its log scale', async () => {
  const { page, problems } = await openPage(site, '#speed=100');
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration > 500);
  await page.click('#play');
  const picture = () => page.evaluate(() => {
    const c = document.getElementById('chart');
    const data = canvasPixels(c).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && data[i] < 200) inked++;
    return { inked, sum: data.reduce((a, b) => (a + b) % 1000003, 0) };
  });
  const linear = await picture();
  assert.ok(linear.inked > 500, `the chart has ink: ${linear.inked}`);
  await page.check('#log-scale');
  const log = await picture();
  assert.notEqual(log.sum, linear.sum);
  assert.deepEqual(problems, []);
});

test('input feature toggles change the network\'s inputs, its graph and the link', async () => {
  const { page, problems } = await openPage(site, '#dataset=circle&hidden=&init=xavier&learningRate=0.1');
  const inputs = async () => (await page.evaluate(() => window.neuranim.snapshot())).sizes[0];
  assert.equal(await inputs(), 2);
  await page.check('#feature-x1Squared');
  await page.check('#feature-x2Squared');
  assert.equal(await inputs(), 4);
  await page.uncheck('#feature-x1');
  await page.uncheck('#feature-x2');
  assert.equal(await inputs(), 2);
  assert.match(await page.evaluate(() => location.hash), /features=x1Squared%2Cx2Squared|features=x1Squared,x2Squared/);
  assert.equal(await page.locator('.graph-neuron[data-kind="input"]').count(), 2);
  assert.match(await page.locator('.graph-input-name').first().textContent(), /x₁²/);
  // The squares make the circle linear: no hidden layer needed.
  await page.fill('#setting-speed', '200');
  await page.press('#setting-speed', 'Enter');
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().iteration >= 1500);
  await page.click('#play');
  assert.ok((await page.evaluate(() => window.neuranim.snapshot())).trainScore > 0.97);
  // The last feature left cannot be unticked.
  await page.uncheck('#feature-x2Squared');
  await page.locator('#feature-x1Squared').click();
  assert.equal(await page.isChecked('#feature-x1Squared'), true);
  assert.equal(await inputs(), 1);
  assert.deepEqual(problems, []);
});

test('presenter mode: larger type, only what a class watches, in the link, and back', async () => {
  const { page, problems } = await openPage(site);
  const fontSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await fontSize();
  await page.click('#present');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('presenter')));
  assert.ok((await fontSize()) > normal);
  assert.equal(await page.isVisible('.settings-panel'), false);
  assert.equal(await page.isVisible('.exports'), false);
  assert.equal(await page.isVisible('#play'), true);
  assert.equal(await page.isVisible('#boundary'), true);
  assert.match(await page.evaluate(() => location.hash), /presenter=on/);
  await page.click('#present');
  assert.equal(await page.isVisible('.settings-panel'), true);
  assert.equal(await fontSize(), normal);
  // A link opens straight into it.
  const linked = await openPage(site, '#presenter=on');
  assert.ok(await linked.page.evaluate(() => document.documentElement.classList.contains('presenter')));
  assert.deepEqual(problems, []);
  assert.deepEqual(linked.problems, []);
});
