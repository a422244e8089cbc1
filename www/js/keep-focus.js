// Controls rebuilt under the keyboard: a − or + pressed with Enter is replaced by a new one
// when the settings it changed are shown, and focus would fall to the page's body, where the
// next Space plays the run instead of pressing the button again.

/** Runs `rebuild()`, which replaces controls inside `container`; if one of them had focus,
 * focus goes to its successor, the control of the same aria-label (the same action), or,
 * where that is gone or disabled (+ at the most neurons), to the first enabled control there. */
export function keepingFocus(container, rebuild) {
  const focused = document.activeElement;
  const label = focused && focused !== document.body && container.contains(focused) ? focused.getAttribute('aria-label') : null;
  rebuild();
  if (label === null || container.contains(document.activeElement)) return;
  const controls = [...container.querySelectorAll('button, input, select')].filter((control) => !control.disabled);
  (controls.find((control) => control.getAttribute('aria-label') === label) ?? controls[0])?.focus();
}
