import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { Actor, SandboxCore } from "../../core.ts";
import type { AccountRecord, AppRecord } from "../../state/types.ts";
import { DEFAULT_WORKFLOW_PERMISSIONS } from "./permissions.ts";

export const ACTIONS_BOT = "github-actions[bot]";

/** The "GitHub Actions" App and its bot: the author of Actions check runs and GITHUB_TOKEN calls. */
export interface ActionsIdentity {
  app: AppRecord;
  bot: AccountRecord;
}

function account(core: SandboxCore, a: Omit<AccountRecord, "id" | "createdAt">): AccountRecord {
  const existing = core.store.account(a.login);
  if (existing) return existing;
  const rec: AccountRecord = { ...a, id: core.store.newId(), createdAt: core.store.now() };
  core.store.state.accounts.push(rec);
  return rec;
}

/** Creates (once) the `github` organization, the `github-actions` App and `github-actions[bot]`. */
export function ensureActionsIdentity(core: SandboxCore): ActionsIdentity {
  let app = core.store.state.apps.find((a) => a.slug === "github-actions");
  if (!app) {
    const owner = account(core, {
      login: "github",
      type: "Organization",
      name: "GitHub",
      email: null,
    });
    // The key is never used (nobody signs JWTs as this App); a short one keeps start-up fast.
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    app = {
      id: core.store.newId(),
      slug: "github-actions",
      name: "GitHub Actions",
      description: "Automate your workflow from idea to production",
      ownerId: owner.id,
      clientId: `Iv23${randomBytes(8).toString("hex")}`,
      privateKeyPem: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      webhookSecret: randomBytes(20).toString("hex"),
      webhookUrl: null,
      permissions: { ...DEFAULT_WORKFLOW_PERMISSIONS },
      events: [],
      createdAt: core.store.now(),
    };
    core.store.state.apps.push(app);
    core.store.changed();
  }
  const bot = account(core, {
    login: ACTIONS_BOT,
    type: "Bot",
    name: "github-actions[bot]",
    email: `41898282+github-actions[bot]@users.noreply.github.com`,
    appId: app.id,
  });
  return { app, bot };
}

/** The actor for what the runner itself records (check runs, suites). */
export function actionsActor(id: ActionsIdentity): Actor {
  return { accountId: id.bot.id, via: "sandbox", appId: id.app.id };
}
