import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** The permissions and events HavunCore needs: `app.yml` (every App also gets `metadata: read`). */
export interface AppNeeds {
  permissions: Record<string, string>;
  events: string[];
}

const MANIFEST = new URL("../../app.yml", import.meta.url);

export function appNeeds(text = readFileSync(MANIFEST, "utf8")): AppNeeds {
  const m = parse(text) as {
    default_permissions?: Record<string, string>;
    default_events?: string[];
  };
  return {
    permissions: { metadata: "read", ...(m.default_permissions ?? {}) },
    events: [...(m.default_events ?? [])].sort(),
  };
}

const RANK: Record<string, number> = { read: 1, write: 2, admin: 3 };

/**
 * How granted permissions and events differ from what the App needs: what is missing or too
 * low, and what is granted beyond it. Empty lists: they are equal.
 */
export function compareNeeds(
  needs: AppNeeds,
  granted: { permissions: Record<string, string | undefined>; events: string[] },
): { missing: string[]; extra: string[] } {
  const missing: string[] = [];
  const extra: string[] = [];
  for (const [name, level] of Object.entries(needs.permissions)) {
    const have = granted.permissions[name];
    if (!have) missing.push(`${name}: ${level} (not granted)`);
    else if ((RANK[have] ?? 0) < (RANK[level] ?? 0))
      missing.push(`${name}: ${level} (granted ${have})`);
    else if (have !== level) extra.push(`${name}: ${have} (needs only ${level})`);
  }
  for (const [name, have] of Object.entries(granted.permissions))
    if (have && !(name in needs.permissions)) extra.push(`${name}: ${have}`);
  for (const e of needs.events) if (!granted.events.includes(e)) missing.push(`event ${e}`);
  for (const e of granted.events) if (!needs.events.includes(e)) extra.push(`event ${e}`);
  return { missing, extra };
}
