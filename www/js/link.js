// What a link's hash says: its key and value pairs, read alike by the settings table and by
// the page's first script; and the look a link may set, which never touches the run (parts
// hidden, high contrast, presenter mode).

/** The pairs of a URL hash such as `#dataset=xor&hidden=4,2`, decoded: { key, value }, or
 * { unreadable } (the pair as written) where it cannot be decoded. */
export function hashPairs(hash) {
  const pairs = [];
  for (const pair of String(hash ?? '').replace(/^#/, '').split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    try {
      pairs.push({ key: decodeURIComponent(at < 0 ? pair : pair.slice(0, at)), value: decodeURIComponent(at < 0 ? '' : pair.slice(at + 1)) });
    } catch {
      pairs.push({ unreadable: pair });
    }
  }
  return pairs;
}

/** Shows the look `settings` ask for ({ hide, contrast, presenter }). */
export function showAppearance({ hide, contrast, presenter }) {
  // A class, not `hidden`: a part that shows and hides itself (the maths) keeps its own state.
  for (const part of document.querySelectorAll('[data-part]')) part.classList.toggle('hidden-by-link', hide.includes(part.dataset.part));
  const root = document.documentElement;
  root.classList.toggle('high-contrast', contrast === 'high');
  const presenting = presenter === 'on';
  root.classList.toggle('presenter', presenting);
  const button = document.getElementById('present');
  button.setAttribute('aria-pressed', String(presenting));
  button.textContent = presenting ? 'Leave' : 'Present';
}
