import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { oidcIssuer } from "./actions/oidc/grants.ts";
import { oidcRoute } from "./actions/oidc/route.ts";
import { artifactRoute } from "./actions/rest/artifact-links.ts";
import { logRoute } from "./actions/rest/log-links.ts";
import { attachRunner } from "./actions/runner/registry.ts";
import { ActionsRunner, type ActionsOptions } from "./actions/runner/runner.ts";
import { seedActionsData } from "./actions/runner/seed-actions.ts";
import { issueToken } from "./auth/tokens.ts";
import type { SandboxCore } from "./core.ts";
import { GitRepos } from "./git/git-repos.ts";
import { RequestLog } from "./http/request-log.ts";
import { createSandboxServer, type ExtraRoute, type GraphqlEndpoint } from "./http/server.ts";
import { FaultInjector, type FaultOptions } from "./limits/faults.ts";
import { PrimaryRateLimit } from "./limits/primary-rate.ts";
import { SecondaryRateLimit } from "./limits/secondary-rate.ts";
import { restHandlers } from "./rest/handlers/index.ts";
import { loadState, persistTo } from "./state/persist.ts";
import { seed, type SeedDescription, type SeedResult } from "./state/seed.ts";
import { Store } from "./state/store.ts";
import { RouteTable } from "./validation/routes.ts";
import { loadSpec } from "./validation/spec.ts";
import { SpecValidator } from "./validation/validator.ts";
import { WebhookDispatcher } from "./webhooks/dispatcher.ts";
import { webRoute } from "./web/web-route.ts";

/** For tests and servers that accept the sandbox's Actions ID tokens. */
export { fetchOidcKeys, verifyOidcToken } from "./actions/oidc/verify.ts";

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Persist the state here (JSON); git repositories live beside it in `FILE.git.d/`. */
  stateFile?: string;
  seed?: SeedDescription;
  /** Check every response and webhook against GitHub's schemas (default: under vitest). */
  testMode?: boolean;
  /** Content-creating requests a minute per client before a secondary rate limit (0: off). */
  secondaryRateLimit?: number;
  /**
   * Refuse token callers past GitHub's hourly REST budget (default true); the budget is
   * reported in `x-ratelimit-*` headers either way, and a 304 costs nothing.
   */
  enforceRateLimit?: boolean;
  faults?: FaultOptions;
  webhookTimeoutMs?: number;
  /** More routes beside GitHub's (the scripted model API). */
  extraRoutes?: ExtraRoute[];
  /**
   * The local Actions runner: workflows in `.github/workflows` run on this machine when their
   * events happen (default on, 2 jobs at once). `false` turns it off.
   */
  actions?: ActionsOptions | false;
}

export interface SandboxActions {
  runner: ActionsRunner;
  /** Resolves when no workflow run is queued or running (and no event is being looked at). */
  idle(): Promise<void>;
}

export interface Sandbox {
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
  /** The issuer of Actions OIDC ID tokens (`<serverUrl>/_services/token`; discovery and JWKS below it). */
  oidcIssuer: string;
  port: number;
  core: SandboxCore;
  log: RequestLog;
  webhooks: WebhookDispatcher;
  seeded: SeedResult;
  /** The Actions runner; null when started with `actions: false`. */
  actions: SandboxActions | null;
  /** The seeded user token of `login` (a new one when it has none). */
  token(login: string): string;
  /** Adds more of the world (users, orgs, repos, Apps) while running. */
  seed(description: SeedDescription): Promise<SeedResult>;
  stop(): Promise<void>;
}

async function loadGraphql(): Promise<((core: SandboxCore) => GraphqlEndpoint) | null> {
  try {
    const path = "./graphql/index.ts";
    const mod = (await import(path)) as {
      createGraphqlEndpoint?: (core: SandboxCore) => GraphqlEndpoint;
    };
    return mod.createGraphqlEndpoint ?? null;
  } catch {
    return null;
  }
}

/** Starts a local GitHub on 127.0.0.1: REST under /api/v3, GraphQL, webhooks, git over HTTP. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const dataDir = options.stateFile
    ? `${options.stateFile}.git.d`
    : mkdtempSync(join(tmpdir(), "havun-sandbox-"));
  mkdirSync(dataDir, { recursive: true });
  const store = new Store(loadState(options.stateFile));
  const urls = { api: "", server: "", graphql: "" };
  const core: SandboxCore = { store, git: new GitRepos(dataDir), urls };
  const testMode = options.testMode ?? process.env.VITEST === "true";
  const webhooks = new WebhookDispatcher(core, { testMode, timeoutMs: options.webhookTimeoutMs });
  core.webhooks = webhooks;
  const log = new RequestLog();
  const spec = loadSpec();
  const makeGraphql = await loadGraphql();
  const server = createSandboxServer({
    core,
    routes: new RouteTable(spec.operations),
    validator: new SpecValidator(),
    handlers: restHandlers,
    log,
    rate: new SecondaryRateLimit(options.secondaryRateLimit ?? 80),
    primary: new PrimaryRateLimit(core, options.enforceRateLimit ?? true),
    faults: new FaultInjector(options.faults),
    testMode,
    graphql: makeGraphql ? makeGraphql(core) : null,
    extra: [
      logRoute(core),
      artifactRoute(core),
      oidcRoute(core),
      webRoute(core),
      ...(options.extraRoutes ?? []),
    ],
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  urls.server = `http://127.0.0.1:${port}`;
  urls.api = `${urls.server}/api/v3`;
  urls.graphql = `${urls.server}/api/graphql`;
  const persist = options.stateFile ? persistTo(options.stateFile, () => store.state) : null;
  if (persist) store.onChange(() => persist.schedule());
  const runner =
    options.actions === false ? null : new ActionsRunner(core, dataDir, options.actions ?? {});
  if (runner) attachRunner(core, runner);
  const seedAll = async (d: SeedDescription) => {
    const result = await seed(core, d);
    seedActionsData(core, d);
    return result;
  };
  const seeded = await seedAll(options.seed ?? {});
  return {
    apiUrl: urls.api,
    graphqlUrl: urls.graphql,
    serverUrl: urls.server,
    oidcIssuer: oidcIssuer(core),
    port,
    core,
    log,
    webhooks,
    seeded,
    actions: runner ? { runner, idle: () => runner.idle() } : null,
    token(login: string): string {
      const found = store.state.tokens.find(
        (t) => t.kind === "user" && t.login.toLowerCase() === login.toLowerCase(),
      );
      if (found) return found.token;
      if (!store.account(login)) throw new Error(`sandbox: no user ${login}`);
      return issueToken(core, { kind: "user", login, expiresAt: null }).token;
    },
    seed: seedAll,
    async stop() {
      await runner?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await webhooks.idle();
      persist?.flush();
      if (!options.stateFile) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
