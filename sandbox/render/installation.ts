import type { SandboxCore } from "../core.ts";
import type { InstallationRecord } from "../state/types.ts";
import { renderUser } from "./user.ts";

export function renderInstallation(
  core: SandboxCore,
  inst: InstallationRecord,
): Record<string, unknown> {
  const app = core.store.state.apps.find((a) => a.id === inst.appId);
  const account = core.store.accountById(inst.accountId);
  return {
    id: inst.id,
    account: renderUser(core.urls, account),
    repository_selection: inst.repositorySelection,
    access_tokens_url: `${core.urls.api}/app/installations/${inst.id}/access_tokens`,
    repositories_url: `${core.urls.api}/installation/repositories`,
    html_url: `${core.urls.server}/organizations/${account.login}/settings/installations/${inst.id}`,
    app_id: inst.appId,
    app_slug: app?.slug ?? "",
    target_id: account.id,
    target_type: account.type,
    permissions: inst.permissions,
    events: inst.events,
    created_at: inst.createdAt,
    updated_at: inst.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
