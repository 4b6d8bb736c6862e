import type { HubConfig } from "../config/hub-config-schema.ts";
import { repoKey } from "../config/repo-name.ts";
import type { Task } from "../spec/task-schema.ts";
import { stripHidden } from "../text/strip-hidden.ts";

/** Why a plan waits for `/approve` under `approval: risky`; empty lists mean it need not. */
export interface ApprovalNeed {
  /** Tasks that attach sealed secrets. */
  secrets: { task: string; repo: string; names: string[] }[];
  /** Projects the plan puts tasks in that the request does not name. */
  repos: string[];
}

/** `word` as a whole name: not inside a longer name (a sentence's full stop may follow). */
function mentions(text: string, word: string, before: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<!${before})${escaped}(?![a-z0-9_-]|\\.[a-z0-9_-])`).test(text);
}

/**
 * The configured projects a request names: its `owner/name`, or the project's name alone, as a
 * whole word, ignoring case, in the text a reader sees (hidden content stripped first). `api`
 * names `acme/api` in "add refunds to the api" but not in "apis" or "other/api".
 */
export function namedProjects(request: string, config: HubConfig): Set<string> {
  const text = stripHidden(request).toLowerCase();
  const out = new Set<string>();
  for (const p of config.projects) {
    const full = repoKey(p.repo);
    const name = full.slice(full.indexOf("/") + 1);
    // A bare name must not follow `owner/` (another owner's repository of that name).
    if (mentions(text, full, "[a-z0-9._-]") || mentions(text, name, "[a-z0-9._/-]")) out.add(full);
  }
  return out;
}

/**
 * What in a plan needs a writer's approval: tasks that attach secrets, and tasks in projects
 * the request does not name (nor `accepted`, the projects of tasks already approved, for a
 * replan). A request that names no project leaves the choice of projects to the planner: only
 * secrets count then.
 */
export function approvalNeed(
  tasks: readonly Task[],
  request: string,
  config: HubConfig,
  accepted: readonly string[] = [],
): ApprovalNeed {
  const named = namedProjects(request, config);
  const allowed = new Set([...named, ...accepted.map(repoKey)]);
  const secrets = tasks
    .filter((t) => t.secrets.length > 0)
    .map((t) => ({ task: t.id, repo: t.repo, names: [...t.secrets] }));
  const repos =
    named.size === 0
      ? []
      : [...new Set(tasks.map((t) => t.repo).filter((r) => !allowed.has(repoKey(r))))];
  return { secrets, repos };
}

export function needsApproval(need: ApprovalNeed): boolean {
  return need.secrets.length > 0 || need.repos.length > 0;
}
