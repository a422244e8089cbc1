// The page in the rooms it is for: the data plot as the hero at five screen sizes, nothing
// left as a large empty area, and presenter mode sized for a projector with the controls a
// class needs still on screen.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { frames, openPage, openSite } from './support/browser.mjs';
import { downloaded } from './support/downloads.mjs';
import { onlyIn } from './support/engine.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

/** Boxes of elements, in CSS pixels of the viewport: { x, y, width, height, bottom, right }. */
function boxes(page, selectors) {
  return page.evaluate((selectors) => Object.fromEntries(selectors.map((s) => {
    const element = document.querySelector(s);
    const b = element?.getBoundingClientRect();
    const shown = element && element.offsetParent !== null && b.width > 0;
    return [s, shown ? { x: b.x, y: b.y, width: b.width, height: b.height, bottom: b.bottom, right: b.right } : null];
  })), selectors);
}

const VIEWPORTS = [
  { width: 1920, height: 1080, plot: 600, fits: true },
  { width: 1280, height: 720, plot: 400, fits: true },
  { width: 1024, height: 768, plot: 340, fits: true },
  { width: 820, height: 1180, plot: 700, fits: false },
  { width: 390, height: 844, plot: 300, fits: false },
];

for (const { width, height, plot, fits } of VIEWPORTS) {
  test(`at ${width}×${height} the plot is the hero, whole on screen without scrolling`, async () => {
    const { page, problems } = await openPage(site, '', { viewport: { width, height } });
    const b = await boxes(page, ['#boundary', '#play', '.graph-panel', '#graph .graph-stage', '.graph-key', '.chart-panel', '.timeline-panel']);
    const p = b['#boundary'];
    assert.ok(p.height >= plot && p.width >= plot, `a ${p.width}×${p.height} plot`);
    assert.ok(p.y >= 0 && p.bottom <= height && p.right <= width, `the plot at ${JSON.stringify(p)}`);
    assert.ok(b['#play'].bottom <= height, 'Play on screen');
    if (fits) {
      // Three columns, no long scroll, and the network's panel holds its graph without a
      // large empty area under it.
      const scroll = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(scroll <= height + 16, `the page is ${scroll} px tall`);
      const empty = b['.graph-panel'].bottom - b['.graph-key'].bottom;
      assert.ok(empty < 60, `${empty} px empty under the network`);
      assert.ok(b['.timeline-panel'].bottom <= height + 16, 'the time machine on screen');
    }
    assert.deepEqual(problems, []);
  });
}

// At 1024 × 768 the plot is larger than the page's own (340), its column taking the width the
// controls and the chart can spare, the time machine under it.
for (const { width, height, plot } of [{ width: 1920, height: 1080, plot: 750 }, { width: 1024, height: 768, plot: 410 }]) {
  test(`presenter mode at ${width}×${height}: a large plot, type twice the size, and the class's controls on screen`, async () => {
    const { page: normal } = await openPage(site, '', { viewport: { width, height } });
    const normalIteration = await normal.evaluate(() => parseFloat(getComputedStyle(document.getElementById('iteration')).fontSize));
    const { page, problems } = await openPage(site, '#presenter=on', { viewport: { width, height } });
    const b = await boxes(page, ['#boundary', '#play', '#step', '#speed-slot input', '#scrubber', '#iteration', '#cost', '#accuracy', '#chart']);
    assert.ok(b['#boundary'].height >= plot, `a ${b['#boundary'].height} px plot`);
    for (const [selector, box] of Object.entries(b)) {
      assert.ok(box, `${selector} shown`);
      assert.ok(box.y >= 0 && box.bottom <= height && box.right <= width, `${selector} on screen: ${JSON.stringify(box)}`);
    }
    const sizes = await page.evaluate(() => {
      const px = (selector, property = 'fontSize') => parseFloat(getComputedStyle(document.querySelector(selector))[property]);
      return { root: px('html'), iteration: px('#iteration'), chart: px('#chart'), play: document.getElementById('play').getBoundingClientRect(), round: getComputedStyle(document.getElementById('play')).borderRadius };
    });
    assert.ok(sizes.root >= 28, `type at ${sizes.root} px`);
    assert.ok(sizes.iteration >= 3 * normalIteration, `the iteration at ${sizes.iteration} px against ${normalIteration}`);
    assert.ok(sizes.chart >= 22, `the chart's text at ${sizes.chart} px`);
    assert.ok(sizes.play.width >= 80 && Math.abs(sizes.play.width - sizes.play.height) < 1 && sizes.round === '50%', `Play: ${JSON.stringify(sizes)}`);
    // The room is used: the columns reach the screen's foot, and nothing is cut short.
    const foot = await page.evaluate(() => document.querySelector('.timeline-panel').getBoundingClientRect().bottom);
    assert.ok(foot >= height - 40, `the time machine ends at ${foot} px of ${height}`);
    assert.equal(await page.isVisible('#test-cost'), false, 'without a test set, no test readouts');
    await page.context().close();
    const tested = await openPage(site, '#presenter=on&testRatio=0.3', { viewport: { width, height } });
    const cut = await tested.page.evaluate(() => [
      ...[...document.querySelectorAll('.readouts dd')].filter((dd) => dd.scrollWidth > dd.clientWidth).map((dd) => `${dd.id}: ${dd.textContent}`),
      ...[...document.querySelectorAll('.chart-head > *')].filter((e) => e.getBoundingClientRect().right > e.closest('.panel').getBoundingClientRect().right).map((e) => e.textContent.trim()),
    ]);
    assert.deepEqual(cut, [], "the readouts and the chart's controls are shown whole");
    await tested.page.context().close();
    assert.deepEqual([...problems, ...tested.problems], []);
  });
}

// A laptop's 1440 × 900 and a deep network, a wall's 1920 × 1080 and a deeper one: still one
// screen, the chart whole and drawn at its size, the graph fitted where it is shown.
for (const { width, height, hash } of [{ width: 1440, height: 900, hash: '&hidden=8,8,8,8,8,8' }, { width: 1600, height: 900, hash: '&hidden=8,8,8' }, { width: 1920, height: 1080, hash: '&hidden=8,8,8,8,8,8,8,8' }]) {
  test(`presenter mode at ${width}×${height} with ${hash.slice(8)} hidden: nothing to scroll to, the chart readable`, async () => {
    const { page, problems } = await openPage(site, `#presenter=on${hash}`, { viewport: { width, height } });
    await frames(page, 2);
    const seen = await page.evaluate(() => {
      const chart = document.getElementById('chart');
      const box = (selector) => document.querySelector(selector).getBoundingClientRect();
      return {
        scroll: document.documentElement.scrollHeight,
        timeline: box('.timeline-panel').bottom,
        chartPanel: box('.chart-panel').height,
        graph: box('.graph-panel').height,
        stretched: chart.width !== Math.round(chart.getBoundingClientRect().width * devicePixelRatio) || chart.height !== Math.round(chart.getBoundingClientRect().height * devicePixelRatio),
      };
    });
    assert.ok(seen.scroll <= height, `the page is ${seen.scroll} px tall`);
    assert.ok(seen.timeline <= height, `the time machine ends at ${seen.timeline}`);
    assert.ok(seen.chartPanel >= 240, `a ${seen.chartPanel} px chart`);
    assert.equal(seen.stretched, false, 'the chart drawn at its size');
    assert.deepEqual(problems, []);
  });
}

for (const [width, height, hash] of [[1280, 800, '#hidden=8,8'], [1024, 768, '#hidden=6,6'], [1024, 768, '#hidden=8,8,8'], [1440, 900, '#hidden=8,8,8,8,8,8']]) {
  test(`at ${width}×${height} with ${hash.slice(8)} hidden the network's column is one screen: the chart readable and the time machine on it`, async () => {
    const { page, problems } = await openPage(site, hash, { viewport: { width, height } });
    await frames(page, 3);
    const b = await boxes(page, ['.graph-panel', '.chart-panel', '.timeline-panel', '#chart']);
    const scrolls = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    assert.ok(scrolls <= 0, `the page scrolls by ${scrolls} px`);
    assert.ok(b['.timeline-panel'].bottom <= height, `the time machine ends at ${b['.timeline-panel'].bottom}`);
    assert.ok(b['#chart'].height >= 110, `a chart ${b['#chart'].height} px tall`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

test('presenter mode at 1024×768: the course\'s printout scrolls in its own box, its latest line in view, the chart keeps its height, and the stop\'s notice fits', async () => {
  const { page, problems } = await openPage(site, '#presenter=on&iterations=12000&speed=max', { viewport: { width: 1024, height: 768 } });
  const chartHeight = () => page.evaluate(() => document.getElementById('chart').getBoundingClientRect().height);
  const before = await chartHeight();
  await page.click('#play');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration === 12000 && document.getElementById('play').textContent === 'Play');
  await page.click('#cost-table-toggle');
  await frames(page, 3);
  const seen = await page.evaluate(() => {
    const table = document.getElementById('cost-table');
    const last = table.querySelector('tr:last-child').getBoundingClientRect();
    const box = table.getBoundingClientRect();
    const chart = document.getElementById('chart');
    return {
      rows: table.rows.length,
      scrolls: table.scrollHeight > table.clientHeight,
      lastInView: last.top >= box.top - 1 && last.bottom <= box.bottom + 1,
      whole: table.scrollWidth <= table.clientWidth,
      type: parseFloat(getComputedStyle(table).fontSize) >= 11,
      scroll: document.documentElement.scrollHeight,
      stretched: chart.height !== Math.round(chart.getBoundingClientRect().height * devicePixelRatio),
    };
  });
  assert.equal(seen.rows, 13);
  assert.ok(seen.scrolls && seen.lastInView && seen.whole && seen.type, JSON.stringify(seen));
  assert.ok(seen.scroll <= 768, `the page is ${seen.scroll} px tall`);
  assert.equal(seen.stretched, false, 'the chart redrawn at its new height');
  // The printout takes its share, and the chart stays well above its least (110 px).
  const after = await chartHeight();
  assert.ok(after >= 180, `the chart ${after} px tall, against ${before} before the printout`);
  assert.deepEqual(problems, []);
});

/** The readouts cut short (an ellipsis in a number's place), and the replay speed if it is. */
const cutReadouts = (page) => page.evaluate(() => {
  const cut = [...document.querySelectorAll('.readouts dd')].filter((dd) => dd.getClientRects().length && dd.scrollWidth > dd.clientWidth).map((dd) => `${dd.id}: ${dd.textContent}`);
  const select = document.getElementById('replay-speed');
  const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = getComputedStyle(select).font;
  const needed = ctx.measureText(select.selectedOptions[0].textContent).width + 20;
  if (select.getClientRects().length && select.getBoundingClientRect().width < needed) cut.push(`replay speed: ${select.getBoundingClientRect().width} px for ${needed}`);
  return cut;
});

test('a run of tens of millions of iterations shows its every digit, on a laptop, a phone and a projector, and after presenter mode changes the box', async () => {
  for (const [hash, width, height] of [['', 1280, 800], ['', 390, 844], ['#presenter=on', 1024, 768]]) {
    const { page, problems } = await openPage(site, hash, { viewport: { width, height } });
    await page.click('#step');
    // Saved without its history, and opened, as the page's own controls do (presenter mode
    // hides them): a file of the state alone may say any iteration.
    await page.evaluate(() => { document.getElementById('save-history').checked = false; });
    const download = await downloaded(page, () => page.evaluate(() => document.getElementById('save-run').click()));
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    Object.assign(file.state, { iteration: 73691234, epoch: 73691234 });
    await page.setInputFiles('#run-file', { name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForFunction(() => document.getElementById('iteration').textContent === '73,691,234');
    assert.equal(await page.textContent('#epoch'), '73,691,234');
    assert.deepEqual(await cutReadouts(page), [], `${width}×${height}${hash}`);
    await page.click('#present');
    await page.waitForFunction((on) => document.documentElement.classList.contains('presenter') === on, !hash);
    await frames(page, 3);
    assert.deepEqual(await cutReadouts(page), [], `${width}×${height}${hash}, presenter mode toggled`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('at 1024×768 every readout shows whole, a diverging run\'s costs and "no test set" too, in presenter mode as well, and the replay speed reads whole', async () => {
  for (const hash of ['#testRatio=0', '#testRatio=0.3&learningRate=100&speed=100', '#presenter=on&testRatio=0.3&learningRate=100&speed=100']) {
    const { page, problems } = await openPage(site, hash, { viewport: { width: 1024, height: 768 } });
    if (hash.includes('learningRate')) {
      // Trained until its cost swings past 10, and stepped until the readout shows such a cost.
      await page.click('#play');
      await page.waitForFunction(() => window.neuranim.snapshot().trainCost >= 10, null, { timeout: 60_000 });
      await page.click('#play');
      for (let step = 0; step < 500 && !(parseFloat(await page.textContent('#cost')) >= 10); step++) await page.click('#step');
      assert.ok(parseFloat(await page.textContent('#cost')) >= 10, await page.textContent('#cost'));
    }
    assert.deepEqual(await cutReadouts(page), [], hash);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

for (const [network, hash] of [['the default network', ''], ['three layers of eight', '&hidden=8,8,8']]) {
  test(`presenter mode at 1024×768 while a slow step plays, ${network}: the network takes the controls' width, and the step is told whole on screen`, async () => {
    const { page, problems } = await openPage(site, `#presenter=on${hash}`, { viewport: { width: 1024, height: 768 } });
    const stageHeight = () => page.evaluate(() => document.querySelector('#graph .graph-stage').getBoundingClientRect().height);
    const before = await stageHeight();
    await page.selectOption('#slow-step-speed', '8');
    await page.click('#slow-step');
    await page.waitForSelector('html[data-phase="forward"]');
    // The graph is fitted in the frame after the controls step aside.
    await frames(page, 2);
    const b = await boxes(page, ['#boundary', '.graph-panel', '#graph .graph-stage', '.graph-key', '#phase-caption', '#phase-next', '#phase-finish', '#play']);
    assert.equal(b['#play'], null, 'the controls step aside');
    assert.ok(b['.graph-panel'].width >= 480, `a ${b['.graph-panel'].width} px wide network`);
    for (const selector of ['#boundary', '#graph .graph-stage', '.graph-key', '#phase-caption', '#phase-next', '#phase-finish']) {
      const box = b[selector];
      assert.ok(box && box.y >= 0 && box.bottom <= 768 && box.right <= 1024, `${selector} on screen: ${JSON.stringify(box)}`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight), 'nothing to scroll to');
    // The graph keeps its place from beat to beat.
    await page.click('#phase-next');
    await page.waitForSelector('html[data-phase="cost"]');
    await frames(page, 2);
    const moved = (await boxes(page, ['#graph .graph-stage']))['#graph .graph-stage'];
    for (const side of ['x', 'y', 'width', 'height']) assert.ok(Math.abs(moved[side] - b['#graph .graph-stage'][side]) < 1, `the graph where it was: ${side} ${moved[side]}, was ${b['#graph .graph-stage'][side]}`);
    await page.click('#phase-finish');
    await page.waitForFunction(() => !document.documentElement.dataset.phase);
    assert.ok(await page.isVisible('#play'), 'the controls are back once the step ends');
    await frames(page, 2);
    assert.equal(await stageHeight(), before, 'the graph as tall as before the step');
    assert.deepEqual(problems, []);
  });
}

test('presenter mode: a deep network\'s column headings stay apart and inside the graph, in large type over close columns', async () => {
  for (const [hash, width, height, stepping] of [['&hidden=8,8,8,8,8,8', 1920, 1080, false], ['&hidden=8,8,8,8,8,8,8,8', 1024, 768, true]]) {
    const { page, problems } = await openPage(site, `#presenter=on${hash}`, { viewport: { width, height } });
    if (stepping) {
      await page.click('#slow-step');
      await page.waitForSelector('html[data-phase="forward"]');
    }
    await frames(page, 2);
    const { stage, rows } = await page.evaluate(() => {
      const box = (e) => { const { left, right } = e.getBoundingClientRect(); return { left, right }; };
      return {
        stage: box(document.querySelector('#graph .graph-stage')),
        rows: ['.graph-label', '.graph-label-detail'].map((selector) => [...document.querySelectorAll(`#graph ${selector}`)].map(box)),
      };
    });
    for (const row of rows) {
      assert.equal(row.length, hash.split(',').length + 2);
      for (const [c, box] of row.entries()) {
        assert.ok(box.left >= stage.left - 1 && box.right <= stage.right + 1, `${hash}: heading ${c} inside the graph: ${JSON.stringify(box)} in ${JSON.stringify(stage)}`);
        if (c > 0) assert.ok(box.left >= row[c - 1].right + 2, `${hash}: headings ${c - 1} and ${c} apart: ${row[c - 1].right} against ${box.left}`);
      }
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

// A deep network's graph is some 900 px tall and a third class widens the class choice:
// the room for both is known from the link alone, before the wasm has come. A projector's
// link is in presenter mode from the first paint.
const STARTS = [
  { hash: '', width: 1024, height: 768 },
  { hash: '#dataset=spiral3&hidden=64,64,64,64,64,64,64,64', width: 1280, height: 720 },
  { hash: '#presenter=on&hide=settings', width: 1024, height: 768 },
];
for (const { hash, width, height } of STARTS) test(`the page keeps its place while it starts: layout shift under 0.1 at ${width}×${height}${hash ? `, ${hash}` : ''}`, async () => {
  const watch = (page) => page.addInitScript(() => {
    window.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const { page, problems } = await openPage(site, hash, { viewport: { width, height } }, { prepare: watch });
  // Until the first boundary is shown and the graph and the readouts are drawn, everything
  // the start fills in has come.
  await page.waitForFunction(() => {
    const b = document.getElementById('boundary');
    return Number(b.dataset.shown) >= 1 && b.dataset.shown === b.dataset.requested
      && document.querySelector('#graph .graph-neuron') && document.getElementById('cost').textContent !== '–';
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const shift = await page.evaluate(() => window.layoutShift);
  assert.ok(shift < 0.1, `layout shift ${shift.toFixed(3)}`);
  assert.deepEqual(problems, []);
});

test('no error event on load at any size, not even the ResizeObserver loop\'s that error trackers log', async () => {
  const watch = (page) => page.addInitScript(() => {
    window.errorEvents = [];
    window.addEventListener('error', (event) => window.errorEvents.push(event.message));
  });
  for (const { width, height } of VIEWPORTS) {
    const { page, problems } = await openPage(site, '', { viewport: { width, height } }, { prepare: watch });
    await page.waitForFunction(() => {
      const b = document.getElementById('boundary');
      return Number(b.dataset.shown) >= 1 && b.dataset.shown === b.dataset.requested;
    });
    await frames(page, 10);
    assert.deepEqual(await page.evaluate(() => window.errorEvents), [], `${width}×${height}`);
    assert.deepEqual(problems, []);
  }
});

test('Play and Pause move nothing: the achieved rate keeps its line while paused, on a laptop and in presenter mode', async () => {
  for (const [hash, width, height] of [['', 1280, 800], ['#presenter=on', 1024, 768], ['', 390, 844]]) {
    const { page, problems } = await openPage(site, hash, { viewport: { width, height } });
    // Places on the page, not in the window: a click may scroll its button into view.
    const place = () => page.evaluate(() => Object.fromEntries(['#iteration', '#accuracy'].map((s) => [s, { y: document.querySelector(s).getBoundingClientRect().y + scrollY }])));
    const before = await place();
    await page.click('#play');
    await page.waitForFunction(() => document.getElementById('rate').textContent.includes('updates/s'));
    const playing = await place();
    await page.click('#play');
    await page.waitForFunction(() => document.getElementById('rate').textContent === '');
    const paused = await place();
    for (const selector of ['#iteration', '#accuracy']) {
      assert.equal(playing[selector].y, before[selector].y, `${hash || 'the page'} at ${width}×${height}: ${selector} once playing`);
      assert.equal(paused[selector].y, before[selector].y, `${hash || 'the page'} at ${width}×${height}: ${selector} once paused`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('a phone on its side sees the whole plot at once, its x axis too', async () => {
  for (const [width, height] of [[844, 390], [667, 375]]) {
    const { page, problems } = await openPage(site, '', { viewport: { width, height } });
    await page.evaluate(() => document.querySelector('.plot-frame').scrollIntoView({ block: 'center' }));
    const b = await boxes(page, ['#boundary', '.plot-frame']);
    assert.ok(b['.plot-frame'].y >= 0 && b['.plot-frame'].bottom <= height, `${width}×${height}: the plot and its axes at ${JSON.stringify(b['.plot-frame'])}`);
    assert.ok(b['#boundary'].height >= height * 0.85, `${width}×${height}: a ${b['#boundary'].height} px plot, as tall as the screen allows`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

/** Every control shown on `page` (in the element's shadow roots too) whose target, a box's
 * or a choice's label or the control itself, is under 24 px either way: "name w×h". */
const smallTargets = (page) => page.evaluate(() => {
  const small = [];
  const visit = (root) => {
    for (const e of root.querySelectorAll('button, input, select, a[href], [tabindex="0"]')) {
      const target = e.matches('input[type=checkbox], input[type=radio]') ? e.closest('label') ?? e : e;
      const { width, height } = target.getBoundingClientRect();
      if (e.type === 'hidden' || e.hidden || width === 0 || target.closest('dialog:not([open]), [hidden]')) continue;
      // A link in running text is exempt (WCAG 2.5.8's inline exception).
      if (e.matches('a') && e.closest('p, li, figcaption')) continue;
      if (width < 24 || height < 24) small.push(`${e.id || e.className || e.tagName.toLowerCase()} "${target.textContent.trim().slice(0, 20)}" ${Math.round(width)}×${Math.round(height)}`);
    }
    for (const host of root.querySelectorAll('*')) if (host.shadowRoot) visit(host.shadowRoot);
  };
  visit(document);
  return [...new Set(small)];
});

test('on a touch screen every control is a target of 24 px or more, on the page and in the lesson', { skip: onlyIn('chromium', 'it emulates a touch screen') }, async () => {
  for (const path of ['', 'lesson.html']) {
    const { page, problems } = await openPage(site, path, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
    if (path) await page.waitForFunction(() => [...document.querySelectorAll('neuranim-playground')].every((e) => e.snapshot()));
    assert.deepEqual(await smallTargets(page), [], path || 'the page');
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('the embed page in presenter mode, in a frame 800 to 960 px wide, shows every readout whole', async () => {
  for (const [width, height] of [[800, 700], [960, 800]]) {
    const { page, problems } = await openPage(site, 'embed.html#presenter=on', { viewport: { width, height } });
    for (let i = 0; i < 3; i++) await page.click('#step');
    await page.waitForFunction(() => document.getElementById('iteration').textContent === '3');
    assert.deepEqual(await cutReadouts(page), [], `${width}×${height}`);
    const plot = (await boxes(page, ['#boundary']))['#boundary'];
    assert.ok(plot.width >= 300, `${width}×${height}: a ${plot.width} px plot`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});
