import { LineCounter, parseDocument } from "yaml";
import type { ConfigError } from "../config/config-error.ts";
import { problemsFromIssues } from "../config/issue-problems.ts";
import { locate } from "../config/locate.ts";
import { yamlProblem } from "../config/yaml-problems.ts";
import { AGENTS_DIR } from "./agent-name.ts";
import { agentFrontMatterSchema, MAX_INSTRUCTIONS, type AgentDefinition } from "./agent-schema.ts";

/** One agent file as read from the hub: its path (relative to the repository) and text. */
export interface AgentFileText {
  path: string;
  text: string;
}

export type ParsedAgentFile =
  { ok: true; agent: AgentDefinition } | { ok: false; errors: ConfigError[] };

const EXAMPLE =
  "---\\nname: backend-engineer\\ndescription: Server-side features\\nkinds: [implementation]\\n---\\nStanding instructions…";

/** Splits `---` front matter off a Markdown file; `line` is the file line the YAML starts on. */
function split(text: string): { yaml: string; body: string; line: number } | ConfigError {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---")
    return {
      path: "",
      line: 1,
      message: "the file does not start with front matter",
      fix: `start it with a \`---\` line, the agent's fields, and a closing \`---\` line (${EXAMPLE})`,
    };
  const close = lines.findIndex((l, i) => i > 0 && (l.trim() === "---" || l.trim() === "..."));
  if (close < 0)
    return {
      path: "",
      line: 1,
      message: "the front matter opened here is never closed",
      fix: "end it with a line `---` before the instructions",
    };
  return {
    yaml: lines.slice(1, close).join("\n"),
    body: lines
      .slice(close + 1)
      .join("\n")
      .trim(),
    line: 2,
  };
}

/**
 * Reads `.github/havun/agents/<name>.md`: YAML front matter (the agent's fields, checked against
 * the schema) and a Markdown body (its standing instructions). Every problem names the file and,
 * where it can be pointed at, its line and column, with a fix.
 */
export function parseAgentFile(file: AgentFileText): ParsedAgentFile {
  const at = (e: ConfigError): ConfigError => ({ ...e, file: file.path });
  const parts = split(file.text);
  if ("message" in parts) return { ok: false, errors: [at(parts)] };
  const lines = new LineCounter();
  const doc = parseDocument(parts.yaml, { lineCounter: lines, prettyErrors: false });
  const shift = (line: number | undefined) =>
    line === undefined ? undefined : line + parts.line - 1;
  if (doc.errors.length)
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const p = yamlProblem(e, lines);
        return at({
          ...p,
          message: p.message.replace(/ at line \d+, column \d+/, ""),
          line: shift(p.line),
        });
      }),
    };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 20 });
  } catch (err) {
    return {
      ok: false,
      errors: [
        at({
          path: "",
          line: parts.line,
          message: `unreadable YAML: ${(err as Error).message}`,
          fix: "remove the aliases",
        }),
      ],
    };
  }
  if (data === null || data === undefined)
    return {
      ok: false,
      errors: [
        at({
          path: "",
          line: parts.line,
          message: "the front matter is empty",
          fix: "write at least name, description and kinds",
        }),
      ],
    };
  const parsed = agentFrontMatterSchema.safeParse(data, { reportInput: true });
  if (!parsed.success)
    return {
      ok: false,
      // Top to bottom through the file, as a reader fixes them.
      errors: problemsFromIssues(parsed.error.issues, agentFrontMatterSchema)
        .map(({ at: path, ...p }) => {
          const pos = locate(doc, lines, path);
          return at({ ...p, ...(pos ? { line: shift(pos.line), column: pos.column } : {}) });
        })
        .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)),
    };
  const errors: ConfigError[] = [];
  const meta = parsed.data;
  if (meta.produces === "review" && meta.kinds.some((k) => k !== "review"))
    errors.push(
      at({
        path: "produces",
        line: shift(locate(doc, lines, ["produces"])?.line),
        message: "an agent that produces reviews serves only review tasks",
        fix: "set `kinds: [review]`, or `produces: pull_request`",
      }),
    );
  if (parts.body === "")
    errors.push(
      at({
        path: "",
        message: "the file has no instructions below its front matter",
        fix: "write the agent's standing instructions (how it works, what it must always do) after the closing `---`",
      }),
    );
  if (parts.body.length > MAX_INSTRUCTIONS)
    errors.push(
      at({
        path: "",
        message: `its instructions are ${parts.body.length.toLocaleString("en-US")} characters; at most ${MAX_INSTRUCTIONS.toLocaleString("en-US")} are allowed`,
        fix: "shorten them: they travel with every task the agent works on",
      }),
    );
  if (errors.length) return { ok: false, errors };
  return { ok: true, agent: { ...meta, instructions: parts.body, source: file.path } };
}

/** Whether a hub path is an agent file: a Markdown file directly in the agents folder. */
export function isAgentFilePath(path: string): boolean {
  return (
    path.startsWith(`${AGENTS_DIR}/`) && /^[^/]+\.md$/i.test(path.slice(AGENTS_DIR.length + 1))
  );
}
