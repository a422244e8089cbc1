// What a screen reader is given: no control, figure, picture or group without a name, on the
// page (with a deep network's graph too) and in the lesson. Read from Chromium's own
// accessibility tree, which no other engine here exposes.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { onlyIn } from './support/engine.mjs';
import { openPage, openSite } from './support/browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

/** Roles that are announced by their names, and say nothing without one. */
const NAMED = ['button', 'checkbox', 'slider', 'textbox', 'spinbutton', 'combobox', 'radio', 'figure', 'image', 'img', 'SvgRoot', 'graphics-document', 'group', 'region', 'dialog'];

async function unnamed(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const found = [];
  for (const node of nodes) {
    if (node.ignored || !NAMED.includes(node.role?.value) || node.name?.value) continue;
    const { node: element } = await cdp.send('DOM.describeNode', { backendNodeId: node.backendDOMNodeId });
    found.push(`${node.role.value} <${element.localName} ${(element.attributes ?? []).join(' ')}>`);
  }
  return found;
}

const skip = onlyIn('chromium', "it reads Chromium's accessibility tree");

test('every control, figure, picture and group of the page has a name, a deep graph\'s too', { skip }, async () => {
  for (const path of ['', '#hidden=8,8,8&dataset=spiral3']) {
    const { page, problems } = await openPage(site, path);
    assert.deepEqual(await unnamed(page), [], path);
    assert.deepEqual(problems, []);
  }
});

test('every figure of the lesson is named by its caption, and nothing in it goes unnamed', { skip }, async () => {
  const { page, problems } = await openPage(site, 'lesson.html', {}, { ready: 'neuranim-playground' });
  await page.waitForFunction(() => [...document.querySelectorAll('neuranim-playground')].every((e) => e.snapshot()), null, { timeout: 30_000 });
  assert.deepEqual(await unnamed(page), []);
  assert.deepEqual(problems, []);
});
