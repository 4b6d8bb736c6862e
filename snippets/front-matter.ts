import { keepsFirstLine, type FrontMatterStyle } from "./languages.ts";

/** A file's front matter split from its code; `yamlLine` is the file line (1-based) YAML starts on. */
export type SplitFile =
  | { kind: "none"; code: string }
  | { kind: "ok"; yaml: string; yamlLine: number; code: string }
  | { kind: "unclosed"; line: number; message: string; fix: string };

function markers(style: FrontMatterStyle): { open: string[]; close: string[]; prefix: string } {
  switch (style.kind) {
    case "yaml":
      return { open: ["---"], close: ["---", "..."], prefix: "" };
    case "line":
      return {
        open: [`${style.prefix} ---`, `${style.prefix}---`],
        close: [`${style.prefix} ---`, `${style.prefix}---`],
        prefix: style.prefix,
      };
    case "block":
      return {
        open: [`${style.open} ---`, `${style.open}---`],
        close: [`--- ${style.close}`, `---${style.close}`],
        prefix: "",
      };
    case "sidecar":
      return { open: [], close: [], prefix: "" };
  }
}

/** How the opening marker looks for a style, for messages: `// ---`. */
export function openingMarker(style: FrontMatterStyle): string {
  return markers(style).open[0] ?? "";
}

/**
 * Splits front matter off a snippet file. It starts on the first line (or the second, after a
 * shebang or `<?php`) with the style's opening marker and ends at its closing marker; in the
 * line-comment style every line in between carries the comment prefix. The code is the file
 * without it (a kept first line stays; one blank line after the front matter is dropped).
 */
export function splitFrontMatter(text: string, style: FrontMatterStyle): SplitFile {
  const lines = text.split(/\r?\n/);
  const head = keepsFirstLine(text) ? 1 : 0;
  const m = markers(style);
  if (!m.open.includes((lines[head] ?? "").trim())) return { kind: "none", code: text };
  const yaml: string[] = [];
  for (let i = head + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (m.close.includes(raw.trim())) {
      const rest = lines.slice(i + 1);
      if (rest[0]?.trim() === "") rest.shift();
      const code = [...lines.slice(0, head), ...rest].join("\n");
      return { kind: "ok", yaml: yaml.join("\n"), yamlLine: head + 2, code };
    }
    if (m.prefix) {
      const t = raw.trimStart();
      if (!t.startsWith(m.prefix))
        return {
          kind: "unclosed",
          line: i + 1,
          message: `the front matter is not closed: line ${i + 1} does not start with \`${m.prefix}\``,
          fix: `end the front matter with a line \`${m.close[0]}\` (every line in it starts with \`${m.prefix}\`)`,
        };
      const body = t.slice(m.prefix.length);
      yaml.push(body.startsWith(" ") ? body.slice(1) : body);
    } else yaml.push(raw);
  }
  return {
    kind: "unclosed",
    line: head + 1,
    message: "the front matter opened here is never closed",
    fix: `end it with a line \`${m.close[0]}\``,
  };
}

/** A file with `yaml` as its front matter above `code`, in the language's style. */
export function joinFrontMatter(yaml: string, code: string, style: FrontMatterStyle): string {
  const m = markers(style);
  const body = yaml.replace(/\n+$/, "").split("\n");
  const inner = m.prefix ? body.map((l) => (l ? `${m.prefix} ${l}` : m.prefix)) : body;
  const block = [m.open[0]!, ...inner, m.close[0]!];
  const lines = code.split("\n");
  const head = keepsFirstLine(code) ? [lines.shift()!] : [];
  return [...head, ...block, "", ...lines].join("\n");
}
