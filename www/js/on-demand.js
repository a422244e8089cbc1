// Parts of the page that only some readers use (the comparison, the animation export, the
// slow step, CSV reading, pictures for files) are fetched and evaluated on first use, so that a
// first visit loads and runs less before Play works.

import { guarded, notify } from './messages.js';

/** A part loaded by `load()` on the first call, once: the function returned runs `act` with
 * what `load` gave. A failed load (the network gone since the page came) is said in a notice
 * naming the part, changes nothing else, and is tried again at the next call (Chromium fetches
 * the module again; Firefox keeps a failed module failed until the page reloads, which the
 * notice offers, with the way to keep the run). */
export function onDemand(part, load) {
  let loading = null;
  return (act) => {
    loading ??= load().catch((error) => {
      loading = null;
      throw error;
    });
    return loading.then(guarded(act), (error) => notify([`${part} could not be loaded (${error?.message ?? error}); nothing else changed. Once the page's server can be reached, try again or reload the page (Save run keeps this run).`]));
  };
}
