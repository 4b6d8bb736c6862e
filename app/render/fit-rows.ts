import { GITHUB_BODY_LIMIT } from "./markdown.ts";

/**
 * `before`, as many of `rows` as fit, a note on those left out, and `after`, joined by new
 * lines, within `limit` characters.
 */
export function fitRows(
  before: string,
  rows: readonly string[],
  after: string,
  note: (hidden: number) => string,
  limit = GITHUB_BODY_LIMIT,
): { text: string; hidden: number } {
  const join = (shown: readonly string[], hidden: number) =>
    [before, ...shown, ...(hidden > 0 ? ["", note(hidden)] : []), after].join("\n");
  const all = join(rows, 0);
  if (all.length <= limit) return { text: all, hidden: 0 };
  let used = join([], rows.length).length;
  let count = 0;
  for (const row of rows) {
    if (used + row.length + 1 + 20 > limit) break;
    used += row.length + 1;
    count++;
  }
  const hidden = rows.length - count;
  return { text: join(rows.slice(0, count), hidden), hidden };
}
