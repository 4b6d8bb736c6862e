import { lastToolResult, workingDirectory } from "./conversation.ts";
import { ScenarioError } from "./errors.ts";
import type { CountTokensRequest } from "./request.ts";

/** Values a scenario may put in its text and tool inputs as `{{name}}`, read from the request. */
const SOURCES: Record<string, (req: CountTokensRequest, turn: number) => string | undefined> = {
  /** Claude Code's "Primary working directory: …" line. */
  cwd: (req) => workingDirectory(req),
  /** The text of the latest tool_result (Read results carry line numbers). */
  lastToolResult: (req) => lastToolResult(req),
  model: (req) => req.model,
  turn: (_req, turn) => String(turn),
};

export const PLACEHOLDERS = Object.keys(SOURCES);

const PATTERN = /\{\{\s*(\w+)\s*\}\}/g;

function fillString(text: string, req: CountTokensRequest, turn: number): string {
  return text.replace(PATTERN, (_all, name: string) => {
    const source = SOURCES[name];
    if (!source)
      throw new ScenarioError(
        "SCENARIO_PLACEHOLDER_UNKNOWN",
        `unknown placeholder {{${name}}}`,
        `use one of ${PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")}`,
      );
    const value = source(req, turn);
    if (value === undefined)
      throw new ScenarioError(
        "SCENARIO_PLACEHOLDER_UNRESOLVED",
        `placeholder {{${name}}} has no value in this request`,
        name === "cwd"
          ? 'the request has no "Primary working directory:" line; match a Claude Code request or use a literal path'
          : "no tool_result precedes this turn; move the placeholder to a later turn",
      );
    return value;
  });
}

/** A copy of `value` with every `{{name}}` in its strings replaced. */
export function fillPlaceholders<T>(value: T, req: CountTokensRequest, turn: number): T {
  if (typeof value === "string") return fillString(value, req, turn) as T;
  if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v, req, turn)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, req, turn)]),
    ) as T;
  return value;
}
