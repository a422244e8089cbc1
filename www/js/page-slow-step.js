// The page's slow-motion step: the Step slowly button, the caption strip and its controls,
// and the keys while a step plays (Space pauses, → the next phase, Esc finishes). Anything
// else that moves the run (Play, Step, Reset, the time machine) finishes the step first.

import { guarded, notify } from './messages.js';
import { run } from './page-run.js';
import { $, state } from './page-state.js';
import { onDemand } from './on-demand.js';
import { backToLive, pointsCleared } from './transitions.js';
import { render } from './view.js';

/** Null until the first slow step loads its module. */
let slowStep = null;

export function setUpSlowStep() {
  const strip = $('phase-caption');
  const load = onDemand('Step slowly', async () => {
    const { SlowStep } = await import('./on-first-use.js');
    return (slowStep = createSlowStep(SlowStep, strip));
  });
  $('slow-step').addEventListener('click', () => pointsCleared() || load((step) => step.start()));
  $('phase-pause').addEventListener('click', () => slowStep?.togglePause());
  $('phase-next').addEventListener('click', guarded(() => slowStep?.next()));
  $('phase-finish').addEventListener('click', guarded(() => slowStep?.finish()));
  // Ancestors' capturing listeners run before the buttons' own.
  const settle = guarded((event) => {
    if (slowStep?.active && event.target.closest('button, input, select') && !event.target.closest('#slow-step')) slowStep.finish();
  });
  for (const id of ['panel-training', 'panel-time', 'panel-settings']) $(id).addEventListener('click', settle, true);
}

function createSlowStep(SlowStep, strip) {
  return new SlowStep({
    host: {
      playground: () => state.playground,
      graph: () => state.graph,
      plot: document.querySelector('.plot'),
      boundary: $('boundary'),
      task: () => state.task,
      selected: () => state.selected,
      prepare: () => {
        const { playing } = run;
        run.setPlaying(false);
        state.seeking = null;
        const past = backToLive();
        if (playing || past) render();
      },
      render,
      say: (text) => notify([text]),
    },
    caption: {
      strip,
      steps: strip.querySelector('.phase-steps'),
      text: strip.querySelector('.phase-text'),
      formula: strip.querySelector('.phase-formula'),
      pause: $('phase-pause'),
    },
    seconds: () => Number($('slow-step-speed').value) || 2,
  });
}

/** A key while a slow step plays; whether it was the step's. */
export function slowStepKey(event) {
  // While it starts (two frames), Escape finishes it as soon as it begins, and the step's
  // other keys wait rather than reach the page (Space would play the run under it).
  if (!slowStep?.active && !slowStep?.starting) return false;
  if (!slowStep.active && event.key !== 'Escape') {
    if (event.key !== ' ' && event.key !== 'ArrowRight') return false;
    event.preventDefault();
    return true;
  }
  if (event.key === ' ') slowStep.togglePause();
  else if (event.key === 'ArrowRight') guarded(() => slowStep.next())();
  else if (event.key === 'Escape') guarded(() => slowStep.finish())();
  else return false;
  event.preventDefault();
  return true;
}
