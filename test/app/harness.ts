import Anthropic from "@anthropic-ai/sdk";
import { Octokit } from "@octokit/rest";
import { startAppServer, type AppServer } from "../../app/server.ts";
import { APP_MANIFEST } from "../../sandbox/default-seed.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { createModelApi, type ModelApi, type ScenarioInput } from "../../sandbox/model/index.ts";
import type { SeedDescription } from "../../sandbox/state/seed.ts";
import { quiet } from "../sandbox/fixtures.ts";

export const HUB_CONFIG = `version: 1
projects:
  - repo: havun/api
    description: The payments HTTP API (Node)
    contracts:
      provides: [payments-api]
  - repo: havun/portal
    description: The customer portal that calls the API
    contracts:
      consumes: [payments-api]
agent:
  max_parallel: 3
`;

export interface Harness {
  sb: Sandbox;
  app: AppServer;
  model: ModelApi;
  /** The writer (an org admin) and a reader's clients. */
  writer: Octokit;
  reader: Octokit;
  /** Waits until webhooks and the App's queued work have all settled. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The sandbox (a local GitHub) with org `havun`: hub, api and portal repositories, the
 * HavunCore App installed from app.yml, the scripted model API; and the App's real Probot
 * server receiving signed webhooks over HTTP. Nothing of GitHub or the model is mocked in
 * process: the App talks to both through HTTP as it would in production.
 */
export async function startHarness(
  opts: {
    scenarios?: ScenarioInput[];
    hubConfig?: string;
    seed?: SeedDescription;
    /** Serve the workflow API, trusting `havun/havuncore`'s workflows at refs/heads/main. */
    workflowApi?: boolean;
  } = {},
): Promise<Harness> {
  const model = createModelApi({ scenarios: opts.scenarios ?? [] });
  const sb = await startSandbox({
    extraRoutes: [model.route],
    secondaryRateLimit: 0,
    seed: {
      users: [{ login: "wendy" }, { login: "rita" }],
      orgs: [{ login: "havun", members: { wendy: "admin", rita: "member" } }],
      repos: [
        {
          owner: "havun",
          name: "hub",
          files: { "README.md": "# hub\n", ".github/havun.yml": opts.hubConfig ?? HUB_CONFIG },
        },
        {
          owner: "havun",
          name: "api",
          description: "Payments API",
          files: { "README.md": "# api\nAn HTTP API.\n", "src/server.js": "// api\n" },
        },
        {
          owner: "havun",
          name: "portal",
          description: "Customer portal",
          files: { "README.md": "# portal\n", "src/checkout.js": "// checkout\n" },
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
      ...opts.seed,
    },
  });
  const registered = sb.seeded.apps.havuncore!.app;
  const app = await startAppServer({
    appId: registered.id,
    privateKey: registered.privateKeyPem,
    webhookSecret: registered.webhookSecret,
    baseUrl: sb.apiUrl,
    anthropic: new Anthropic({
      apiKey: "sk-ant-test",
      baseURL: `${sb.serverUrl}/anthropic`,
      maxRetries: 2,
    }),
    logLevel: "error",
    resume: false,
    writeSpacingMs: 0, // the sandbox enforces GitHub's secondary limit itself
    ...(opts.workflowApi
      ? {
          workflowApi: {
            issuer: sb.oidcIssuer,
            audience: "havuncore",
            trusted: { repo: "havun/havuncore", refs: ["refs/heads/main"] },
            serverUrl: sb.serverUrl,
          },
        }
      : {}),
  });
  registered.webhookUrl = app.webhookUrl;
  const client = (login: string) =>
    new Octokit({ auth: sb.token(login), baseUrl: sb.apiUrl, log: quiet });
  const settle = async () => {
    for (let i = 0; i < 50; i++) {
      const before = sb.core.store.state.deliveries.length;
      await sb.webhooks.idle();
      await app.queue.idle();
      await sb.webhooks.idle();
      if (sb.core.store.state.deliveries.length === before) return;
    }
    throw new Error("the App and the sandbox did not settle");
  };
  return {
    sb,
    app,
    model,
    writer: client("wendy"),
    reader: client("rita"),
    settle,
    async stop() {
      await app.stop();
      await sb.stop();
    },
  };
}
