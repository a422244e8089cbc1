// Parts of the page that only some readers use (the comparison, the animation export, the
// slow step, CSV reading, pictures for files) are fetched and evaluated on first use, so that a
// first visit loads and runs less before Play works.

import { guarded, notify } from './messages.js';
import { ui } from './page-state.js';

/** Escape pressed while a part loads takes back the click that asked for it. */
let escapes = 0;
addEventListener('keydown', (event) => {
  if (event.key === 'Escape') escapes++;
}, true);

const failure = (part) => `${part} could not be loaded`;

/** A part loaded by `load()` on the first call, once: the function returned runs `act` with
 * what `load` gave, unless Escape was pressed meanwhile. A failed load (the network gone since
 * the page came) is said in a notice naming the part, changes nothing else, and is tried
 * again at the next call (Chromium fetches the module again; Firefox keeps a failed module
 * failed until the page reloads, which the notice offers, with the way to keep the run); the
 * notice goes once the part loads. */
export function onDemand(part, load) {
  let loading = null;
  let failed = false;
  return (act) => {
    const asked = escapes;
    loading ??= load().catch((error) => {
      loading = null;
      throw error;
    });
    return loading.then(
      (loaded) => {
        if (failed && ui.notice.textContent.startsWith(failure(part))) notify([]);
        failed = false;
        if (escapes === asked) guarded(act)(loaded);
      },
      (error) => {
        failed = true;
        notify([`${failure(part)} (${error?.message ?? error}); nothing else changed. Once the page's server can be reached, try again or reload the page (Save run keeps this run).`]);
      },
    );
  };
}
