import type { SandboxCore } from "../core.ts";
import { seed } from "../state/seed.ts";
import type { AccountRecord, AppRecord, InstallationRecord } from "../state/types.ts";
import { manifestAppInfo } from "./manifest-codes.ts";

/** Accounts `user` may install `app` on: itself and organizations it owns (admin); a private App only on its owner. */
export function installTargets(
  core: SandboxCore,
  app: AppRecord,
  user: AccountRecord,
): AccountRecord[] {
  const accounts = core.store.state.accounts.filter(
    (a) =>
      a.id === user.id ||
      (a.type === "Organization" && a.members?.[user.login.toLowerCase()] === "admin"),
  );
  const isPublic = manifestAppInfo(core, app.id)?.public ?? true;
  return isPublic ? accounts : accounts.filter((a) => a.id === app.ownerId);
}

/**
 * Installs `app` on `target` for all its repositories or the named ones (as GitHub's
 * "Install & Authorize"): the installation gets the App's permissions and events, and the
 * account's events then go to the App's webhook URL. Returns the problem when a name is unknown.
 */
export async function installApp(
  core: SandboxCore,
  app: AppRecord,
  target: AccountRecord,
  repositories: "all" | string[],
): Promise<InstallationRecord | string> {
  if (repositories !== "all")
    for (const name of repositories)
      if (!core.store.repo(target.login, name))
        return `${target.login} has no repository named "${name}"`;
  const owner = core.store.accountById(app.ownerId);
  const result = await seed(core, {
    apps: [
      {
        slug: app.slug,
        owner: owner.login,
        manifest: {},
        installations: [{ account: target.login, repositories }],
      },
    ],
  });
  return result.apps[app.slug]!.installations[0]!;
}
