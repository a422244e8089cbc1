// Saving and opening runs, and the pictures the page exports.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { frames, openPage, openSite, snapshot, stepTo, weights } from './support/browser.mjs';
import { countDownloads, downloaded } from './support/downloads.mjs';
import { onlyIn } from './support/engine.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

async function saveRun(page) {
  const download = await downloaded(page, () => page.click('#save-run'));
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

const openRun = (page, name, text) => page.setInputFiles('#run-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('a saved run opens elsewhere with identical weights, state and settings, and trains on identically', async () => {
  const hash = '#dataset=spiral&hidden=8,8&init=xavier&optimizer=adam&learningRate=0.01&batchSize=10&testRatio=0.2';
  const { page, problems } = await openPage(site, hash);
  await stepTo(page, 250);
  const saved = await saveRun(page);
  assert.match(saved.name, /^neuranim-spiral-250\.json$/);
  const file = JSON.parse(saved.text);
  assert.equal(file.format, 'neuranim-run');
  assert.ok(file.history.iterations.length > 0);

  const other = await openPage(site);
  await openRun(other.page, saved.name, saved.text);
  await other.page.waitForFunction(() => window.neuranim.snapshot().iteration === 250);
  assert.equal(await weights(other.page), await weights(page));
  assert.match(await other.page.textContent('#notice'), /Opened neuranim-spiral-250\.json at iteration 250/);
  const settings = await other.page.evaluate(() => window.neuranim.settings());
  assert.deepEqual(settings.hidden, [8, 8]);
  assert.equal(settings.optimizer, 'adam');
  assert.match(await other.page.evaluate(() => location.hash), /dataset=spiral/);
  // Both train on to the same bits: the optimizer's memory and the batch order came along.
  await stepTo(page, 400);
  await stepTo(other.page, 400);
  assert.equal(await weights(other.page), await weights(page));
  assert.deepEqual(problems, []);
  assert.deepEqual(other.problems, []);
});

test('each kind of bad run file is refused with its field named, and nothing changes', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 30);
  const good = JSON.parse((await saveRun(page)).text);
  const before = await weights(page);
  const edited = (edit) => {
    const copy = structuredClone(good);
    edit(copy);
    return JSON.stringify(copy);
  };
  const cases = [
    ['not JSON', '{"format": "neuranim-run",', /not JSON \(line 1, column \d+\)/],
    ['unknown version', edited((f) => { f.version = 7; }), /version: 7 is not a version/],
    ['wrong shape', edited((f) => { f.state.weights.layers[0].biases.pop(); }), /state\.weights\.layers\[0\]/],
    ['non-finite number', JSON.stringify(good).replace(/"learningRate":1\.2/, '"learningRate":1e999'), /settings\.learningRate: number out of range .*column/],
    ['not a number', edited((f) => { f.state.epoch = 'ten'; }), /state\.epoch: invalid type/],
    // Beyond 2^53: no JavaScript number holds it exactly, and the refusal still names it.
    ['a count beyond reach', edited((f) => { f.state.iteration = 2 ** 53 + 2; }), /state\.iteration: 9007199254740994 is beyond/],
    ['a history row beyond reach', edited((f) => { f.history.iterations[0] = 2 ** 60; }), /history\.iterations\[0\]: \d+ is out of order/],
  ];
  for (const [what, text, message] of cases) {
    await openRun(page, `${what}.json`, text);
    await page.waitForFunction((name) => document.getElementById('notice').textContent.includes(name), `${what}.json`);
    const notice = await page.textContent('#notice');
    assert.match(notice, message, what);
    assert.match(notice, /was not opened/, what);
    assert.equal((await snapshot(page)).iteration, 30, what);
    assert.equal(await weights(page), before, what);
  }
  assert.deepEqual(problems, []);
});

/** Frame count, size and a checksum per frame of a GIF, decoded by the browser's own
 * ImageDecoder: a decoder independent of the one that wrote it. */
function decodeGif(page, bytes) {
  return page.evaluate(async (data) => {
    const decoder = new ImageDecoder({ data: new Uint8Array(data), type: 'image/gif' });
    await decoder.tracks.ready;
    const count = decoder.tracks.selectedTrack.frameCount;
    const sums = [];
    const inks = [];
    let size = null;
    for (let i = 0; i < count; i++) {
      const { image } = await decoder.decode({ frameIndex: i });
      size = [image.displayWidth, image.displayHeight];
      const canvas = new OffscreenCanvas(...size);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0);
      image.close();
      const pixels = ctx.getImageData(0, 0, ...size).data;
      let sum = 0;
      for (let k = 0; k < pixels.length; k += 7) sum = (sum * 31 + pixels[k]) % 1000000007;
      sums.push(sum);
      let dark = 0;
      for (let k = 0; k < pixels.length; k += 4) if (pixels[k] + pixels[k + 1] + pixels[k + 2] < 600) dark++;
      inks.push(dark);
    }
    return { count, size, sums, inks };
  }, [...bytes]);
}

test('a GIF of a range of iterations exports with progress, decodes, and moves as training did', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 600);
  await page.evaluate(() => window.neuranim.seek(250));
  await page.click('#save-gif');
  await page.waitForSelector('#gif-dialog[open]');
  // Every choice in the dialog reads whole ("logarithmically (more early on)" was cut).
  const cut = await page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d');
    return [...document.querySelectorAll('dialog[open] select')].flatMap((select) => {
      ctx.font = getComputedStyle(select).font;
      const needed = Math.max(...[...select.options].map((o) => ctx.measureText(o.textContent).width)) + 20;
      return select.getBoundingClientRect().width < needed ? [`${select.id}: ${select.getBoundingClientRect().width} px for ${needed}`] : [];
    });
  });
  assert.deepEqual(cut, []);
  await page.fill('#gif-from', '100');
  await page.fill('#gif-to', '500');
  await page.fill('#gif-frames', '12');
  await page.selectOption('#gif-size', '480x240');
  const progress = [];
  const watch = setInterval(async () => {
    progress.push(await page.evaluate(() => document.getElementById('gif-progress').value).catch(() => null));
  }, 20);
  const download = await downloaded(page, () => page.click('#gif-start'));
  clearInterval(watch);
  assert.equal(download.suggestedFilename(), 'neuranim-flower-100-500.gif');
  const gif = await readFile(await download.path());
  const decoded = await decodeGif(page, gif);
  assert.equal(decoded.count, 12);
  assert.deepEqual(decoded.size, [480, 240]);
  assert.equal(new Set(decoded.sums).size, 12, 'every frame differs from the others');
  assert.ok(progress.some((p) => p > 0), `progress shown: ${progress}`);
  assert.equal(await page.isVisible('#gif-dialog'), false);
  // The iteration shown before the export is shown again.
  assert.equal((await snapshot(page)).iteration, 250);
  assert.deepEqual(problems, []);
});

test('a range of fewer iterations than frames asked for has a frame for each, and the dialog says so, and sizes it so', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 30);
  await page.click('#save-gif');
  await page.fill('#gif-from', '0');
  await page.fill('#gif-to', '10');
  await page.fill('#gif-frames', '11');
  const eleven = await page.textContent('#gif-estimate');
  await page.fill('#gif-frames', '60');
  assert.equal(await page.textContent('#gif-estimate'), eleven);
  const download = await downloaded(page, () => page.click('#gif-start'));
  assert.equal((await decodeGif(page, await readFile(await download.path()))).count, 11);
  assert.match(await page.textContent('#gif-status'), /^Done: 11 frames \(every iteration from 0 to 10\), \d+ KB\.$/);
  assert.deepEqual(problems, []);
});

test('Cancel stops a GIF export: no file, and the page shows what it showed', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 300);
  const downloads = await countDownloads(page);
  await page.click('#save-gif');
  await page.fill('#gif-frames', '600');
  await page.selectOption('#gif-size', '1000x500');
  await page.click('#gif-start');
  await page.waitForFunction(() => document.getElementById('gif-progress').value > 0);
  await page.click('#gif-cancel');
  assert.equal(await page.isVisible('#gif-dialog'), false);
  await frames(page, 30);
  assert.equal(await downloads(), 0);
  const s = await snapshot(page);
  assert.equal(s.iteration, 300);
  assert.equal(s.liveIteration, 300);
  assert.deepEqual(problems, []);
});

test('an animation\'s range and frames are refused by the field that is wrong, past the last iteration trained too', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 300);
  const downloads = await countDownloads(page);
  await page.click('#save-gif');
  const refusal = async (fields) => {
    await page.fill('#gif-from', '0');
    await page.fill('#gif-to', '300');
    await page.fill('#gif-frames', '60');
    for (const [id, value] of Object.entries(fields)) await page.fill(id, value);
    await page.click('#gif-start');
    return page.textContent('#gif-status');
  };
  assert.equal(await refusal({ '#gif-to': '99999' }), '“to”: at most 300, the last iteration trained');
  assert.equal(await refusal({ '#gif-from': '-5', '#gif-to': '20' }), '“from”: at least 0');
  assert.equal(await refusal({ '#gif-to': '' }), '“to”: a whole number of iterations');
  assert.equal(await refusal({ '#gif-from': '200', '#gif-to': '100' }), 'choose a range: “to” must come after “from”');
  assert.equal(await refusal({ '#gif-frames': '100000' }), 'frames: 2 to 600');
  // The size estimate gives no size for frames the export refuses.
  assert.equal(await page.textContent('#gif-estimate'), 'Frames: 2 to 600.');
  await page.fill('#gif-frames', '60');
  assert.match(await page.textContent('#gif-estimate'), /^A GIF of about 0\.\d\d MB\.$/);
  assert.equal(await page.isVisible('#gif-dialog'), true);
  await frames(page, 10);
  assert.equal(await downloads(), 0);
  assert.deepEqual(problems, []);
});

test('PNG of the current view', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 50);
  const download = await downloaded(page, () => page.click('#save-png'));
  assert.equal(download.suggestedFilename(), 'neuranim-flower-50.png');
  const png = await readFile(await download.path());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.equal(png.readUInt32BE(16), 1200);
  assert.equal(png.readUInt32BE(20), 600);
  assert.deepEqual(problems, []);
});

test('a video of a range of iterations records where the browser can', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 200);
  await page.click('#save-gif');
  await page.waitForSelector('#gif-dialog[open]');
  assert.equal(await page.isVisible('#video-start'), true, 'Chromium records WebM');
  await page.fill('#gif-frames', '8');
  await page.fill('#gif-delay', '40');
  await page.selectOption('#gif-size', '480x240');
  const download = await downloaded(page, () => page.click('#video-start'));
  assert.equal(download.suggestedFilename(), 'neuranim-flower-0-200.webm');
  const video = await readFile(await download.path());
  // A WebM file opens with the EBML magic number.
  assert.deepEqual([...video.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3]);
  assert.ok(video.length > 2000, `${video.length} bytes`);
  assert.equal((await snapshot(page)).iteration, 200);
  assert.deepEqual(problems, []);
});

// Chromium made to look like Firefox; in Firefox itself the video test above is the real one.
test('a video records through the stream\'s requestFrame where the track has none (Firefox)', { skip: onlyIn('chromium', 'it makes Chromium look like Firefox') }, async () => {
  // As Firefox: no track.requestFrame, a stream.requestFrame instead.
  const firefoxLike = (page) => page.addInitScript(() => {
    const capture = HTMLCanvasElement.prototype.captureStream;
    HTMLCanvasElement.prototype.captureStream = function (rate) {
      const stream = capture.call(this, rate);
      const [track] = stream.getVideoTracks();
      const request = track.requestFrame.bind(track);
      Object.defineProperty(track, 'requestFrame', { value: undefined });
      stream.requestFrame = () => request();
      return stream;
    };
  });
  const { page, problems } = await openPage(site, '', {}, { prepare: firefoxLike });
  await stepTo(page, 50);
  await page.click('#save-gif');
  await page.fill('#gif-frames', '6');
  await page.fill('#gif-delay', '40');
  const download = await downloaded(page, () => page.click('#video-start'));
  const video = await readFile(await download.path());
  assert.deepEqual([...video.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3]);
  assert.deepEqual(problems, []);
});

test('a recorder that yields no bytes (as WebKitGTK\'s here): said, and nothing saved', async () => {
  const empty = (page) => page.addInitScript(() => {
    const Real = MediaRecorder;
    window.MediaRecorder = class extends Real {
      constructor(...args) {
        super(...args);
        this.addEventListener('dataavailable', (event) => event.stopImmediatePropagation(), { capture: true });
      }
      set ondataavailable(f) {
        super.ondataavailable = (event) => f({ data: new Blob([]) });
      }
      get ondataavailable() {
        return super.ondataavailable;
      }
    };
    window.MediaRecorder.isTypeSupported = Real.isTypeSupported.bind(Real);
  });
  const { page: other } = await openPage(site, '', {}, { prepare: empty });
  const downloads = await countDownloads(other);
  await stepTo(other, 50);
  await other.click('#save-gif');
  await other.fill('#gif-frames', '4');
  await other.click('#video-start');
  await other.waitForFunction(() => /could not be made: the browser recorded nothing/.test(document.getElementById('gif-status').textContent));
  assert.equal(await downloads(), 0);
});

test('the parts of an animation: the boundary alone as a square, and a cost curve that grows frame by frame', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 400);
  await page.click('#save-gif');
  // The reader's wide size comes back when the frame is wide again.
  await page.selectOption('#gif-size', '1000x500');
  for (const part of ['network', 'cost', 'readouts']) await page.uncheck(`#gif-part-${part}`);
  assert.equal(await page.inputValue('#gif-size'), '400x400');
  await page.check('#gif-part-network');
  assert.equal(await page.inputValue('#gif-size'), '1000x500');
  await page.uncheck('#gif-part-network');
  assert.equal(await page.inputValue('#gif-size'), '400x400');
  assert.match(await page.textContent('#gif-estimate'), /about [\d.]+ MB/);
  await page.fill('#gif-frames', '10');
  const square = await downloaded(page, () => page.click('#gif-start'));
  const boundary = await decodeGif(page, await readFile(await square.path()));
  assert.equal(boundary.count, 10);
  assert.deepEqual(boundary.size, [400, 400]);
  // The cost curve alone, on the whole run's axes, drawn up to each frame's iteration.
  await page.click('#save-gif');
  await page.uncheck('#gif-part-data');
  await page.check('#gif-part-cost');
  await page.selectOption('#gif-size', '480x240');
  await page.selectOption('#gif-spacing', 'even');
  await page.fill('#gif-frames', '6');
  const curve = await downloaded(page, () => page.click('#gif-start'));
  const growing = await decodeGif(page, await readFile(await curve.path()));
  assert.equal(growing.count, 6);
  // More of the curve each frame (the cursor's line moves along, and may meet an axis).
  assert.ok(growing.inks.at(-1) > 1.2 * growing.inks[0], `ink grows: ${growing.inks}`);
  for (let i = 1; i < growing.count; i++) assert.ok(growing.inks[i] > 0.95 * growing.inks[i - 1], `ink grows: ${growing.inks}`);
  assert.deepEqual(problems, []);
});

test('a run saved with its history opens with its time machine: past iterations are the original\'s, bit for bit', async () => {
  const { page, problems } = await openPage(site);
  await stepTo(page, 120);
  await page.fill('#setting-learningRate', '0.5');
  await page.press('#setting-learningRate', 'Enter');
  await stepTo(page, 240);
  const at = (iteration) => page.evaluate(async (i) => {
    window.neuranim.seek(i);
    return [window.neuranim.snapshot().iteration, await window.neuranim.weightsJson()];
  }, iteration);
  const before = [await at(30), await at(150), await at(239)];
  await page.evaluate(() => window.neuranim.seek(240));
  const { text } = await saveRun(page);
  // Another page opens the file.
  const { page: other, problems: others } = await openPage(site, '#seed=4');
  await openRun(other, 'with-history.json', text);
  await other.waitForFunction(() => /Opened with-history\.json/.test(document.getElementById('notice').textContent));
  assert.equal(await other.getAttribute('#scrubber', 'min'), '0');
  const after = [];
  for (const i of [30, 150, 239]) after.push(await other.evaluate(async (i) => {
    window.neuranim.seek(i);
    return [window.neuranim.snapshot().iteration, await window.neuranim.weightsJson()];
  }, i));
  assert.deepEqual(after, before);
  assert.deepEqual([...problems, ...others], []);
});
