// The network's column is one screen: a deep network's graph at its usual size would push the
// chart and the time machine below the screen's foot (two layers of eight at 1280 × 800, six
// at 1440 × 900 in presenter mode), or run off it while a slow step plays at 1024 × 768. So
// wherever the page has columns, the graph is laid out to the height its column leaves it,
// its thumbnails and rows closer down to their least (graph-layout.js), with the chart kept
// readable where the screen allows. Stacked (a phone), the page scrolls, and the graph keeps
// its size.

/** The chart's panel is given at least this height before the graph gives up any: presenter
 * mode's larger type needs more. */
const CHART_LEAST = { page: 200, presenter: 240 };

/** Keeps `graph` (a NetworkGraph) within the screen, from now on: again when presenter
 * mode, a slow step, the window or the graph's own size changes. */
export function fitGraphToScreen(graph, chartPanel) {
  const html = document.documentElement;
  const panel = graph.container.closest('.panel') ?? graph.container;
  const column = panel.parentElement;
  const shown = (element) => element.getClientRects().length > 0;
  let queued = false;
  const fit = () => {
    queued = false;
    // A column laid out as a stack (a phone) or a hidden graph has no room to measure.
    if (!shown(column) || !shown(graph.stage)) {
      graph.fitHeight(Infinity);
      return;
    }
    // The column's other parts at their own heights, the chart at its least, and the panel's
    // heading and key around the graph: what is left of the screen is the graph's.
    const parts = [...column.children].filter(shown);
    const style = getComputedStyle(column);
    let others = (parseFloat(style.rowGap) || 0) * (parts.length - 1) + parseFloat(getComputedStyle(column.parentElement).paddingBottom);
    // Nor less than the chart's own floor: its head and its canvas's least height, in the
    // engine's own type.
    const frame = chartPanel.querySelector('.chart-frame');
    const floor = frame ? chartPanel.getBoundingClientRect().height - frame.getBoundingClientRect().height + (parseFloat(getComputedStyle(frame).minHeight) || 0) : 0;
    const chartLeast = Math.max(html.classList.contains('presenter') ? CHART_LEAST.presenter : CHART_LEAST.page, Math.ceil(floor));
    for (const part of parts) if (part !== panel && part !== chartPanel) others += part.getBoundingClientRect().height;
    const around = panel.getBoundingClientRect().height - graph.stage.getBoundingClientRect().height;
    const top = column.getBoundingClientRect().top + scrollY;
    const room = (chart) => Math.floor(innerHeight - top - others - (parts.includes(chartPanel) ? chart : 0) - around);
    // A graph taller than the screen even at its smallest (64 neurons a layer) keeps its
    // usual size: it scrolls either way. Short of that, the chart gives up room down to its
    // own floor before the graph is cut (two layers of eight at 1024 × 768).
    let height = room(chartLeast);
    if (graph.heightWithin(height) > height) height = room(Math.ceil(floor));
    graph.fitHeight(graph.smallestHeight() > innerHeight ? Infinity : height);
  };
  const later = () => {
    if (queued) return;
    queued = true;
    // In the frame after the change: the layout it makes (the controls stepping aside, a new
    // network's graph) is the one measured.
    requestAnimationFrame(fit);
  };
  new MutationObserver(later).observe(html, { attributes: true, attributeFilter: ['class', 'data-phase'] });
  new ResizeObserver(later).observe(graph.stage);
  addEventListener('resize', later);
  // At once: a projector's link shows its first frame fitted.
  fit();
}
