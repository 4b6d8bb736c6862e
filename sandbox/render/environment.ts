import type { SandboxCore } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { EnvironmentRecord, RepoRecord } from "../state/types.ts";

/**
 * An environment as the REST API renders it (`environment`). The sandbox models no protection
 * rules (configuring one is refused), so `protection_rules` is empty and every branch may
 * deploy (`deployment_branch_policy: null`).
 */
export function renderEnvironment(
  core: SandboxCore,
  repo: RepoRecord,
  e: EnvironmentRecord,
): Record<string, unknown> {
  const full = core.store.fullName(repo);
  return {
    id: e.id,
    node_id: nodeId("Environment", e.id),
    name: e.name,
    url: `${core.urls.api}/repos/${full}/environments/${encodeURIComponent(e.name)}`,
    html_url: `${core.urls.server}/${full}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
    created_at: e.createdAt,
    updated_at: e.updatedAt,
    protection_rules: [],
    deployment_branch_policy: null,
  };
}
