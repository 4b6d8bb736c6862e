import { randomBytes } from "node:crypto";
import type { SandboxCore } from "../core.ts";
import { seed } from "../state/seed.ts";
import type { AccountRecord, AppRecord } from "../state/types.ts";
import type { CheckedManifest } from "./manifest-check.ts";
import { rememberManifestApp } from "./manifest-codes.ts";

/**
 * GitHub's "Create GitHub App" from a manifest: a new App owned by `owner` (a user, or an
 * organization), with a key pair, a webhook secret, a client id and secret, the manifest's
 * permissions (plus metadata: read) and events. The same App record the seed makes, so it can
 * be installed and gets tokens limited to those permissions. Null when the name is taken.
 */
export async function createAppFromManifest(
  core: SandboxCore,
  owner: AccountRecord,
  m: CheckedManifest,
): Promise<AppRecord | null> {
  const taken = core.store.state.apps.some(
    (a) => a.slug === m.slug || a.name.toLowerCase() === m.name.toLowerCase(),
  );
  const login = core.store.account(m.slug);
  if (taken || (login && login.id !== owner.id)) return null;
  const result = await seed(core, {
    apps: [
      {
        slug: m.slug,
        owner: owner.login,
        manifest: {
          name: m.name,
          description: m.description,
          default_permissions: m.permissions,
          default_events: m.events,
        },
        webhookUrl: m.hookActive ? m.hookUrl : undefined,
        webhookSecret: randomBytes(20).toString("hex"),
      },
    ],
  });
  const app = result.apps[m.slug]!.app;
  rememberManifestApp(core, app.id, {
    clientSecret: randomBytes(20).toString("hex"),
    public: m.public,
    setupUrl: m.setupUrl,
  });
  return app;
}
