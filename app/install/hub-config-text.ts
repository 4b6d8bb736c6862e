import { isSeq, parseDocument, stringify } from "yaml";
import { HUB_CONFIG_PATH } from "../config/parse-hub-config.ts";

/** A project as `havun init` writes it into `.github/havun.yml`. */
export interface ProjectEntry {
  repo: string;
  description: string;
}

/** `- repo: …\n  description: …` lines, each prefixed with `indent` spaces. */
function items(projects: readonly ProjectEntry[], indent: number): string {
  const text = stringify(
    projects.map((p) => ({ repo: p.repo, description: p.description })),
    { lineWidth: 0 },
  );
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => `${" ".repeat(indent)}${line}\n`)
    .join("");
}

/** A new hub configuration listing the projects. */
export function newHubConfigText(projects: readonly ProjectEntry[]): string {
  return [
    "# HavunCore hub configuration: the project repositories tasks may be filed in.",
    "# Each description tells the planner what belongs in that repository.",
    "version: 1",
    "projects:",
    items(projects, 2).trimEnd(),
    "",
  ].join("\n");
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1);
}

/**
 * The configuration with projects appended to its `projects:` list and every other byte kept:
 * the new items are inserted as text after the last item, at the list's own indentation.
 * Throws with what to do when the list is not a block list.
 */
export function addProjectsText(text: string, projects: readonly ProjectEntry[]): string {
  if (projects.length === 0) return text;
  const doc = parseDocument(text);
  const seq = doc.get("projects", true);
  if (!isSeq(seq) || seq.flow || seq.items.length === 0 || !seq.range)
    throw new Error(
      `the projects of ${HUB_CONFIG_PATH} are not a block list (\`- repo: …\` lines): add ${projects.map((p) => p.repo).join(", ")} there by hand`,
    );
  const first = seq.items[0] as { range?: [number, number, number] };
  const last = seq.items.at(-1) as { range?: [number, number, number] };
  if (!first.range || !last.range)
    throw new Error(`cannot locate the projects in ${HUB_CONFIG_PATH}`);
  // The dash of the first item decides the column new items start at.
  const lineStart = text.lastIndexOf("\n", first.range[0] - 1) + 1;
  const dash = text.slice(lineStart, first.range[0]).lastIndexOf("-");
  const indent = dash >= 0 ? dash : Math.max(columnOf(text, first.range[0]) - 2, 0);
  let at = last.range[1];
  if (text[at - 1] !== "\n") {
    const nl = text.indexOf("\n", at);
    at = nl < 0 ? text.length : nl + 1;
  }
  const prefix = text.slice(0, at);
  const glue = prefix.endsWith("\n") || prefix === "" ? "" : "\n";
  return `${prefix}${glue}${items(projects, indent)}${text.slice(at)}`;
}
