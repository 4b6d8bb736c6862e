import { html, type SafeHtml } from "../html.ts";

export interface Crumb {
  label: string;
  href?: string;
}

/** What a view renders: the page's title, where it sits, and its `<main>`. */
export interface PageBody {
  title: string;
  crumbs: Crumb[];
  main: SafeHtml;
  status?: number;
}

/**
 * The page around a view's `<main>`. It works without scripts (a `<noscript>` refresh keeps it
 * current); with them, live.js swaps `<main>` when the server sends an update. Everything it
 * loads comes from the dashboard itself.
 */
export function layout(o: {
  hub: string;
  body: PageBody;
  /** The events address that keeps this page current (null: the page never changes). */
  live: string | null;
}): string {
  const crumbs = o.body.crumbs.map((c, i) =>
    c.href && i < o.body.crumbs.length - 1
      ? html`<a href="${c.href}">${c.label}</a>`
      : html`<span>${c.label}</span>`,
  );
  const sep = html`<span class="sep" aria-hidden="true">›</span>`;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${o.body.title} · HavunCore</title>
        <link rel="stylesheet" href="/assets/style.css" />
        <script src="/assets/live.js" defer></script>
        ${o.live ? html`<noscript><meta http-equiv="refresh" content="30" /></noscript>` : ""}
      </head>
      <body>
        <header>
          <a class="brand" href="/">HavunCore</a> <span class="hub">${o.hub}</span>
          <nav class="crumbs" aria-label="Breadcrumb">
            ${crumbs.flatMap((c, i) => (i ? [sep, c] : [c]))}
          </nav>
        </header>
        <main id="main" ${o.live ? html`data-live="${o.live}"` : ""}>${o.body.main}</main>
        <footer>
          <span id="live-state">${o.live ? "read live from GitHub" : "read from GitHub"}</span>
        </footer>
      </body>
    </html> `.value;
}
