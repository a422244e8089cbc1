// The cost chart's words and numbers never overlap, however narrow or short it is drawn: the
// key, the tick labels and the axes' titles, in presenter mode on a projector and a phone as
// on a laptop, with room for the curves between the axes. Every fillText on the chart's canvas is recorded with its box as drawn.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { frames, openPage, openSite } from './support/browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

/** Records the boxes, in canvas pixels, of the texts of #chart's last drawing (a drawing
 * begins with a clear of the whole canvas). */
const recordTexts = (page) => page.addInitScript(() => {
  const proto = CanvasRenderingContext2D.prototype;
  const { clearRect, fillText } = proto;
  window.chartTexts = [];
  proto.clearRect = function (x, y, w, h) {
    if (this.canvas.id === 'chart' && x === 0 && y === 0 && w === this.canvas.width) window.chartTexts = [];
    return clearRect.call(this, x, y, w, h);
  };
  proto.fillText = function (text, x, y) {
    if (this.canvas.id === 'chart') {
      const m = this.measureText(text);
      const t = this.getTransform();
      const corners = [[x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent], [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent]]
        .flatMap(([a, b], i, [[a0, b0], [a1, b1]]) => (i ? [] : [[a0, b0], [a1, b0], [a0, b1], [a1, b1]]))
        .map(([px, py]) => [t.a * px + t.c * py + t.e, t.b * px + t.d * py + t.f]);
      const xs = corners.map(([cx]) => cx);
      const ys = corners.map(([, cy]) => cy);
      window.chartTexts.push({ text, align: this.textAlign, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) });
    }
    return fillText.call(this, text, x, y);
  };
});

const overlapping = (texts) => texts.flatMap((a, i) => texts.slice(i + 1)
  .filter((b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
  .map((b) => `"${a.text}" and "${b.text}"`));

const ROOMS = [
  ['#presenter=on', 1024, 768],
  ['#presenter=on', 390, 844],
  ['', 1280, 800],
  ['', 390, 844],
];

for (const [hash, width, height] of ROOMS) {
  test(`the chart's key, ticks and titles stay apart${hash ? ' in presenter mode' : ''} at ${width}×${height}`, async () => {
    const { page, problems } = await openPage(site, `${hash || '#'}&iterations=300`, { viewport: { width, height } }, { prepare: recordTexts });
    await page.click('#play');
    await page.waitForFunction(() => window.neuranim.snapshot().iteration === 300);
    await frames(page, 3);
    const texts = await page.evaluate(() => window.chartTexts);
    assert.ok(texts.some((t) => t.text === 'accuracy') && texts.some((t) => t.text === '100 %'), texts.map((t) => t.text).join(' '));
    assert.deepEqual(overlapping(texts), []);
    // The plotting area keeps room to read a curve in: its cost axis (the labels aligned
    // right) at least six of its digits tall.
    const ticks = texts.filter((t) => t.align === 'right');
    const middles = ticks.map((t) => (t.top + t.bottom) / 2);
    const span = Math.max(...middles) - Math.min(...middles);
    const digit = Math.max(...ticks.map((t) => t.bottom - t.top));
    assert.ok(span >= 6 * digit, `the cost axis spans ${Math.round(span)} px, ${(span / digit).toFixed(1)} digits of ${Math.round(digit)} px`);
    // and between the two axes' labels at least half the chart's width for the curves.
    const between = Math.min(...texts.filter((t) => t.text.endsWith(' %')).map((t) => t.left)) - Math.max(...ticks.map((t) => t.right));
    const chartWidth = await page.$eval('#chart', (canvas) => canvas.width);
    assert.ok(between >= chartWidth / 2, `${Math.round(between)} px between the axes' labels of a ${chartWidth} px chart`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

for (const [hash, width, height] of [['', 1280, 800], ['', 390, 844], ['&presenter=on', 1024, 768]]) {
  test(`the readout under the pointer stays inside the chart and off its key, at either end${hash ? ' in presenter mode' : ''} at ${width}×${height}`, async () => {
    // A test set's key is the longest: four entries, in two rows where the chart is narrow.
    const { page, problems } = await openPage(site, `#dataset=spiral3&testRatio=0.2&iterations=300${hash}`, { viewport: { width, height } }, { prepare: recordTexts });
    await page.click('#play');
    await page.waitForFunction(() => window.neuranim.snapshot().iteration === 300 && document.getElementById('play').textContent === 'Play');
    await frames(page, 3);
    await page.locator('#chart').scrollIntoViewIfNeeded();
    const chart = await page.locator('#chart').boundingBox();
    const ratio = await page.evaluate(() => document.getElementById('chart').width / document.getElementById('chart').clientWidth);
    const key = (await page.evaluate(() => window.chartTexts)).filter((t) => t.align === 'start' && ['cost', 'accuracy', 'test cost', 'test accuracy'].includes(t.text))
      .map((t) => ({ text: t.text, left: chart.x + t.left / ratio, right: chart.x + t.right / ratio, top: chart.y + t.top / ratio, bottom: chart.y + t.bottom / ratio }));
    assert.equal(key.length, 4);
    for (const share of [0.1, 0.9]) {
      await page.mouse.move(chart.x + chart.width * share, chart.y + chart.height / 2);
      await page.waitForFunction(() => /^iteration/.test(document.getElementById('chart-readout').textContent));
      const box = await page.locator('#chart-readout').boundingBox();
      const inside = box.x >= chart.x - 0.5 && box.x + box.width <= chart.x + chart.width + 0.5 && box.y >= chart.y - 0.5 && box.y + box.height <= chart.y + chart.height + 0.5;
      assert.ok(inside, `the readout ${JSON.stringify(box)} in the chart ${JSON.stringify(chart)}`);
      const covered = key.filter((t) => t.left < box.x + box.width && box.x < t.right && t.top < box.y + box.height && box.y < t.bottom).map((t) => t.text);
      assert.deepEqual(covered, [], `at ${share} of the chart's width`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}
