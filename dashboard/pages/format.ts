import { html, type SafeHtml } from "../html.ts";

export const usd = (n: number | null | undefined): string =>
  n === null || n === undefined ? "—" : `$${n.toFixed(2)}`;

export const count = (n: number): string => n.toLocaleString("en-US");

/** `42 s`, `3 min 5 s`, `1 h 2 min`. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${Math.floor(m / 60)} h`;
}

/** `<time>` with the age in words: `5 min ago`, `2 days ago`. */
export function age(iso: string, now = Date.now()): SafeHtml {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  const words =
    s < 60
      ? "just now"
      : s < 3600
        ? `${Math.floor(s / 60)} min ago`
        : s < 86_400
          ? `${Math.floor(s / 3600)} h ago`
          : `${Math.floor(s / 86_400)} days ago`;
  return html`<time datetime="${iso}" title="${iso}">${words}</time>`;
}

/** A status as a coloured badge (`st-done`, `st-failed`, … in the stylesheet). */
export function badge(status: string, text = status): SafeHtml {
  const cls = status.toLowerCase().replace(/[^a-z_]/g, "");
  return html`<span class="badge st-${cls}" data-status="${cls}">${text}</span>`;
}

/** A progress bar that also reads without styles: `2/3 (66%)`. */
export function progressBar(done: number, total: number, percent: number): SafeHtml {
  return html`<progress value="${percent}" max="100" aria-label="${percent}% done"></progress>
    <span class="nums">${done}/${total} (${percent}%)</span>`;
}
