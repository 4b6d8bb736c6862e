import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { RegistryIssue } from "./validate.ts";

/** `pacts/<consumer repository name>/*.json`: one folder per declared consumer, JSON files only. */
export async function validatePacts(
  dir: string,
  consumers: readonly string[],
): Promise<RegistryIssue[]> {
  const issues: RegistryIssue[] = [];
  const names = new Map(consumers.map((c) => [c.slice(c.indexOf("/") + 1), c]));
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (!entry.isDirectory()) {
      issues.push({
        path,
        message: "a file directly under pacts/",
        fix: "Move it into pacts/<consumer>/.",
      });
      continue;
    }
    if (!names.has(entry.name)) {
      const known = [...names.keys()].join(", ") || "none declared";
      issues.push({
        path,
        message: `pacts for "${entry.name}", which is not a consumer in contract.yml (consumers: ${known})`,
        fix: `Add owner/${entry.name} to consumers, or rename the folder to a consumer's repository name.`,
      });
    }
    for (const file of await readdir(path)) {
      const filePath = join(path, file);
      if (!file.endsWith(".json")) {
        issues.push({
          path: filePath,
          message: "not a Pact file (.json)",
          fix: "Keep only Pact JSON files here.",
        });
        continue;
      }
      try {
        JSON.parse(await readFile(filePath, "utf8"));
      } catch (err) {
        issues.push({
          path: filePath,
          message: `not valid JSON: ${(err as Error).message}`,
          fix: "Regenerate the Pact file.",
        });
      }
    }
  }
  return issues;
}
