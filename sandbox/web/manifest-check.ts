import { createRequire } from "node:module";
import type { Permissions } from "../state/types.ts";

const require = createRequire(import.meta.url);

/** A manifest as GitHub's "Create GitHub App" step accepts it. */
export interface CheckedManifest {
  name: string;
  slug: string;
  url: string;
  description: string;
  public: boolean;
  hookUrl: string;
  hookActive: boolean;
  redirectUrl: string;
  setupUrl: string | null;
  permissions: Permissions;
  events: string[];
}

let vocabulary: { permissions: Map<string, string[]>; events: Set<string> } | undefined;

/** Permission names and levels (`app-permissions`), and webhook event names, as GitHub documents them. */
function known() {
  if (!vocabulary) {
    const rest = require("@octokit/openapi/generated/api.github.com.json") as any;
    const props = rest.components.schemas["app-permissions"].properties as Record<string, any>;
    const permissions = new Map(Object.entries(props).map(([k, v]) => [k, v.enum as string[]]));
    const hooks = require("@octokit/openapi-webhooks/generated/api.github.com.json") as any;
    const events = new Set<string>();
    for (const w of Object.values<any>(hooks.webhooks)) {
      const sub = w.post?.["x-github"]?.subcategory;
      if (typeof sub === "string") events.add(sub.replace(/-/g, "_"));
    }
    vocabulary = { permissions, events };
  }
  return vocabulary;
}

/** GitHub's slug for an App name: lower case, other characters runs of `-`. */
export function slugFor(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function httpUrl(v: unknown): v is string {
  if (typeof v !== "string") return false;
  try {
    return ["http:", "https:"].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}

/**
 * Checks the `manifest` form field of the manifest flow: JSON with `name` (≤ 34 characters),
 * `url`, `hook_attributes.url`, `redirect_url` (http(s) URLs), known `default_permissions` at
 * levels they have and known `default_events`. Returns the problems, each naming the field.
 */
export function checkManifest(
  raw: string | null,
): { ok: true; manifest: CheckedManifest } | { ok: false; problems: string[] } {
  if (raw === null || raw === "")
    return { ok: false, problems: ["the form has no manifest field"] };
  let m: Record<string, any>;
  try {
    m = JSON.parse(raw);
  } catch {
    return { ok: false, problems: ["manifest is not valid JSON"] };
  }
  if (!m || typeof m !== "object" || Array.isArray(m))
    return { ok: false, problems: ["manifest must be a JSON object"] };
  const problems: string[] = [];
  const name = typeof m.name === "string" ? m.name.trim() : "";
  if (!name) problems.push("name: required (the App's name)");
  else if (name.length > 34) problems.push("name: is too long (maximum is 34 characters)");
  else if (!slugFor(name)) problems.push("name: needs at least one letter or digit");
  if (!httpUrl(m.url)) problems.push("url: required, the App's homepage (an http(s) URL)");
  const hook = m.hook_attributes;
  if (!hook || typeof hook !== "object" || !httpUrl(hook.url))
    problems.push("hook_attributes.url: required, where webhooks are posted (an http(s) URL)");
  if (hook?.active !== undefined && typeof hook.active !== "boolean")
    problems.push("hook_attributes.active: must be true or false");
  if (!httpUrl(m.redirect_url))
    problems.push("redirect_url: required, where the browser takes the code (an http(s) URL)");
  if (m.setup_url !== undefined && !httpUrl(m.setup_url))
    problems.push("setup_url: must be an http(s) URL");
  if (m.public !== undefined && typeof m.public !== "boolean")
    problems.push("public: must be true or false");
  const { permissions, events } = known();
  const perms = m.default_permissions ?? {};
  if (typeof perms !== "object" || Array.isArray(perms))
    problems.push("default_permissions: must map permission names to read, write or admin");
  else
    for (const [k, v] of Object.entries(perms)) {
      const levels = permissions.get(k);
      if (!levels) problems.push(`default_permissions: unknown permission "${k}"`);
      else if (!levels.includes(String(v)))
        problems.push(`default_permissions.${k}: "${v}" is not one of ${levels.join(", ")}`);
    }
  const evs = m.default_events ?? [];
  if (!Array.isArray(evs)) problems.push("default_events: must be a list of event names");
  else
    for (const e of evs)
      if (typeof e !== "string" || !events.has(e))
        problems.push(`default_events: unknown event "${String(e)}"`);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    manifest: {
      name,
      slug: slugFor(name),
      url: m.url,
      description: typeof m.description === "string" ? m.description : "",
      public: m.public === true,
      hookUrl: hook.url,
      hookActive: hook.active !== false,
      redirectUrl: m.redirect_url,
      setupUrl: m.setup_url ?? null,
      permissions: perms as Permissions,
      events: [...new Set<string>(evs)],
    },
  };
}
