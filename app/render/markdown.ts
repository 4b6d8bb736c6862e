/** GitHub refuses issue and comment bodies longer than this many characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/** Breaks `@name` mentions and `<…` HTML (including `<!--` markers) in text shown to people. */
export function defang(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9])/g, "@\u2060").replace(/<!--/g, "&lt;!--");
}

/**
 * One line of text for a list item, heading or table cell: whitespace collapsed, HTML and
 * mentions neutralised, `|` escaped, cut to `max` characters with an ellipsis.
 */
export function inline(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return defang(cut).replace(/</g, "&lt;").replace(/\|/g, "\\|");
}

/** An inline code span that holds any text, backticks included. */
export function code(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block that cannot be closed early by the text inside it. */
export function fenced(text: string, language = ""): string {
  const longest = Math.max(0, ...(text.match(/^\s*`{3,}/gm) ?? []).map((r) => r.trim().length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text.replace(/\n$/, "")}\n${fence}`;
}

/** Indents every line after the first, so multi-line text stays inside a list item. */
export function indentRest(text: string, spaces: number): string {
  return text.replace(/\n/g, `\n${" ".repeat(spaces)}`);
}

/** "1 task", "3 tasks"; "2 repositories" with `many` given. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
