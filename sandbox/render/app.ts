import type { SandboxCore } from "../core.ts";
import { nodeId } from "../state/node-id.ts";
import type { AppRecord } from "../state/types.ts";
import { renderUser } from "./user.ts";

/** An `integration` (GitHub App) object. */
export function renderApp(core: SandboxCore, app: AppRecord): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("App", app.id),
    client_id: app.clientId,
    owner: renderUser(core.urls, core.store.accountById(app.ownerId)),
    name: app.name,
    description: app.description,
    external_url: `${core.urls.server}/apps/${app.slug}`,
    html_url: `${core.urls.server}/apps/${app.slug}`,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: app.permissions,
    events: app.events,
  };
}

export function renderAppById(
  core: SandboxCore,
  appId: number | null,
): Record<string, unknown> | null {
  if (appId == null) return null;
  const app = core.store.state.apps.find((a) => a.id === appId);
  return app ? renderApp(core, app) : null;
}
