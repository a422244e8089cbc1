// The look the link asks for (presenter mode, high contrast, hidden parts), shown before the
// page's first paint where the browser honours `blocking="render"`, and otherwise as soon as
// the document is parsed: a projector's link does not first paint the usual layout and then
// jump to the large one when the rest of the page's scripts come. It reads only these
// three fields, from the pairs settings.js reads (a test holds the two readings equal), so
// that the first paint waits for two small files and not for the settings table; main.js
// applies every setting later.

import { hashPairs, showAppearance } from './link.js';

/** The look of a URL hash such as `#presenter=on&hide=settings`: { hide, contrast, presenter }. */
export function lookOf(hash) {
  const look = { hide: [], contrast: 'normal', presenter: 'off' };
  for (const { key, value } of hashPairs(hash)) {
    if (key === 'hide') look.hide = value.split(',').filter(Boolean);
    // A value not among the choices is the default, as in the settings table.
    else if (key === 'contrast') look.contrast = value === 'high' ? 'high' : 'normal';
    else if (key === 'presenter') look.presenter = value === 'on' ? 'on' : 'off';
  }
  return look;
}

// Node imports lookOf alone, for the test.
if (typeof document !== 'undefined') showAppearance(lookOf(location.hash));
