// The timeline under the network: a scrubber over every iteration trained so far, playback
// of the recording forward and backward, a way back to the live run, and "continue from
// here". The wasm Playground recomputes any past iteration exactly (keyframes + replay);
// this module only decides which iteration to show.

import { count, shownOf } from './number-text.js';

const $ = (id) => document.getElementById(id);
/** The least time between two scrubber updates while training plays. */
const LIVE_UPDATE_MS = 250;
/** Milliseconds of replay a seek may take per task: a small network's seek ends in one, a
 * deep one's goes on over the next while the page stays responsive. */
const SEEK_BUDGET_MS = 25;
const clock = () => performance.now();

/** One task's share of a seek of `playground` to `iteration`: true once it is shown; if not,
 * the replay towards it went on a while, and the next call goes on from there. */
export const seekStep = (playground, iteration) => playground.seekWithin(iteration, SEEK_BUDGET_MS, clock);

export class TimeMachine {
  /** `show(iteration)` seeks and repaints; `live()` returns to the live run;
   * `fork()` continues from the iteration shown (after the reader confirms);
   * `pauseTraining()` stops live training before the past is shown. */
  constructor({ show, live, fork, pauseTraining }) {
    this.panel = document.querySelector('.timeline-panel');
    this.scrubber = $('scrubber');
    this.label = $('scrub-label');
    this.speed = $('replay-speed');
    this.replaying = 0; // −1 backward, +1 forward, 0 not
    this.callbacks = { show, live, fork, pauseTraining };
    this.scrubber.addEventListener('input', () => {
      this.stopReplay();
      pauseTraining();
      show(Number(this.scrubber.value));
    });
    $('replay-back').addEventListener('click', () => this.replay(-1));
    $('replay-forward').addEventListener('click', () => this.replay(1));
    $('go-live').addEventListener('click', () => {
      this.stopReplay();
      live();
      this.keepFocus($('go-live'));
    });
    $('continue-here').addEventListener('click', () => {
      this.stopReplay();
      const at = Number(this.scrubber.value);
      const last = Number(this.scrubber.max);
      if (at < last && confirm(`Train on from iteration ${at.toLocaleString('en-US')}? The ${(last - at).toLocaleString('en-US')} iterations recorded after it will be dropped.`)) fork();
      this.keepFocus($('continue-here'));
    });
  }

  /** A button pressed from the keyboard that disabled itself (the live run is on show) hands
   * the focus to the scrubber, not to the page's start. */
  keepFocus(button) {
    if (button.disabled && document.activeElement !== this.scrubber && (document.activeElement === button || document.activeElement === document.body)) this.scrubber.focus();
  }

  /** Plays the recording in `direction` from the iteration shown (from the start when
   * forward from the live end). */
  replay(direction) {
    this.callbacks.pauseTraining();
    if (this.replaying === direction) {
      this.stopReplay();
      return;
    }
    this.replaying = direction;
    if (direction > 0 && Number(this.scrubber.value) >= Number(this.scrubber.max)) this.callbacks.show(0);
    $(direction > 0 ? 'replay-forward' : 'replay-back').setAttribute('aria-pressed', 'true');
  }

  stopReplay() {
    this.replaying = 0;
    $('replay-forward').setAttribute('aria-pressed', 'false');
    $('replay-back').setAttribute('aria-pressed', 'false');
  }

  /** Called every animation frame: the next iteration of a replay, if one runs. */
  tick() {
    if (!this.replaying) return;
    const step = Number(this.speed.value) * this.replaying;
    const last = Number(this.scrubber.max);
    const next = Math.min(last, Math.max(0, Number(this.scrubber.value) + step));
    this.callbacks.show(next);
    if (next === 0 || next === last) this.stopReplay();
  }

  /** Mirrors the iteration shown and the live one. While training plays live the thumb
   * stays at the right end, so a few updates a second are enough (each costs a layout).
   * While a seek to `seeking` replays over several frames (a long run opened from a file
   * replays its past from the start the first time), the thumb stays where the reader put
   * it and the label says so, rather than the thumb going back to the iteration shown. */
  update(snapshot, { playing = false, cleared = false, seeking = null } = {}) {
    // A cleared plot has no run to go through: every control rests until points come.
    if (cleared !== this.cleared) {
      this.cleared = cleared;
      this.stopReplay();
      for (const control of [this.scrubber, this.speed, $('replay-back'), $('replay-forward')]) control.disabled = cleared;
      this.updatedAt = 0;
    }
    const past = !cleared && snapshot.iteration < snapshot.liveIteration;
    const now = performance.now();
    if (playing && !past && now - (this.updatedAt ?? 0) < LIVE_UPDATE_MS) return;
    this.updatedAt = now;
    // Only changes are written: each write restyles the slider.
    const set = (key, value) => {
      if (this.scrubber[key] !== value) this.scrubber[key] = value;
    };
    const going = !cleared && seeking !== null && seeking !== snapshot.iteration;
    set('min', String(snapshot.firstIteration));
    set('max', String(snapshot.liveIteration));
    set('value', String(going ? seeking : snapshot.iteration));
    const text = cleared ? 'no points' : going ? `replaying to ${count(seeking)}…` : shownOf(snapshot);
    if (this.label.textContent !== text) this.label.textContent = text;
    if (this.panel.classList.contains('past') !== past) this.panel.classList.toggle('past', past);
    // Live, there is nothing to continue from but where training already is.
    const live = $('go-live');
    const here = $('continue-here');
    if (here.disabled === past) here.disabled = !past;
    if (live.disabled === past) live.disabled = !past;
  }
}
