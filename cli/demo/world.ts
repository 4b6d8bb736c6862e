import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createRestClient, type RestClient } from "../../app/gateway/rest-client.ts";
import { APP_MANIFEST } from "../../sandbox/default-seed.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { FaultInjector } from "../../sandbox/limits/faults.ts";
import { createModelApi, type ModelApi, type ScenarioInput } from "../../sandbox/model/index.ts";
import { storeActionsSecret } from "../../vault/actions-secret.ts";
import { createRepoKey } from "../../vault/keygen.ts";
import { sealIntoVault } from "../../vault/seal-into-vault.ts";
import { CALLER_WORKFLOW, CI_WORKFLOW, CLAUDE_BIN, havuncoreRepoFiles } from "./havuncore-files.ts";
import { API_FILES, PORTAL_FILES } from "./project-files.ts";
import { HUB_AGENTS } from "./hub-agents.ts";
import {
  API_DEPLOY_WORKFLOW,
  API_INTEGRATION_WORKFLOW,
  PORTAL_DEPLOY_WORKFLOW,
  RELEASE_HUB_FILES,
  releaseHubConfig,
} from "./release-files.ts";
import { HUB_SNIPPETS } from "./hub-snippets.ts";
import { inProcessApp, restartingApp, type ChildAppOptions, type DemoApp } from "./demo-app.ts";

export const HUB_CONFIG = `version: 1
projects:
  - repo: havun/api
    description: The payments HTTP API (Node, node:http)
    stack: [node]
  - repo: havun/portal
    description: The customer portal; its checkout and admin pages call the API
    stack: [node]
project_board: { owner: havun, number: 1 }
agent:
  max_parallel: 2
`;

/** The organization's project board the demo's hub mirrors onto (its Status options set up). */
export const DEMO_BOARD = {
  owner: "havun",
  title: "Delivery",
  fields: [
    {
      name: "Status",
      dataType: "SINGLE_SELECT" as const,
      options: [
        "Todo",
        "Blocked",
        "Ready",
        "In Progress",
        "In Review",
        "Done",
        "Failed",
        "Cancelled",
      ],
    },
    { name: "Repository", dataType: "REPOSITORY" as const },
  ],
};

export interface World {
  sb: Sandbox;
  app: DemoApp;
  model: ModelApi;
  /** The person who orchestrates and reviews (an org admin), with retries like any client. */
  reviewer: RestClient;
  secretValue: string;
  /** The API repository's private vault key (stored as its HAVUN_VAULT_KEY secret). */
  vaultKey: string;
  /** The model key stored as the projects' ANTHROPIC_API_KEY secret. */
  modelKey: string;
  stop(): Promise<void>;
}

async function vaultFiles(
  secretValue: string,
): Promise<{ files: Record<string, string>; privateKey: string }> {
  const dir = await mkdtemp(join(tmpdir(), "havun-demo-vault-"));
  try {
    const { privateKey } = await createRepoKey(dir, "havun/api");
    await sealIntoVault({
      dir,
      hub: "havun/hub",
      repo: "havun/api",
      name: "PAYMENT_API_KEY",
      value: Buffer.from(secretValue),
      expires: null,
    });
    const files: Record<string, string> = {};
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else files[`vault/${relative(dir, p)}`] = await readFile(p, "utf8");
      }
    };
    await walk(dir);
    return { files, privateKey };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The demo's world on one machine: the sandbox (GitHub with its Actions runner), the scripted
 * model, and the HavunCore App server with its workflow API; org `havun` with a hub, an API and
 * a portal whose agent workflows call HavunCore's reusable workflows, and a sealed secret in
 * place. No GitHub token is stored in any repository.
 */
export async function startWorld(o: {
  scenarios: ScenarioInput[];
  secretValue: string;
  jobs?: number;
  port?: number;
  /** A real Anthropic API key: the planner and the agents use the real API instead of the script. */
  realApiKey?: string;
  /** The hub's `.github/havun.yml` (the demo's by default). */
  hubConfig?: string;
  /** More hub files, by path; the demo's two agents (hub-agents.ts) when not given. */
  hubFiles?: Record<string, string>;
  /**
   * Without an exposed App server: no workflow API; the projects get the App's id (variable
   * HAVUN_APP_ID) and its key (secret HAVUN_APP_PRIVATE_KEY) for the publish job.
   */
  standalone?: boolean;
  /** The share of every client's REST, GraphQL and git requests that meet a fault (seeded). */
  faults?: number;
  /** Kill the App process (SIGKILL) every so many seconds and start it again. */
  restartAppEvery?: number;
  /**
   * The integration phase and deployments (release-files.ts): the hub config gains
   * `integration:` and `deploy:`, the API an integration and a deploy workflow, the portal an
   * `on: deployment` workflow.
   */
  release?: boolean;
}): Promise<World> {
  const model = createModelApi({ scenarios: o.scenarios });
  const vault = await vaultFiles(o.secretValue);
  const project = (files: Record<string, string>) => ({
    ...files,
    ".github/workflows/havun-agent.yml": CALLER_WORKFLOW,
    ".github/workflows/ci.yml": CI_WORKFLOW,
  });
  const apiKey = o.realApiKey ?? "sk-ant-sandbox-demo";
  const repoSecrets = { ANTHROPIC_API_KEY: apiKey };
  // The agent posts progress at the product's default interval (5 s), as a real project would.
  const variables = { HAVUN_CLAUDE_CODE_PATH: CLAUDE_BIN };
  const sb = await startSandbox({
    port: o.port,
    extraRoutes: [model.route],
    secondaryRateLimit: 0,
    ...(o.faults ? { faults: FaultInjector.everywhere(o.faults) } : {}),
    actions: { concurrency: o.jobs ?? 2 },
    seed: {
      // Wendy reviews (an admin); Rita is a member who can read but not write.
      users: [
        { login: "wendy", name: "Wendy Reviewer" },
        { login: "rita", name: "Rita Reader" },
      ],
      orgs: [{ login: "havun", members: { wendy: "admin", rita: "member" } }],
      repos: [
        { owner: "havun", name: "havuncore", files: havuncoreRepoFiles() },
        {
          owner: "havun",
          name: "hub",
          description: "Orchestration hub",
          files: {
            "README.md": "# hub\n",
            ".github/havun.yml": o.release
              ? releaseHubConfig(o.hubConfig ?? HUB_CONFIG)
              : (o.hubConfig ?? HUB_CONFIG),
            ...(o.release ? RELEASE_HUB_FILES : {}),
            ...vault.files,
            ...HUB_SNIPPETS,
            ...(o.hubFiles ?? HUB_AGENTS),
          },
        },
        {
          owner: "havun",
          name: "api",
          description: "Payments API",
          private: true,
          files: {
            ...project(API_FILES),
            ...(o.release
              ? {
                  ".github/workflows/integration.yml": API_INTEGRATION_WORKFLOW,
                  ".github/workflows/deploy.yml": API_DEPLOY_WORKFLOW,
                }
              : {}),
          },
          secrets: { ...repoSecrets, HAVUN_VAULT_KEY: vault.privateKey },
          variables,
        },
        {
          owner: "havun",
          name: "portal",
          description: "Customer portal",
          private: true,
          files: {
            ...project(PORTAL_FILES),
            ...(o.release ? { ".github/workflows/deploy.yml": PORTAL_DEPLOY_WORKFLOW } : {}),
          },
          secrets: repoSecrets,
          variables,
        },
      ],
      apps: [
        {
          slug: "havuncore",
          owner: "havun",
          manifest: APP_MANIFEST,
          installations: [{ account: "havun" }],
        },
      ],
      projects: [DEMO_BOARD],
    },
  });
  const registered = sb.seeded.apps.havuncore!.app;
  const reviewer = createRestClient({ token: sb.token("wendy"), baseUrl: sb.apiUrl });
  // No stored GitHub token anywhere: the publish job exchanges its ID token with the App.
  const appOptions: ChildAppOptions = {
    appId: registered.id,
    privateKey: registered.privateKeyPem,
    webhookSecret: registered.webhookSecret,
    baseUrl: sb.apiUrl,
    model: o.realApiKey
      ? { apiKey: o.realApiKey }
      : { apiKey, baseURL: `${sb.serverUrl}/anthropic` },
    logLevel: (process.env.HAVUN_DEMO_LOG_LEVEL as "fatal" | undefined) ?? "fatal",
    writeSpacingMs: 0,
    resume: false,
    ...(o.standalone
      ? {}
      : {
          workflowApi: {
            issuer: sb.oidcIssuer,
            audience: "havuncore",
            trusted: { repo: "havun/havuncore", refs: ["refs/heads/main"] },
            serverUrl: sb.serverUrl,
          },
        }),
  };
  const app = o.restartAppEvery
    ? await restartingApp(appOptions, o.restartAppEvery * 1000)
    : await inProcessApp(appOptions);
  for (const repo of ["api", "portal"]) {
    if (o.standalone) {
      await reviewer.request("POST /repos/{owner}/{repo}/actions/variables", {
        owner: "havun",
        repo,
        name: "HAVUN_APP_ID",
        value: String(registered.id),
      });
      await storeActionsSecret({
        repo: `havun/${repo}`,
        token: sb.token("wendy"),
        apiUrl: sb.apiUrl,
        name: "HAVUN_APP_PRIVATE_KEY",
        value: registered.privateKeyPem,
      });
    } else
      await reviewer.request("POST /repos/{owner}/{repo}/actions/variables", {
        owner: "havun",
        repo,
        name: "HAVUN_APP_URL",
        value: app.url,
      });
    if (!o.realApiKey) {
      await reviewer.request("POST /repos/{owner}/{repo}/actions/variables", {
        owner: "havun",
        repo,
        name: "ANTHROPIC_BASE_URL",
        value: `${sb.serverUrl}/anthropic`,
      });
    }
  }
  registered.webhookUrl = app.webhookUrl;
  return {
    sb,
    app,
    model,
    reviewer,
    secretValue: o.secretValue,
    vaultKey: vault.privateKey,
    modelKey: apiKey,
    async stop() {
      await app.stop();
      await sb.actions?.idle();
      await sb.stop();
    },
  };
}
