// The lesson (lesson.html): the original post's story told with live figures, each a
// <neuranim-playground>. Every figure trains and paints both classes; the numbers are the
// course's (its printed costs and hidden-size accuracies, from its own notebook); the slow
// step and the GIF work inside the element; the one-file lesson works from file://.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ARTIFACTS, openPage, openSite } from './support/browser.mjs';
import { classInk } from './support/ink.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

const ready = (page) => page.waitForFunction(() => [...document.querySelectorAll('neuranim-playground')].every((e) => e.snapshot()), null, { timeout: 30_000 });

/** Plays a figure (on screen, since figures out of view pause) until it reaches `iteration`. */
async function playTo(page, selector, iteration) {
  const figure = page.locator(selector);
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('button.play').click();
  await page.waitForFunction(([s, n]) => document.querySelector(s).snapshot().iteration >= n, [selector, iteration], { timeout: 60_000 });
  await page.evaluate((s) => document.querySelector(s).setPlaying(false), selector);
}

const bothClasses = async (page, selector) => {
  // The boundary shown is the one last asked for.
  await page.waitForFunction((s) => {
    const c = document.querySelector(s).shadowRoot.querySelector('canvas.boundary');
    return c.dataset.requested !== undefined && c.dataset.requested === c.dataset.shown;
  }, selector);
  const ink = await page.evaluate(classInk, [selector, 'canvas.boundary']);
  assert.ok(ink.orange > ink.pixels * 0.05 && ink.blue > ink.pixels * 0.05, `${selector}: ${JSON.stringify(ink)}`);
};

test('the lesson loads without an error or a request elsewhere, and each figure links to its run on the full page', async () => {
  const { page, problems } = await openPage(site, 'lesson.html');
  await ready(page);
  const links = await page.evaluate(() => [...document.querySelectorAll('a.figure-link, .figure-link a')].map((a) => a.getAttribute('href')));
  assert.equal(links.length, await page.locator('neuranim-playground').count());
  assert.ok(links.includes('index.html#hidden=none&iterations=2000&speed=20'), links.join(' '));
  assert.ok(links.every((href) => href.startsWith('index.html')));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('logistic regression stays below 60 %; the course\'s network passes 88 % at 10,000 with the course\'s printed costs', async () => {
  const { page, problems } = await openPage(site, 'lesson.html');
  await ready(page);
  await playTo(page, '#figure-linear', 2000);
  const linear = await page.evaluate(() => document.querySelector('#figure-linear').snapshot());
  assert.ok(linear.trainScore < 0.6, `no hidden layer: ${linear.trainScore}`);
  await bothClasses(page, '#figure-linear');
  await playTo(page, '#figure-training', 10000);
  const trained = await page.evaluate(() => document.querySelector('#figure-training').snapshot());
  assert.equal(trained.iteration, 10000);
  assert.ok(trained.trainScore > 0.88, `4 neurons: ${trained.trainScore}`);
  await bothClasses(page, '#figure-training');
  // The course's printout against this run's: the same six digits to 7,000; from 8,000,
  // where the cost swings, within 5e-4 (as crates/core/tests/course.rs holds the core).
  await page.waitForFunction(() => [...document.querySelectorAll('#cost-table td.live')].every((td) => td.textContent !== '–'));
  const rows = await page.evaluate(() => [...document.querySelectorAll('#cost-table tbody tr')].map((tr) => [Number(tr.dataset.iteration), tr.cells[1].textContent, tr.cells[2].textContent, tr.cells[2].dataset.match]));
  for (const [iteration, course, live, match] of rows) {
    if (iteration <= 7000) assert.deepEqual([live, match], [course, 'exact'], `iteration ${iteration}`);
    else assert.ok(Math.abs(Number(live) - Number(course)) < 5e-4 && match === 'close', `iteration ${iteration}: ${live} against ${course}`);
  }
  // The scrubber shows the past: iteration 1000's cost, again.
  const scrubber = page.locator('#figure-training input.scrubber');
  await scrubber.evaluate((input) => {
    input.value = '1000';
    input.dispatchEvent(new Event('input'));
  });
  const past = await page.evaluate(() => document.querySelector('#figure-training').snapshot());
  assert.equal(past.iteration, 1000);
  assert.equal(past.trainCost.toFixed(6), '0.288083');
  // Said as the page says numbers, to the eye and to a screen reader.
  assert.equal(await page.evaluate(() => document.querySelector('#figure-training').shadowRoot.querySelector('.scrub-label').textContent), '1,000 of 10,000');
  assert.equal(await scrubber.getAttribute('aria-valuetext'), 'iteration 1,000 of 10,000');
  await page.locator('#lesson-4').screenshot({ path: `${ARTIFACTS}lesson-training.png` });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('every other figure trains and paints both class colours', async () => {
  const { page, problems } = await openPage(site, 'lesson.html');
  await ready(page);
  for (const [selector, iteration] of [['#figure-network', 1500], ['#figure-slow', 300], ['#figure-xor', 2000], ['#figure-circle', 2000], ['#figure-spiral', 1500], ['#figure-gif', 300]]) {
    await playTo(page, selector, iteration);
    await bothClasses(page, selector);
  }
  // Features and depth do what the text says.
  for (const selector of ['#figure-xor', '#figure-circle', '#figure-spiral']) {
    const { trainScore } = await page.evaluate((s) => document.querySelector(s).snapshot(), selector);
    assert.ok(trainScore > 0.9, `${selector}: ${trainScore}`);
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the hidden-size figures reach the course\'s accuracies at 5,000 iterations', async () => {
  const { page, problems } = await openPage(site, 'lesson.html');
  await ready(page);
  await page.locator('#multiples').scrollIntoViewIfNeeded();
  // Play all pauses them all too, and plays them on from where they were.
  const all = () => page.evaluate(() => [...document.querySelectorAll('#multiples neuranim-playground')].map((e) => e.playing));
  await page.click('#play-all');
  await page.waitForFunction(() => document.getElementById('play-all').textContent === 'Pause all');
  assert.deepEqual(await all(), Array(7).fill(true));
  await page.click('#play-all');
  await page.waitForFunction(() => document.getElementById('play-all').textContent === 'Play all');
  assert.deepEqual(await all(), Array(7).fill(false));
  await page.click('#play-all');
  await page.waitForFunction(() => [...document.querySelectorAll('#multiples neuranim-playground')].every((e) => e.snapshot().iteration === 5000), null, { timeout: 120_000 });
  await page.waitForFunction(() => document.getElementById('play-all').textContent === 'Play all');
  const shown = await page.evaluate(() => [...document.querySelectorAll('#multiples neuranim-playground')].map((e) => Number((100 * e.snapshot().trainScore).toFixed(2))));
  assert.deepEqual(shown, [67.5, 67.25, 90.75, 90.5, 91.25, 90, 90.25]);
  for (let n = 1; n <= 7; n++) await bothClasses(page, `#multiples figure:nth-child(${n}) neuranim-playground`);
  await page.waitForFunction(() => [...document.querySelectorAll('#multiples .accuracy')].every((s) => s.textContent.endsWith('at 5,000')));
  assert.equal(await page.textContent('#multiples figure:nth-child(3) .accuracy'), '90.75\u00a0% at 5,000');
  // The figure's own readout says the same number as the caption under it (67.25, not 67.3).
  assert.match(await page.locator('#multiples figure:nth-child(2) neuranim-playground .readout').textContent(), / · 67\.25\u00a0%$/);
  await page.locator('#lesson-5').screenshot({ path: `${ARTIFACTS}lesson-multiples.png` });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('on a phone Play all keeps its button in view, and the figures below the screen train too, to the course\'s accuracies', async () => {
  const { page, problems } = await openPage(site, 'lesson.html', { viewport: { width: 390, height: 844 } });
  await ready(page);
  await page.locator('#play-all').scrollIntoViewIfNeeded();
  await page.click('#play-all');
  await page.waitForFunction(() => document.getElementById('play-all').textContent === 'Pause all');
  const button = await page.evaluate(() => {
    const { top, bottom } = document.getElementById('play-all').getBoundingClientRect();
    return { top, bottom, height: innerHeight };
  });
  assert.ok(button.top >= 0 && button.bottom <= button.height, `Play all at ${button.top}–${button.bottom} of ${button.height}`);
  // The last figure is out of view on a phone: the reader asked for all seven, and all train
  // to the end, where the button says Play all again.
  const last = await page.evaluate(() => document.querySelector('#multiples figure:last-child neuranim-playground').getBoundingClientRect().top);
  assert.ok(last > 844, `the last figure at ${last}`);
  await page.waitForFunction(() => [...document.querySelectorAll('#multiples neuranim-playground')].every((e) => e.snapshot().iteration === 5000), null, { timeout: 120_000 });
  await page.waitForFunction(() => document.getElementById('play-all').textContent === 'Play all');
  const shown = await page.evaluate(() => [...document.querySelectorAll('#multiples neuranim-playground')].map((e) => Number((100 * e.snapshot().trainScore).toFixed(2))));
  assert.deepEqual(shown, [67.5, 67.25, 90.75, 90.5, 91.25, 90, 90.25]);
  // A figure played on its own still pauses out of view.
  assert.equal(await page.evaluate(() => document.getElementById('figure-training').playsOutOfView), false);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the lesson\'s slow step goes through the four phases, highlights the chosen point\'s maths, and ends one iteration on', async () => {
  const { page, problems } = await openPage(site, 'lesson.html');
  await ready(page);
  await playTo(page, '#figure-slow', 200);
  const from = await page.evaluate(() => document.querySelector('#figure-slow').snapshot().iteration);
  await page.evaluate(() => {
    window.phases = [];
    new MutationObserver((records) => {
      for (const r of records) window.phases.push(r.oldValue);
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-phase'], attributeOldValue: true });
  });
  // A point clicked on the plot shows its maths under the figure.
  const { x, y } = await page.evaluate(() => {
    const figure = document.querySelector('#figure-slow');
    figure.scrollIntoView({ block: 'center' });
    const points = figure.playground.trainPoints();
    const [a, b, c, d] = figure.playground.bounds();
    const box = figure.shadowRoot.querySelector('.plot').getBoundingClientRect();
    return { x: box.left + ((points[0] - a) / (b - a)) * box.width, y: box.top + ((d - points[1]) / (d - c)) * box.height };
  });
  await page.mouse.click(x, y);
  await page.locator('#figure-slow .maths-panel').waitFor({ state: 'visible' });
  const lit = () => page.evaluate(() => [...document.querySelector('#figure-slow').shadowRoot.querySelectorAll('.maths-row')]
    .filter((row) => getComputedStyle(row.querySelector('.maths-name')).backgroundColor !== 'rgba(0, 0, 0, 0)')
    .map((row) => row.dataset.name));
  assert.deepEqual(await lit(), []);
  // Two seconds a phase: time to read each phase's highlighting while it lasts.
  await page.locator('#figure-slow .slow-step-speed').selectOption('2');
  await page.locator('#figure-slow .slow-step').click();
  await page.waitForSelector('html[data-phase="cost"]');
  assert.deepEqual((await lit()).sort(), ['Y', 'loss']);
  await page.waitForSelector('html[data-phase="backward"]');
  assert.ok((await lit()).includes('dW[1]'));
  await page.locator('#figure-slow').screenshot({ path: `${ARTIFACTS}lesson-slow-step.png` });
  await page.waitForFunction(() => window.phases.length === 5 && !document.documentElement.dataset.phase, null, { timeout: 30_000 });
  assert.deepEqual(await page.evaluate(() => window.phases.slice(1)), ['forward', 'cost', 'backward', 'update']);
  assert.equal(await page.evaluate(() => document.querySelector('#figure-slow').snapshot().iteration), from + 1);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the lesson\'s maths figure takes its point from the keyboard too: arrows on its plot, Escape to let go', async () => {
  const { page, problems } = await openPage(site, 'lesson.html');
  await ready(page);
  const chosen = () => page.evaluate(() => document.querySelector('#figure-slow').selected);
  await page.focus('#figure-slow .plot');
  await page.keyboard.press('ArrowRight');
  await page.locator('#figure-slow .maths-panel').waitFor({ state: 'visible' });
  const first = await chosen();
  const trained = await page.evaluate(() => Array.from(document.querySelector('#figure-slow').playground.trainPoints()));
  assert.ok(trained.some((v, i) => i % 2 === 0 && v === first.x1 && trained[i + 1] === first.x2), 'a training point is chosen');
  await page.keyboard.press('ArrowRight');
  assert.ok((await chosen()).x1 > first.x1);
  await page.keyboard.press('Escape');
  await page.locator('#figure-slow .maths-panel').waitFor({ state: 'hidden' });
  assert.equal(await chosen(), null);
  assert.deepEqual(problems, []);
});

test('on a phone the lesson\'s slow step never pulls its plot up from beat to beat: the caption keeps its tallest height', async () => {
  const { page, problems } = await openPage(site, 'lesson.html', { viewport: { width: 390, height: 844 } });
  await ready(page);
  await playTo(page, '#figure-slow', 100);
  await page.evaluate(() => {
    const plot = document.querySelector('#figure-slow').shadowRoot.querySelector('canvas.boundary');
    window.tops = [];
    new MutationObserver(() => {
      if (document.documentElement.dataset.phase) window.tops.push(plot.getBoundingClientRect().top + scrollY);
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-phase'] });
  });
  await page.locator('#figure-slow .slow-step-speed').selectOption('1');
  await page.locator('#figure-slow .slow-step').click();
  await page.waitForSelector('html[data-phase="update"]', { timeout: 30_000 });
  await page.waitForFunction(() => !document.documentElement.dataset.phase, null, { timeout: 30_000 });
  const tops = await page.evaluate(() => window.tops);
  assert.equal(tops.length, 4, `the plot's place at each beat: ${tops}`);
  for (let beat = 1; beat < tops.length; beat++) assert.ok(tops[beat] >= tops[beat - 1] - 0.5, `the plot moved up from ${tops[beat - 1]} to ${tops[beat]}`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

const STARTS = [
  // As a reader scrolling down comes to it: the figure's buttons at the screen's foot.
  [1280, 800, 'end'], [390, 844, 'end'],
  // The figure read from its top, and with a point's maths open under it.
  [390, 844, 'start'], [1280, 720, 'start', 'maths'],
];
for (const [width, height, from, maths] of STARTS) {
  test(`at ${width}×${height} Step slowly in the lesson opens its story on screen, under the button the reader pressed, with the plot in view (${from}${maths ? ', maths open' : ''})`, async () => {
    const { page, problems } = await openPage(site, 'lesson.html', { viewport: { width, height } });
    await ready(page);
    if (maths) {
      await page.focus('#figure-slow .plot');
      await page.keyboard.press('ArrowRight');
      await page.locator('#figure-slow .maths-panel').waitFor({ state: 'visible' });
    }
    const button = page.locator('#figure-slow .slow-step');
    if (from === 'end') await button.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    else await page.evaluate(() => document.querySelector('#figure-slow').scrollIntoView({ block: 'start' }));
    await page.locator('#figure-slow .slow-step-speed').selectOption('1');
    await button.click();
    // At every beat its start and its buttons are on screen, under the bar, however long
    // the beat's words.
    for (const beat of ['forward', 'cost', 'backward']) {
      await page.waitForSelector(`html[data-phase="${beat}"]`, { timeout: 30_000 });
      const place = await page.evaluate(() => {
        const root = document.querySelector('#figure-slow').shadowRoot;
        const box = (selector) => root.querySelector(selector).getBoundingClientRect();
        return { strip: box('.phase-caption'), controls: box('.phase-controls'), button: box('.slow-step'), plot: box('.plot'), height: innerHeight };
      });
      // The step is watched on the plot (the cost beat's rings): three quarters of it at least.
      const plotShown = Math.min(place.plot.bottom, place.height) - Math.max(place.plot.top, 0);
      assert.ok(plotShown >= 0.74 * place.plot.height, `${beat}: the plot at ${place.plot.top}–${place.plot.bottom} of ${place.height}`);
      assert.ok(place.strip.top >= 0, `${beat}: the strip from ${place.strip.top}`);
      assert.ok(place.controls.top >= 0 && place.controls.bottom <= place.height, `${beat}: its buttons at ${place.controls.top}–${place.controls.bottom} of ${place.height}`);
      assert.ok(place.button.top >= 0 && place.button.bottom <= place.strip.top, `${beat}: Step slowly at ${place.button.top}–${place.button.bottom}, the strip from ${place.strip.top}`);
    }
    await page.locator('#figure-slow .phase-finish').click();
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

test('Make a GIF gives an animated GIF of the run so far, which the browser decodes', async () => {
  const { page, problems } = await openPage(site, 'lesson.html');
  await ready(page);
  await playTo(page, '#figure-gif', 1000);
  const gif = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('gif '), timeout: 60_000 });
  await page.evaluate(() => {
    document.querySelector('#figure-gif').addEventListener('gif', async ({ detail }) => {
      const decoder = new ImageDecoder({ data: new Uint8Array(await detail.blob.arrayBuffer()), type: 'image/gif' });
      await decoder.tracks.ready;
      const { image } = await decoder.decode({ frameIndex: 0 });
      console.log(`gif ${decoder.tracks.selectedTrack.frameCount} ${image.displayWidth}x${image.displayHeight}`);
    });
  });
  await page.locator('#figure-gif .make-gif').click();
  assert.match((await gif).text(), /^gif 100 360x360$/);
  await page.locator('#figure-gif .gif-image').waitFor({ state: 'visible' });
  assert.match(await page.locator('#figure-gif .gif-status').textContent(), /100 frames, iterations 0 to 1,0\d\d/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the one-file lesson works from file:// with each wasm inside once', async () => {
  const file = new URL('../dist/lesson.html', import.meta.url).pathname;
  assert.ok(existsSync(file), 'scripts/build-single.mjs has written dist/lesson.html');
  const text = readFileSync(file, 'utf8');
  // The training module and the files module (the GIF part), each gzipped once.
  assert.equal(text.split('"H4sI').length - 1, 2);
  assert.ok(!text.includes('href="index.html'), 'links go to the one-file page');
  const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (r) => !/^(file|data|blob):/.test(r.url()) && problems.push(`request: ${r.url()}`));
  await page.goto(pathToFileURL(file).href);
  await ready(page);
  await playTo(page, '#figure-network', 500);
  await bothClasses(page, '#figure-network');
  assert.match(await page.locator('.figure-link a').first().getAttribute('href'), /^neuranim\.html/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('every figure of the lesson stops at a number of iterations, as a reader expects of a figure in a text', () => {
  const html = readFileSync(new URL('../www/lesson.html', import.meta.url), 'utf8');
  const figures = [...html.matchAll(/<neuranim-playground\b[^>]*>/g)].map(([tag]) => tag);
  assert.ok(figures.length >= 8, `${figures.length} figures`);
  for (const tag of figures) assert.match(tag, /\siterations="\d+"/, tag);
});

for (const [width, height] of [[1280, 720], [390, 844]]) {
  test(`at ${width}×${height} the multiples' captions and the figures' readouts keep their height whatever their digits, so no row jumps while they play`, async () => {
    const { page, problems } = await openPage(site, 'lesson.html', { viewport: { width, height } });
    await ready(page);
    // Measured in one task, with the shortest and the longest texts the figures write.
    const heights = await page.evaluate(() => {
      const figures = [...document.querySelectorAll('neuranim-playground')];
      const measure = () => [document.getElementById('multiples').getBoundingClientRect().height, ...figures.map((figure) => figure.getBoundingClientRect().height)];
      const write = (accuracy, readout) => {
        for (const label of document.querySelectorAll('#multiples .accuracy')) label.textContent = accuracy;
        for (const figure of figures) figure.shadowRoot.querySelector('.readout').textContent = readout;
      };
      write('–', 'iteration 0 · cost 0.6931 · 50 %');
      const shortest = measure();
      write('90.25 % at 5,000', 'iteration 10,000 · cost 0.217802 · 90.75 %');
      return { shortest, longest: measure() };
    });
    assert.deepEqual(heights.longest, heights.shortest);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}
