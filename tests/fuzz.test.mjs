// Seeded fuzzing of everything the page reads from outside: thousands of mutated links and
// attributes through the settings table (in Node), and of mutated run files and CSV files
// through the core's readers in the page. Each answer is a value in range or a refusal of
// one short line without control characters, never a crash; then a sample goes through the
// page's own file inputs, which keep the run on show and go on training.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { FIELDS, parseField, parseHash } from '../www/js/settings.js';
import { openPage, openSite, snapshot } from './support/browser.mjs';
import { downloaded } from './support/downloads.mjs';

/** A small seeded generator (mulberry32), so that every run tries the same cases. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = ['', ' ', '-1', '0', '1e308', '-1e308', '1e-320', 'NaN', 'Infinity', '9007199254740993', '0x10', '1,2,3', '%', '%zz', '\u0000', '\r\n', '\u001b[31m', '<img src=x onerror=alert(1)>', 'é', '😀', 'auto', 'full', 'max', 'x'.repeat(5000), '9'.repeat(400)];

function mutateText(rand, text) {
  const at = Math.floor(rand() * (text.length + 1));
  switch (Math.floor(rand() * 6)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + NASTY[Math.floor(rand() * NASTY.length)] + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 20));
    case 3:
      return text.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0x2fff)) + text.slice(at + 1);
    case 4:
      return text + text.slice(0, at);
    default:
      return NASTY[Math.floor(rand() * NASTY.length)];
  }
}

/** One line of at most `most` characters, with no control characters. */
function assertShort(message, most, what) {
  assert.equal(typeof message, 'string', what);
  assert.ok(message.length <= most, `${what}: a message of ${message.length} characters`);
  assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(message), `${what}: control characters in ${JSON.stringify(message.slice(0, 200))}`);
}

function assertInRange(settings, what) {
  for (const [key, field] of Object.entries(FIELDS)) {
    const v = settings[key];
    const where = `${what}: ${key} = ${JSON.stringify(v)}`;
    if (field.kind === 'choice') assert.ok(field.options.includes(v), where);
    if ((field.kind === 'number' || field.kind === 'int') && v !== null) assert.ok(v >= field.min && v <= field.max, where);
    if (field.kind === 'int') assert.ok(Number.isInteger(v), where);
    if (field.kind === 'batch') assert.ok(v === field.word || ((field.whole === false || Number.isInteger(v)) && v >= field.min && v <= field.max), where);
    if (field.kind === 'layers') assert.ok(v.length <= field.maxLayers && v.every((n) => Number.isInteger(n) && n >= field.min && n <= field.max), where);
    if (field.kind === 'features') assert.ok(v.length > 0 && v.every((f) => field.options.includes(f)), where);
  }
}

test('5,000 mutated links and attribute values: settings in range, short notices, never a throw', () => {
  const rand = random(11);
  const good = '#dataset=spiral&noise=0.2&testRatio=0.3&seed=4&features=x1,x2,sinX1&hidden=8,4&activation=relu&init=he&learningRate=0.03&batchSize=10&optimizer=adam&regularization=l2&regularizationRate=0.001&iterations=500&speed=max&hide=graph';
  for (let i = 0; i < 5000; i++) {
    let hash = good;
    for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) hash = mutateText(rand, hash);
    const { settings, notices } = parseHash(hash);
    assertInRange(settings, `#${i}`);
    for (const notice of notices) assertShort(notice, 300, `link #${i}`);
    // The same text as one attribute or control value.
    const keys = Object.keys(FIELDS);
    const key = keys[Math.floor(rand() * keys.length)];
    const { notice } = parseField(key, mutateText(rand, hash));
    if (notice) assertShort(notice, 300, `${key} #${i}`);
  }
});

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

test('2,000 mutated run files and 2,000 mutated CSV files: a run or one short refusal each, never a panic', async () => {
  const { page, problems } = await openPage(site, '#hidden=3,2&batchSize=7&optimizer=adam&testRatio=0.2');
  const failures = await page.evaluate(async (source) => {
    const random = new Function(`return ${source}`)();
    const { Playground, lastPanicMessage } = await import('./pkg/neuranim_wasm.js');
    const files = await import('./pkg/neuranim_files.js');
    await files.default();
    const { readCsv, readRun, writeRun } = files;
    const rand = random(12);
    const base = JSON.parse(
      (() => {
        const p = new Playground({ hidden: [3, 2], batchSize: 7, optimizer: 'adam', testRatio: 0.2 });
        p.step(30);
        const json = writeRun(p.coreSettings(), p.runTape(true));
        p.free();
        return json;
      })(),
    );
    const values = [null, true, -1, 0, 0.5, 1e308, -1e308, 2 ** 53 + 2, '', 'x', [], {}, [1e308], [[1, 2]], 'NaN'];
    const pick = (list) => list[Math.floor(rand() * list.length)];
    /** Every path to a value in `value`, as lists of keys. */
    const paths = (value, prefix = [], out = []) => {
      out.push(prefix);
      if (value && typeof value === 'object' && out.length < 4000) for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
      return out;
    };
    const all = paths(base).filter((p) => p.length > 0);
    const failures = [];
    const judge = (what, attempt) => {
      try {
        const made = attempt();
        made?.free?.();
      } catch (error) {
        // A panic in the files module, which keeps no message, traps.
        if (error instanceof WebAssembly.RuntimeError) failures.push(`${what}: trap ${error.message}`);
        const message = String(error?.message ?? error);
        if (message.length > 300 || /[\u0000-\u001f\u007f-\u009f]/.test(message)) failures.push(`${what}: ${JSON.stringify(message.slice(0, 120))} (${message.length} chars)`);
      }
      const panic = lastPanicMessage();
      if (panic) failures.push(`${what}: panic ${panic}`);
    };
    for (let i = 0; i < 2000; i++) {
      const file = structuredClone(base);
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
        const path = pick(all);
        let parent = file;
        for (const key of path.slice(0, -1)) parent = parent?.[key];
        if (parent && typeof parent === 'object') {
          const key = path.at(-1);
          if (rand() < 0.2) delete parent[key];
          else parent[key] = pick(values);
        }
      }
      let text = JSON.stringify(file);
      if (rand() < 0.15) text = text.slice(0, Math.floor(rand() * text.length));
      judge(`run file #${i}`, () => {
        const { settings, tape } = readRun(text);
        return Playground.fromRun(settings, tape);
      });
    }
    const csv = 'x1,x2,label\n' + Array.from({ length: 40 }, (_, i) => `${(i % 7) - 3},${(i % 5) - 2},${i % 3}`).join('\n') + '\n';
    const nasty = ['', ',', '\r', '\u0000', '1e308', '-1e308', 'NaN', 'inf', '"', '\ufeff', ' ', '1e-400', '9'.repeat(400), '\n\n', 'x1,x2,label'];
    for (let i = 0; i < 2000; i++) {
      let text = csv;
      for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) {
        const at = Math.floor(rand() * text.length);
        text = rand() < 0.7 ? text.slice(0, at) + pick(nasty) + text.slice(at + 1) : text.slice(0, at);
      }
      if (rand() < 0.05) text = text.replaceAll('\n', '\r').repeat(200);
      judge(`csv #${i}`, () => {
        const data = readCsv(text);
        if (data.bounds.some((b) => !Number.isFinite(b))) failures.push(`csv #${i}: read with plotting bounds ${data.bounds}`);
        return Playground.withData({}, Float64Array.from(data.points), Float64Array.from(data.labels), data.classes, Float64Array.from(data.bounds));
      });
    }
    return failures;
  }, random.toString());
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
  assert.deepEqual(problems, []);
});

test('mutated files through the page: a short notice, the run on show kept, training going on', async () => {
  const { page, problems } = await openPage(site, '');
  const rand = random(13);
  for (let i = 0; i < 3; i++) await page.click('#step');
  await page.waitForFunction(() => window.neuranim.snapshot().liveIteration === 3);
  const download = await downloaded(page, () => page.click('#save-run'));
  const good = await readFile(await download.path(), 'utf8');
  for (let i = 0; i < 40; i++) {
    const csv = i % 2 === 1;
    const text = csv ? mutateText(rand, 'x1,x2,label\n0,0,0\n1,1,1\n2,0,1\n') : mutateText(rand, good);
    const name = `case-${i}${mutateText(rand, '\u0007').slice(0, 3)}.${csv ? 'csv' : 'json'}`;
    await page.evaluate(() => (document.getElementById('notice').textContent = ''));
    await page.setInputFiles(csv ? '#csv-file' : '#run-file', { name, mimeType: csv ? 'text/csv' : 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction(() => document.getElementById('notice').textContent !== '');
    const said = await page.locator('#notice').textContent();
    for (const line of said.split('\n')) assertShort(line, 420, `case ${i}`);
    assert.equal(await page.evaluate(() => document.getElementById('error').hidden), true, `case ${i}: ${said}`);
    // Refused or opened, the page trains on.
    const from = (await snapshot(page)).liveIteration;
    await page.click('#step');
    await page.waitForFunction((n) => window.neuranim.snapshot().liveIteration !== n || window.neuranim.dataSize() === 0, from);
  }
  assert.deepEqual(problems, []);
});
