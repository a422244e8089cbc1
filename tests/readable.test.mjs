// Text a reader can read where the screen is small: on a phone nothing on show is below 11 px,
// and on a 1024 × 768 projector in presenter mode a long notice is read whole without the page
// scrolling.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openPage, openSite } from './support/browser.mjs';

let site;
before(async () => {
  site = await openSite();
});
after(async () => site?.close());

test('on a phone no text on show is smaller than 11 px: the page, a point\'s maths, the comparison', async () => {
  const { page, problems } = await openPage(site, '#testRatio=0.3', { viewport: { width: 390, height: 844 } });
  const small = () => page.evaluate(() => {
    const seen = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || !element.getClientRects().length) continue;
      const box = element.getBoundingClientRect();
      // Text read aloud only (clipped to a pixel) is not on show.
      if (box.width <= 1 || box.height <= 1 || getComputedStyle(element).visibility === 'hidden') continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < 11) seen.push(`${element.className || element.tagName}: "${node.textContent.trim().slice(0, 24)}" at ${size} px`);
    }
    return seen;
  });
  assert.deepEqual(await small(), []);
  // A point's maths, chosen from the keyboard, and the comparison's tiles.
  await page.evaluate(() => document.querySelector('.plot').focus());
  await page.keyboard.press('ArrowRight');
  await page.locator('.maths-panel').waitFor({ state: 'visible' });
  assert.deepEqual(await small(), []);
  await page.click('#compare');
  await page.waitForFunction(() => document.querySelector('.compare-tile .compare-caption')?.textContent);
  assert.deepEqual(await small(), []);
  assert.deepEqual(problems, []);
});


test('presenter mode at 1024×768 with a test set: a diverging run\'s notice is read whole beside Play, and the page does not scroll', async () => {
  const { page, problems } = await openPage(site, '#presenter=on&testRatio=0.3&activation=linear&learningRate=100&speed=1', { viewport: { width: 1024, height: 768 } });
  await page.click('#play');
  await page.waitForFunction(() => /diverged at iteration/.test(document.getElementById('notice').textContent));
  const seen = await page.evaluate(() => {
    const notice = document.getElementById('notice').getBoundingClientRect();
    const panel = document.querySelector('.side-panel').getBoundingClientRect();
    const play = document.getElementById('play').getBoundingClientRect();
    return { notice: [notice.top, notice.bottom], panel: [panel.top, panel.bottom], play: play.top, scroll: document.documentElement.scrollHeight };
  });
  assert.ok(seen.notice[0] >= seen.panel[0] && seen.notice[1] <= seen.panel[1] + 1, JSON.stringify(seen));
  // Play stays whole above it, to press again at a smaller rate: a full batch's epoch, the
  // iteration's number again, leaves the room for the notice.
  assert.ok(seen.play >= seen.panel[0], JSON.stringify(seen));
  assert.equal(await page.isVisible('#epoch'), false);
  assert.ok(seen.scroll <= 768, `the page is ${seen.scroll} px tall`);
  assert.deepEqual(problems, []);
});
