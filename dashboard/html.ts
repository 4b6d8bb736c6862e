/** HTML that is already safe: made by `html` or `raw`. Everything else is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function part(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(part).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/**
 * A template whose values are escaped (text, attribute values) unless they are SafeHtml;
 * arrays are joined; null, undefined and false render nothing. Agent and GitHub text only ever
 * enters a page through it.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += part(v) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Markup made by our own code (never from text we read). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A link only to http(s) addresses (GitHub's); anything else renders as text. */
export function link(href: string, text: unknown): SafeHtml {
  return /^https?:\/\//i.test(href) || href.startsWith("/")
    ? html`<a href="${href}">${text}</a>`
    : html`${text}`;
}
