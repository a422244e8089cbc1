// Labels beside marked points: none covers another or leaves the picture, and a label with
// room to the upper right of its point goes there.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeLabels } from '../www/js/label-place.js';

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('labels of points that crowd together are placed apart, inside the picture', () => {
  const bounds = { width: 400, height: 400 };
  // Random clusters of three to five points, some at the picture's edges and corners.
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let trial = 0; trial < 300; trial++) {
    const cx = random() * 400;
    const cy = random() * 400;
    const anchors = Array.from({ length: 3 + Math.floor(random() * 3) }, () => ({ x: cx + (random() - 0.5) * 20, y: cy + (random() - 0.5) * 20, width: 60, height: 14 }));
    const boxes = placeLabels(anchors, 14, bounds).map((p, i) => ({ ...p, width: anchors[i].width, height: anchors[i].height }));
    for (const [i, box] of boxes.entries()) {
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 400 && box.y + box.height <= 400, `trial ${trial}: label ${i} outside: ${JSON.stringify(box)}`);
      for (const other of boxes.slice(0, i)) assert.ok(!overlaps(box, other), `trial ${trial}: labels overlap: ${JSON.stringify([box, other])}`);
    }
  }
});

test('a lone label sits to the upper right of its point, or where there is room', () => {
  assert.deepEqual(placeLabels([{ x: 100, y: 100, width: 60, height: 14 }], 14, { width: 400, height: 400 }), [{ x: 114, y: 72 }]);
  // At the right edge: to the left; at the top: below.
  assert.deepEqual(placeLabels([{ x: 390, y: 100, width: 60, height: 14 }], 14, { width: 400, height: 400 }), [{ x: 316, y: 72 }]);
  assert.deepEqual(placeLabels([{ x: 100, y: 5, width: 60, height: 14 }], 14, { width: 400, height: 400 }), [{ x: 114, y: 19 }]);
});
