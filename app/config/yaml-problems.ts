import type { LineCounter, YAMLError } from "yaml";
import type { ConfigError } from "./config-error.ts";

const FIXES: Partial<Record<YAMLError["code"], string>> = {
  DUPLICATE_KEY: "keep one of the two entries with this key",
  TAB_AS_INDENT: "indent with spaces, not tabs",
  BAD_INDENT: "indent with spaces so each key lines up with the keys beside it",
  MULTIPLE_DOCS: "keep one document: remove the `---` separators after the first",
  MULTILINE_IMPLICIT_KEY: "put each `key: value` on its own line, or quote a value with `:` in it",
  BLOCK_AS_IMPLICIT_KEY: "put each `key: value` on its own line, or quote a value with `:` in it",
  BAD_DQ_ESCAPE: "escape backslashes in double quotes as \\\\, or use single quotes",
  RESOURCE_EXHAUSTION: "remove the aliases (`*name`) that repeat large parts of the file",
};

/** A YAML syntax error or warning as a config problem with its line and column. */
export function yamlProblem(error: YAMLError, lines: LineCounter): ConfigError {
  const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
  const where = ` at line ${pos.line}, column ${pos.col}`;
  const message = error.message.split("\n")[0] ?? error.message;
  const problem = {
    path: "",
    message: `${error.name === "YAMLWarning" ? "YAML warning" : "YAML syntax error"}${where}: ${message}`,
    fix:
      FIXES[error.code] ??
      "check the indentation and quoting there; YAML indents with spaces, and a value with `: ` or `#` in it needs quotes",
  };
  return { ...problem, line: pos.line, column: pos.col };
}
