import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SnippetDelivery } from "../../../snippets/delivery.ts";

/** Where in the agent's HOME the attached snippets are put: outside the workspace, never committed. */
export const SNIPPETS_HOME_DIR = ".havun/snippets";

/**
 * Writes the attached snippets' code into the agent's HOME (`.havun/snippets/<category>/<name>.<ext>`,
 * read-only, with a README listing each one's usage and needs), where Claude Code can read
 * them. Returns the folder and each snippet's file, or null when none is attached.
 */
export function placeSnippets(
  home: string,
  delivery: SnippetDelivery,
): { dir: string; files: Record<string, string> } | null {
  if (delivery.attached.length === 0) return null;
  const dir = join(home, SNIPPETS_HOME_DIR);
  const files: Record<string, string> = {};
  const index = ["# Snippets attached to this task", ""];
  for (const s of delivery.attached) {
    // The file name was checked against `<category>/<name>.<ext>` (slugs) when it was read.
    const path = join(dir, s.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, s.code);
    chmodSync(path, 0o444);
    files[s.id] = path;
    index.push(
      `## ${s.id}: ${s.title}`,
      "",
      s.description,
      "",
      `- Usage: ${s.usage}`,
      `- Requires: ${s.requires.join(", ") || "nothing"}`,
      `- Reads secrets: ${s.secrets.join(", ") || "none"}`,
      `- File: ${s.file}`,
      "",
    );
  }
  writeFileSync(join(dir, "README.md"), index.join("\n"));
  return { dir, files };
}
