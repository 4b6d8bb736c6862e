import { Access } from "../auth/access.ts";
import type { Actor, SandboxCore } from "../core.ts";
import type { GitRepos } from "../git/git-repos.ts";
import { Store, type SandboxEvent } from "../state/store.ts";
import {
  emptyState,
  type AccountRecord,
  type Permissions,
  type RepoRecord,
  type TokenRecord,
} from "../state/types.ts";
import { createGraphqlEndpoint } from "./endpoint.ts";

/**
 * A small sandbox for the GraphQL tests: organization `acme` (alice is its admin) with repos `hub`
 * and `api`, user `bob` with `bob/tools`, and the App `havun` installed on acme. No resolver these
 * tests reach touches git, so `git` is an empty object cast to GitRepos.
 */
export function graphqlFixture() {
  const store = new Store(emptyState());
  const core: SandboxCore = {
    store,
    git: {} as unknown as GitRepos,
    urls: {
      api: "http://127.0.0.1:1/api/v3",
      server: "http://127.0.0.1:1",
      graphql: "http://127.0.0.1:1/api/graphql",
    },
  };
  const now = store.now();
  const account = (
    login: string,
    type: AccountRecord["type"],
    extra: Partial<AccountRecord> = {},
  ) => {
    const a: AccountRecord = {
      id: store.newId(),
      login,
      type,
      name: null,
      email: null,
      createdAt: now,
      ...extra,
    };
    store.state.accounts.push(a);
    return a;
  };
  const alice = account("alice", "User");
  const bob = account("bob", "User");
  const acme = account("acme", "Organization", { members: { alice: "admin" } });
  const bot = account("havun[bot]", "Bot", { appId: 7 });
  const repo = (owner: AccountRecord, name: string): RepoRecord => {
    const r: RepoRecord = {
      id: store.newId(),
      ownerId: owner.id,
      name,
      description: `${name} repo`,
      private: true,
      defaultBranch: "main",
      homepage: null,
      hasIssues: true,
      createdAt: now,
      updatedAt: now,
      pushedAt: null,
      collaborators: {},
      nextNumber: 1,
    };
    store.state.repos.push(r);
    return r;
  };
  const hub = repo(acme, "hub");
  const api = repo(acme, "api");
  const tools = repo(bob, "tools");
  store.state.installations.push({
    id: 99,
    appId: 7,
    accountId: acme.id,
    repositorySelection: "all",
    repositoryIds: [],
    permissions: {},
    events: [],
    createdAt: now,
  });

  const userAccess = (who: AccountRecord) => {
    const token: TokenRecord = {
      token: `ghp_${who.login}`,
      kind: "user",
      login: who.login,
      expiresAt: null,
      createdAt: now,
    };
    const actor: Actor = { accountId: who.id, via: "user", appId: null };
    return new Access(core, token, actor);
  };
  const appAccess = (permissions: Permissions) => {
    const token: TokenRecord = {
      token: `ghs_${Object.entries(permissions).flat().join("_")}`,
      kind: "installation",
      login: bot.login,
      installationId: 99,
      permissions,
      expiresAt: null,
      createdAt: now,
    };
    return new Access(core, token, { accountId: bot.id, via: "installation", appId: 7 });
  };

  const events: SandboxEvent[] = [];
  store.events.on("event", (e: SandboxEvent) => events.push(e));
  const endpoint = createGraphqlEndpoint(core);
  const app = appAccess({
    issues: "write",
    pull_requests: "write",
    organization_projects: "write",
    metadata: "read",
  });
  return {
    core,
    store,
    accounts: { alice, bob, acme, bot },
    repos: { hub, api, tools },
    events,
    asAlice: userAccess(alice),
    asBob: userAccess(bob),
    asApp: app,
    appAccess,
    /** Runs a document and returns the response body. */
    gql: async (query: string, variables: Record<string, unknown> = {}, access: Access = app) =>
      (await endpoint({ query, variables }, access)).body as { data?: any; errors?: any[] },
    endpoint,
  };
}
