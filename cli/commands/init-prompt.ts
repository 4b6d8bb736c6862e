import { createInterface } from "node:readline/promises";
import { CliError } from "../errors.ts";
import { parseRepoRef } from "../github-env.ts";

/** `owner/a,owner/b` → the repositories, each checked. */
export function parseRepoList(text: string): string[] {
  const repos = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((r) => parseRepoRef(r, false).repo);
  if (repos.length === 0)
    throw new CliError("--projects names no repository: pass --projects OWNER/A,OWNER/B");
  return [...new Map(repos.map((r) => [r.toLowerCase(), r])).values()];
}

/**
 * The hub and projects from the flags, asking in a terminal for what is missing; without a
 * terminal it never asks and says which flag to pass.
 */
export async function hubAndProjects(
  flags: { hub?: string; projects?: string },
  io: { input: NodeJS.ReadableStream & { isTTY?: boolean }; output: NodeJS.WritableStream },
): Promise<{ hub: string; projects: string[] }> {
  const missing = [
    ...(flags.hub ? [] : ["--hub OWNER/HUB"]),
    ...(flags.projects ? [] : ["--projects OWNER/A,OWNER/B"]),
  ];
  if (missing.length && !io.input.isTTY)
    throw new CliError(
      `missing ${missing.join(" and ")} (havun init asks for them only in a terminal)`,
    );
  let hub = flags.hub;
  let projects = flags.projects;
  if (missing.length) {
    const rl = createInterface({ input: io.input, output: io.output });
    try {
      hub ??= (await rl.question("Hub repository (owner/name): ")).trim();
      projects ??= (await rl.question("Project repositories (owner/a,owner/b): ")).trim();
    } finally {
      rl.close();
    }
  }
  return { hub: parseRepoRef(hub ?? "", false).repo, projects: parseRepoList(projects ?? "") };
}
