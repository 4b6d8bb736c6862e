import { parse as parseYaml } from "yaml";
import type { SandboxCore } from "../../core.ts";
import { parseWorkflow, type Workflow } from "../workflow/index.ts";
import { describeError } from "./errors.ts";

export const WORKFLOWS_DIR = ".github/workflows";

export type LoadedWorkflow =
  | { path: string; workflow: Workflow }
  /** `events`: the event names its `on:` seems to list (null when even that is unreadable). */
  | { path: string; error: string; events: string[] | null };

/** The events a broken workflow file's `on:` names, read loosely to decide when to report it. */
function roughEvents(text: string): string[] | null {
  try {
    const doc = parseYaml(text) as Record<string, unknown> | null;
    const on = doc?.on ?? doc?.["true" as keyof typeof doc];
    if (typeof on === "string") return [on];
    if (Array.isArray(on)) return on.map(String);
    if (on && typeof on === "object") return Object.keys(on);
    return null;
  } catch {
    return null;
  }
}

/** Every `.github/workflows/*.yml|yaml` at a commit, parsed (or with the reason it cannot run). */
export async function loadWorkflows(
  core: SandboxCore,
  repoId: number,
  sha: string,
): Promise<LoadedWorkflow[]> {
  const entries = await core.git.listTree(repoId, sha, WORKFLOWS_DIR).catch(() => null);
  const out: LoadedWorkflow[] = [];
  for (const e of entries ?? []) {
    if (e.type !== "blob" || !/\.ya?ml$/.test(e.path)) continue;
    const file = await core.git.readFile(repoId, sha, e.path);
    if (!file) continue;
    const text = file.content.toString("utf8");
    try {
      out.push({ path: e.path, workflow: parseWorkflow(text, e.path) });
    } catch (err) {
      out.push({ path: e.path, error: describeError(err, e.path), events: roughEvents(text) });
    }
  }
  return out;
}
