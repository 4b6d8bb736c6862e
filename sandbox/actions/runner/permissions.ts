import type { Permissions } from "../../state/types.ts";

/** GitHub's permissive default for GITHUB_TOKEN (the repository setting "Read and write"). */
export const DEFAULT_WORKFLOW_PERMISSIONS: Permissions = {
  actions: "write",
  checks: "write",
  contents: "write",
  deployments: "write",
  discussions: "write",
  issues: "write",
  metadata: "read",
  packages: "write",
  pages: "write",
  pull_requests: "write",
  repository_projects: "write",
  security_events: "write",
  statuses: "write",
};

/** Workflow scope names (`pull-requests`) as App permission names (`pull_requests`). */
const SCOPES: Record<string, string> = {
  actions: "actions",
  attestations: "attestations",
  checks: "checks",
  contents: "contents",
  deployments: "deployments",
  discussions: "discussions",
  "id-token": "id_token",
  issues: "issues",
  models: "models",
  packages: "packages",
  pages: "pages",
  "pull-requests": "pull_requests",
  "repository-projects": "repository_projects",
  "security-events": "security_events",
  statuses: "statuses",
};

export class PermissionsError extends Error {
  constructor(readonly construct: string) {
    super(`${construct} is not a valid permissions value`);
    this.name = "PermissionsError";
  }
}

/**
 * The token permissions a `permissions:` block grants: `read-all`, `write-all`, `{}` or a map of
 * scope → read/write/none. Unset (undefined) means the permissive default. Metadata is always read.
 */
export function tokenPermissions(spec: unknown): Permissions {
  if (spec === undefined || spec === null) return { ...DEFAULT_WORKFLOW_PERMISSIONS };
  const all = Object.values(SCOPES).filter((s) => s !== "id_token" && s !== "models");
  if (spec === "read-all" || spec === "write-all") {
    const level = spec === "read-all" ? "read" : "write";
    return { ...Object.fromEntries(all.map((s) => [s, level])), metadata: "read" };
  }
  if (typeof spec !== "object" || Array.isArray(spec))
    throw new PermissionsError(`permissions: ${JSON.stringify(spec)}`);
  const out: Permissions = { metadata: "read" };
  for (const [scope, level] of Object.entries(spec as Record<string, unknown>)) {
    const name = SCOPES[scope];
    if (!name) throw new PermissionsError(`permissions.${scope}`);
    if (level === "none") continue;
    if (level !== "read" && level !== "write")
      throw new PermissionsError(`permissions.${scope}: ${JSON.stringify(level)}`);
    out[name] = level;
  }
  return out;
}

/** A called workflow's jobs get at most what the calling job had. */
export function capPermissions(wanted: Permissions, ceiling: Permissions): Permissions {
  const rank = { read: 1, write: 2, admin: 3 } as const;
  const out: Permissions = {};
  for (const [scope, level] of Object.entries(wanted)) {
    const max = ceiling[scope];
    if (!max) continue;
    out[scope] = rank[level] <= rank[max] ? level : max;
  }
  return out;
}
