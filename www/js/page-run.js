// The page's run controller: it trains within each animation frame's budget and hands the
// frame to the view, which paints what was trained.

import { RunController } from './run-controller.js';
import { showError } from './messages.js';
import { state, ui } from './page-state.js';
import { continueSeek, render, showRate } from './view.js';

export const run = new RunController({
  playground: () => state.playground,
  onFrame: ({ trained, stopped }) => {
    if (trained || stopped || run.playing) render();
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
