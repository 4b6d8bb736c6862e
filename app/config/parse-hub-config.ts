import { LineCounter, parseDocument, type Document } from "yaml";
import type { AgentFileText } from "../agents/parse-agent-file.ts";
import { parseHubAgents } from "../agents/registry.ts";
import { registryWarnings } from "../agents/registry-warnings.ts";
import { HUB_AGENTS } from "./agents-config-schema.ts";
import type { ConfigError, ConfigWarning } from "./config-error.ts";
import { configWarnings } from "./config-warnings.ts";
import { hubConfigSchema, type HubConfig } from "./hub-config-schema.ts";
import { problemsFromIssues, type LocatedProblem } from "./issue-problems.ts";
import { locate } from "./locate.ts";
import { yamlProblem } from "./yaml-problems.ts";

export type ParseHubConfigResult =
  { ok: true; config: HubConfig; warnings: ConfigWarning[] } | { ok: false; errors: ConfigError[] };

/** The hub's configuration path, relative to the repository root. */
export const HUB_CONFIG_PATH = ".github/havun.yml";

/**
 * Reads `.github/havun.yml`: YAML syntax errors with line and column, then the schema's problems
 * (each with a path and a fix; unknown keys with a "did you mean"), then warnings. With the hub's
 * agent files (`.github/havun/agents/*.md`), their problems follow, each naming its file.
 */
export function parseHubConfig(
  yamlText: string,
  agentFiles: readonly AgentFileText[] = [],
): ParseHubConfigResult {
  const config = parseConfigFile(yamlText);
  const agents = parseHubAgents(agentFiles);
  if (!config.ok || agents.errors.length)
    return { ok: false, errors: [...(config.ok ? [] : config.errors), ...agents.errors] };
  const parsed = {
    ...config.config,
    agents: { ...config.config.agents, [HUB_AGENTS]: agents.agents },
  };
  const warnings = [
    ...config.warnings,
    ...agents.warnings,
    ...registryWarnings(agents.agents, parsed.projects),
  ];
  return { ok: true, config: parsed, warnings };
}

function parseConfigFile(yamlText: string): ParseHubConfigResult {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0)
    return { ok: false, errors: doc.errors.map((e) => yamlProblem(e, lines)) };
  if (doc.contents === null) {
    return {
      ok: false,
      errors: [
        {
          path: "",
          message: "the file is empty",
          fix: "write `version: 1` and a `projects:` list, each with `repo:` (owner/name) and `description:`",
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      errors: [{ path: "", message: `unreadable YAML: ${message}`, fix: "remove the aliases" }],
    };
  }
  const parsed = hubConfigSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const problems = problemsFromIssues(parsed.error.issues, hubConfigSchema);
    return { ok: false, errors: byPosition(problems.map((p) => located(doc, lines, p))) };
  }
  const warnings = [
    ...doc.warnings.map((w) => yamlProblem(w, lines)),
    ...configWarnings(parsed.data).map((p) => located(doc, lines, p)),
  ];
  return { ok: true, config: parsed.data, warnings };
}

function located(doc: Document, lines: LineCounter, problem: LocatedProblem): ConfigError {
  const { at, ...rest } = problem;
  const pos = locate(doc, lines, at);
  return pos === undefined ? rest : { ...rest, line: pos.line, column: pos.column };
}

/** Top to bottom through the file, as a reader fixes them. */
function byPosition(errors: ConfigError[]): ConfigError[] {
  const key = (e: ConfigError) => (e.line ?? Infinity) * 1e6 + (e.column ?? 0);
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => key(a.e) - key(b.e) || a.i - b.i)
    .map((x) => x.e);
}
