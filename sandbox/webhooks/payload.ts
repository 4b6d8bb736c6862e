import type { SandboxCore } from "../core.ts";
import { renderRepo } from "../render/repo.ts";
import { renderOrgSimple, renderUser } from "../render/user.ts";
import type { SandboxEvent } from "../state/store.ts";
import type { InstallationRecord } from "../state/types.ts";

/** The full webhook payload: the event's part plus action, repository, organization, sender, installation. */
export function buildPayload(
  core: SandboxCore,
  event: SandboxEvent,
  installation: InstallationRecord | null,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  if (event.action) payload.action = event.action;
  Object.assign(payload, event.payload);
  if (event.repoId != null) {
    const repo = core.store.repoById(event.repoId);
    payload.repository ??= renderRepo(core, repo);
    const owner = core.store.accountById(repo.ownerId);
    if (owner.type === "Organization") payload.organization = renderOrgSimple(core.urls, owner);
  }
  payload.sender = renderUser(core.urls, core.store.accountById(event.senderId));
  if (installation) {
    payload.installation = {
      id: installation.id,
      node_id: Buffer.from(`Installation:${installation.id}`).toString("base64"),
    };
  }
  return payload;
}
