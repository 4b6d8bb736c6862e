import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The files (of those changed) that contain a secret's value. The Action refuses to commit
 * them: a secret the agent was given must never land in the repository.
 */
export function filesHoldingSecrets(
  cwd: string,
  files: string[],
  secrets: Iterable<string>,
): string[] {
  const values = [...secrets].filter((v) => v.length >= 4);
  if (values.length === 0) return [];
  return files.filter((f) => {
    try {
      const path = join(cwd, f);
      if (!statSync(path).isFile()) return false;
      const text = readFileSync(path, "latin1");
      return values.some((v) => text.includes(v));
    } catch {
      return false;
    }
  });
}
