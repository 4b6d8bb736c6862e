/**
 * Which reusable workflows may call the App's API: HavunCore's own `agent.yml` (the agent job)
 * and `publish.yml` (the publish job), in the repository the App trusts for them, at refs the
 * App accepts. The ID token's `job_workflow_ref` says which workflow a job runs, whoever calls
 * it, so a project repository cannot pass its own workflow off as HavunCore's.
 */
export interface TrustedWorkflows {
  /** Where HavunCore's workflows live, `owner/name`. */
  repo: string;
  /** Accepted refs: exact (`refs/heads/main`, a commit SHA) or a prefix ending in `*` (`refs/tags/v1*`). */
  refs: string[];
}

export type WorkflowRole = "agent" | "publish";

const FILES: Record<string, WorkflowRole> = {
  ".github/workflows/agent.yml": "agent",
  ".github/workflows/publish.yml": "publish",
};

function refMatches(ref: string, patterns: string[]): boolean {
  return patterns.some((p) => (p.endsWith("*") ? ref.startsWith(p.slice(0, -1)) : ref === p));
}

/** The role of a `job_workflow_ref`, or null when it is not one of the trusted workflows. */
export function workflowRole(
  jobWorkflowRef: string,
  trusted: TrustedWorkflows,
): WorkflowRole | null {
  const at = jobWorkflowRef.indexOf("@");
  if (at < 0) return null;
  const path = jobWorkflowRef.slice(0, at);
  const ref = jobWorkflowRef.slice(at + 1);
  const prefix = `${trusted.repo.toLowerCase()}/`;
  if (!path.toLowerCase().startsWith(prefix)) return null;
  const role = FILES[path.slice(prefix.length)];
  return role && refMatches(ref, trusted.refs) ? role : null;
}

/** Parses `owner/name@ref,ref…` (HAVUN_TRUSTED_WORKFLOWS) with a clear error. */
export function parseTrustedWorkflows(text: string): TrustedWorkflows {
  const m = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)@(.+)$/.exec(text.trim());
  const refs =
    m?.[2]
      ?.split(",")
      .map((r) => r.trim())
      .filter(Boolean) ?? [];
  // A ref (`refs/tags/v1*`) or a release's commit SHA, which is what a caller pinned to that SHA
  // runs (its ID token's `job_workflow_ref` ends in `@SHA`).
  const valid = (r: string) => r.startsWith("refs/") || /^[0-9a-f]{40}$/.test(r);
  if (!m || refs.length === 0 || !refs.every(valid))
    throw new Error(
      `HAVUN_TRUSTED_WORKFLOWS must look like OWNER/havuncore@refs/tags/v1*,refs/heads/main (refs, or a release's 40-character commit SHA) (got "${text}")`,
    );
  return { repo: m[1]!, refs };
}
