import { generateKeyPairSync, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import type { Actor, SandboxCore } from "../core.ts";
import { issueToken } from "../auth/tokens.ts";
import { createProject, type ProjectFieldSpec } from "../ops/projects.ts";
import { createRepo } from "../ops/repos.ts";
import type {
  AccountRecord,
  AppRecord,
  InstallationRecord,
  Permissions,
  ProjectRecord,
  Role,
  TokenRecord,
} from "./types.ts";

/** A description of the world to start with. */
export interface SeedDescription {
  users?: { login: string; name?: string; email?: string }[];
  orgs?: { login: string; name?: string; members?: Record<string, "admin" | "member"> }[];
  repos?: {
    owner: string;
    name: string;
    description?: string;
    private?: boolean;
    defaultBranch?: string;
    files?: Record<string, string>;
    collaborators?: Record<string, Role>;
    /** Actions secrets (stored sealed to the repository's key) and variables. */
    secrets?: Record<string, string>;
    variables?: Record<string, string>;
    /** Deployment environments, by name, with their secrets (sealed to the environment's key) and variables. */
    environments?: Record<
      string,
      { secrets?: Record<string, string>; variables?: Record<string, string> }
    >;
  }[];
  apps?: {
    slug: string;
    owner: string;
    /** A Probot-style `app.yml` path or its parsed content: default_permissions, default_events. */
    manifest: string | AppManifest;
    webhookUrl?: string;
    webhookSecret?: string;
    installations?: { account: string; repositories?: "all" | string[] }[];
  }[];
  /**
   * Projects (v2) of an organization or user, numbered from 1 per owner in this order. Each has
   * Title and, unless `fields` names one, a Status field (Todo, In Progress, Done).
   */
  projects?: { owner: string; title: string; fields?: ProjectFieldSpec[] }[];
}

export type AppManifest = {
  name?: string;
  description?: string;
  default_permissions?: Permissions;
  default_events?: string[];
};

export interface SeedResult {
  tokens: Record<string, TokenRecord>;
  apps: Record<string, { app: AppRecord; installations: InstallationRecord[] }>;
  /** The seeded projects, by `owner/title`. */
  projects: Record<string, ProjectRecord>;
}

function addAccount(core: SandboxCore, a: Omit<AccountRecord, "id" | "createdAt">): AccountRecord {
  const existing = core.store.account(a.login);
  if (existing) return existing;
  const rec: AccountRecord = { ...a, id: core.store.newId(), createdAt: core.store.now() };
  core.store.state.accounts.push(rec);
  return rec;
}

/** A Probot `app.yml` (path or parsed). */
export function loadManifest(m: string | AppManifest): AppManifest {
  return typeof m === "string" ? (parseYaml(readFileSync(m, "utf8")) as AppManifest) : m;
}

/** Creates users, orgs, repos (with files, as real commits), Apps and installations; a user token each. */
export async function seed(core: SandboxCore, d: SeedDescription): Promise<SeedResult> {
  const result: SeedResult = { tokens: {}, apps: {}, projects: {} };
  for (const u of d.users ?? []) {
    const acc = addAccount(core, {
      login: u.login,
      type: "User",
      name: u.name ?? u.login,
      email: u.email ?? `${u.login}@users.noreply.localhost`,
    });
    const existing = core.store.state.tokens.find(
      (t) => t.kind === "user" && t.login === acc.login,
    );
    result.tokens[u.login] =
      existing ?? issueToken(core, { kind: "user", login: acc.login, expiresAt: null });
  }
  for (const o of d.orgs ?? []) {
    const members = Object.fromEntries(
      Object.entries(o.members ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const org = addAccount(core, {
      login: o.login,
      type: "Organization",
      name: o.name ?? o.login,
      email: null,
      members,
    });
    org.members = { ...org.members, ...members };
  }
  for (const r of d.repos ?? []) {
    const owner = core.store.account(r.owner);
    if (!owner) throw new Error(`seed: repository ${r.owner}/${r.name} names an unknown owner`);
    const actor: Actor = { accountId: owner.id, via: "sandbox", appId: null };
    const repo =
      core.store.repo(r.owner, r.name) ??
      (await createRepo(core, actor, owner, {
        name: r.name,
        description: r.description,
        private: r.private,
        defaultBranch: r.defaultBranch,
      }));
    for (const [login, role] of Object.entries(r.collaborators ?? {}))
      repo.collaborators[login.toLowerCase()] = role;
    const files = Object.entries(r.files ?? {});
    if (files.length && !(await core.git.resolve(repo.id, `refs/heads/${repo.defaultBranch}`))) {
      await core.git.commitFiles(repo.id, {
        branch: repo.defaultBranch,
        parentSha: null,
        changes: files.map(([path, content]) => ({ path, content })),
        message: "Initial commit",
        author: { name: "sandbox", email: "sandbox@users.noreply.localhost" },
      });
      repo.pushedAt = core.store.now();
    }
  }
  for (const a of d.apps ?? []) {
    const manifest = loadManifest(a.manifest);
    const owner = core.store.account(a.owner);
    if (!owner) throw new Error(`seed: App ${a.slug} names an unknown owner ${a.owner}`);
    let app = core.store.state.apps.find((x) => x.slug === a.slug);
    if (!app) {
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      app = {
        id: core.store.newId(),
        slug: a.slug,
        name: manifest.name ?? a.slug,
        description: manifest.description ?? "",
        ownerId: owner.id,
        clientId: `Iv23${randomBytes(8).toString("hex")}`,
        privateKeyPem: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
        webhookSecret: a.webhookSecret ?? randomBytes(20).toString("hex"),
        webhookUrl: a.webhookUrl ?? null,
        permissions: { metadata: "read", ...(manifest.default_permissions ?? {}) },
        events: manifest.default_events ?? [],
        createdAt: core.store.now(),
      };
      core.store.state.apps.push(app);
      addAccount(core, {
        login: `${a.slug}[bot]`,
        type: "Bot",
        name: app.name,
        email: `${app.id}+${a.slug}[bot]@users.noreply.localhost`,
        appId: app.id,
      });
    }
    const installations: InstallationRecord[] = [];
    for (const i of a.installations ?? []) {
      const account = core.store.account(i.account);
      if (!account)
        throw new Error(`seed: installation of ${a.slug} names an unknown account ${i.account}`);
      const all = i.repositories === undefined || i.repositories === "all";
      const ids = core.store.state.repos
        .filter(
          (r) =>
            r.ownerId === account.id &&
            (all ||
              (i.repositories as string[]).some((n) => n.toLowerCase() === r.name.toLowerCase())),
        )
        .map((r) => r.id);
      let inst = core.store.state.installations.find(
        (x) => x.appId === app.id && x.accountId === account.id,
      );
      if (!inst) {
        inst = {
          id: core.store.newId(),
          appId: app.id,
          accountId: account.id,
          repositorySelection: all ? "all" : "selected",
          repositoryIds: ids,
          permissions: { ...app.permissions },
          events: [...app.events],
          createdAt: core.store.now(),
        };
        core.store.state.installations.push(inst);
      }
      installations.push(inst);
    }
    result.apps[a.slug] = { app, installations };
  }
  for (const p of d.projects ?? []) {
    const owner = core.store.account(p.owner);
    if (!owner) throw new Error(`seed: project ${p.title} names an unknown owner ${p.owner}`);
    const existing = core.store.state.projects.find(
      (x) => x.ownerId === owner.id && x.title === p.title,
    );
    result.projects[`${owner.login}/${p.title}`] =
      existing ?? createProject(core, owner.id, { title: p.title, fields: p.fields });
  }
  core.store.changed();
  return result;
}
