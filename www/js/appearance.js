// The page's look that a link may set and that never touches the run: parts hidden,
// high contrast, presenter mode.

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
