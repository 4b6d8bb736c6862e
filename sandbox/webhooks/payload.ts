import { createRequire } from "node:module";
import type { SandboxCore } from "../core.ts";
import { renderRepo } from "../render/repo.ts";
import { renderOrgSimple, renderUser } from "../render/user.ts";
import type { SandboxEvent } from "../state/store.ts";
import type { InstallationRecord } from "../state/types.ts";

const require = createRequire(import.meta.url);
let appEvents: Set<string> | undefined;

/**
 * Webhook payloads list an App's events from a fixed vocabulary that predates some events
 * (sub_issues); GitHub's payloads carry only the listed ones, so the rest are left out here.
 */
function knownAppEvents(): Set<string> {
  if (!appEvents) {
    const defs = (require("@octokit/webhooks-schemas") as { definitions: Record<string, any> })
      .definitions;
    appEvents = new Set<string>(defs.app?.properties?.events?.items?.enum ?? []);
    // GitHub's official description has several such lists (projects_v2_item is missing from
    // some): an event counts as known only when every one of them has it.
    const official = require("@octokit/openapi-webhooks/generated/api.github.com.json") as {
      components: { schemas: unknown };
    };
    const lists = JSON.stringify(official.components.schemas).matchAll(
      /"enum":(\["branch_protection_rule"[^\]]*\])/g,
    );
    for (const [, list] of lists) {
      const names = new Set(JSON.parse(list!) as string[]);
      for (const e of appEvents) if (!names.has(e)) appEvents.delete(e);
    }
  }
  return appEvents;
}

function trimAppEvents(node: unknown): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) return node.forEach(trimAppEvents);
  const obj = node as Record<string, unknown>;
  for (const key of ["performed_via_github_app", "app"]) {
    const app = obj[key] as { events?: string[] } | null | undefined;
    if (app?.events) app.events = app.events.filter((e) => knownAppEvents().has(e));
  }
  for (const v of Object.values(obj)) if (v && typeof v === "object") trimAppEvents(v);
}

/**
 * Where webhook payloads differ from the REST shapes rendered for them: a pull request's
 * head and base repositories carry no organization, and a check run always has an external
 * id ("" when none was given) and a details URL (the App's homepage by default).
 */
function webhookShapes(payload: Record<string, unknown>): void {
  const pull = payload.pull_request as Record<string, { repo?: Record<string, unknown> | null }>;
  for (const side of ["head", "base"]) delete pull?.[side]?.repo?.organization;
  const run = payload.check_run as Record<string, unknown> | undefined;
  if (run) {
    run.external_id ??= "";
    const app = run.app as { external_url?: string; html_url?: string } | null | undefined;
    run.details_url ??= app?.external_url ?? app?.html_url ?? "";
  }
}

/** The full webhook payload: the event's part plus action, repository, organization, sender, installation. */
export function buildPayload(
  core: SandboxCore,
  event: SandboxEvent,
  installation: InstallationRecord | null,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  if (event.action) payload.action = event.action;
  Object.assign(payload, structuredClone(event.payload));
  if (event.repoId != null) {
    const repo = core.store.repoById(event.repoId);
    if (!payload.repository) {
      const rendered = renderRepo(core, repo);
      delete rendered.organization; // webhooks carry the org separately, not inside the repository
      payload.repository = rendered;
    }
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
  trimAppEvents(payload);
  webhookShapes(payload);
  return payload;
}
