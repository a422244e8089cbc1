// For the benchmarks: slow steps one after another, as long as the page is open. Run in the
// page (page.evaluate, in either engine) once its phases are set to 1 s.

export function chainSlowSteps() {
  const again = () => {
    if (!document.documentElement.dataset.phase) document.getElementById('slow-step').click();
    requestAnimationFrame(again);
  };
  again();
}
