// What a test page must not do, recorded as it happens: console errors, page errors,
// failed requests, error responses, and requests that leave the site. The same events in
// playwright, in Chromium and in Firefox.

/** Records `page`'s problems into the returned array; `origin` is the site's, and URLs
 * matching `local` (data:, blob: and, where a file is opened, file:) stay on the page. */
export function watchProblems(page, origin, local = /^(data|blob):/) {
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !local.test(u)) problems.push(`request left the page: ${u}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}
