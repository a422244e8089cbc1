// The page's run controller: it trains within each animation frame's budget and hands the
// frame to the view, which paints what was trained.

import { RunController, STOPPED } from './run-controller.js';
import { notify, showError } from './messages.js';
import { state, ui } from './page-state.js';
import { continueSeek, render, showRate } from './view.js';

export const run = new RunController({
  playground: () => state.playground,
  onFrame: ({ trained, stopped }) => {
    if (trained || stopped || run.playing) render();
    if (stopped === STOPPED.finished) {
      const at = state.settings.iterations.toLocaleString('en-US');
      notify([`Stopped at iteration ${at}, as “Stop after” asks: Play starts again from 0; a larger “Stop after” (or 0) goes on from here.`], 'info');
    }
    else if (state.seeking !== null) continueSeek();
    else if (state.timeMachine?.replaying) state.timeMachine.tick();
    showRate();
  },
  onPlayingChange: (playing) => {
    // Training goes on from the live run: a seek under way is dropped.
    if (playing) state.seeking = null;
    ui.play.textContent = playing ? 'Pause' : 'Play';
    ui.play.setAttribute('aria-pressed', String(playing));
  },
  onError: (error) => showError(error),
});
