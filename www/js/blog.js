// The demo post's snippets name the site the post is served from, so that each works when
// copied as is: on the project's own site, a fork's, or a local server.

const base = new URL('.', location.href).href;
for (const code of document.querySelectorAll('code[data-snippet]')) {
  code.textContent = code.textContent.replaceAll('https://example.org/neuranim/', base);
}
