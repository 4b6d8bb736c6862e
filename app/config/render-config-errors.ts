import { code, defang, fenced, plural } from "../render/markdown.ts";
import type { ConfigError } from "./config-error.ts";
import { MINIMAL_EXAMPLE } from "./example.ts";
import { HUB_CONFIG_PATH } from "./parse-hub-config.ts";

const SHOWN = 50;

/**
 * An issue comment listing every problem of a configuration file — where, what, the fix — and
 * a minimal valid file at the end.
 */
export function renderConfigErrors(errors: readonly ConfigError[], file = HUB_CONFIG_PATH): string {
  const items = errors.slice(0, SHOWN).map((e, i) => {
    const inFile = e.file !== undefined && e.file !== file ? code(e.file) : "";
    const where = [inFile, e.path === "" ? "" : code(e.path), position(e)]
      .filter(Boolean)
      .join(" ");
    const head = where === "" ? "" : `**${where}** — `;
    return `${i + 1}. ${head}${line(e.message)}  \n   **Fix:** ${line(e.fix)}`;
  });
  const more = errors.length - SHOWN;
  const agents = errors.some((e) => e.file !== undefined && e.file !== file);
  return [
    `### ⚠️ HavunCore cannot use ${code(file)}${agents ? " and the hub's agent files" : ""}`,
    "",
    `${plural(errors.length, "problem")} to fix; nothing is planned or dispatched until the file is valid.`,
    "",
    ...items,
    ...(more > 0 ? ["", `… and ${plural(more, "more problem")}.`] : []),
    "",
    `A minimal valid ${code(file)}:`,
    "",
    fenced(MINIMAL_EXAMPLE, "yaml"),
    "",
  ].join("\n");
}

function position(e: ConfigError): string {
  if (e.line === undefined) return "";
  return e.column === undefined ? `(line ${e.line})` : `(line ${e.line}, column ${e.column})`;
}

function line(text: string): string {
  return defang(text.replace(/\s+/g, " ").trim());
}
