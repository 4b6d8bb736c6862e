import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Anthropic from "@anthropic-ai/sdk";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { gatewayPlugin } from "./gateway/conditional.ts";
import { pacedGroup } from "./gateway/pacing.ts";
import { havunApp } from "./probot-app.ts";
import { resumeAll } from "./orchestrator/resume.ts";
import { signerFromPrivateKey } from "./trust/marker-signer.ts";
import { API_PREFIX, apiRouter } from "./api/api-router.ts";
import type { TrustedWorkflows } from "./api/trusted-workflows.ts";
import { OidcVerifier } from "./oidc/verifier.ts";
import { currentDelivery, withDelivery } from "./http/delivery-context.ts";
import { GitHubHealth, type HealthOptions } from "./http/health.ts";
import type { LogFormat } from "./http/log-format.ts";
import { TrackedQueue } from "./http/tracked-queue.ts";

export interface AppServerOptions {
  appId: number | string;
  privateKey: string;
  webhookSecret: string;
  /** GitHub's REST root; the sandbox's `apiUrl` in tests. */
  baseUrl?: string;
  port?: number;
  appSlug?: string;
  /** The model API; by default the real one from ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL). */
  anthropic?: Anthropic;
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  /** `json`: one JSON object a line (production); `pretty` (Probot's default) for a terminal. */
  logFormat?: LogFormat;
  /**
   * Milliseconds between content-creating requests (GitHub asks for 1000, and 3000 for those
   * that notify); leave unset against GitHub. Tests on the sandbox shorten it.
   */
  writeSpacingMs?: number;
  /**
   * Reconcile every open orchestration at start-up (what a crash left half-done): before
   * returning (true, the default), or after, without holding up the start (`background`).
   */
  resume?: boolean | "background";
  /**
   * The API for HavunCore's workflows (`/api/havun/v1/…`): the ID-token issuer and audience it
   * accepts and the workflows it trusts. Without it the API answers 503.
   */
  workflowApi?: {
    issuer: string;
    audience: string;
    trusted: TrustedWorkflows;
    /** GitHub's web address (links to runs); https://github.com by default. */
    serverUrl?: string;
  };
  /** Address to listen on (127.0.0.1 by default; 0.0.0.0 in a container). */
  host?: string;
  /**
   * A server already listening (the manifest flow's): the App takes over its request handling
   * instead of listening itself; `port` and `host` are then ignored.
   */
  server?: Server;
  /** `GET /healthz`: how fresh a successful `GET /app` must be, and how long one may take. */
  health?: HealthOptions;
}

export interface AppServer {
  url: string;
  webhookUrl: string;
  queue: TrackedQueue;
  probot: Probot;
  /** The HTTP server (for a graceful stop: `app/http/shutdown.ts`). */
  httpServer: Server;
  health: GitHubHealth;
  stop(): Promise<void>;
}

/** The HavunCore App as an HTTP server: Probot's webhook middleware at /api/github/webhooks. */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const probot = new Probot({
    appId: options.appId,
    privateKey: options.privateKey,
    secret: options.webhookSecret,
    baseUrl: options.baseUrl,
    logLevel: options.logLevel ?? "warn",
    ...(options.logFormat ? { logFormat: options.logFormat } : {}),
    // Every client's GETs are conditional (a 304 is not charged) and wait out secondary limits.
    Octokit: (options.writeSpacingMs !== undefined
      ? pacedOctokit(options.writeSpacingMs)
      : ProbotOctokit
    ).plugin(gatewayPlugin),
  });
  const anthropic = options.anthropic ?? new Anthropic();
  const appSlug = options.appSlug ?? "havuncore";
  const signer = signerFromPrivateKey(options.privateKey);
  // Queued work runs after its webhook was answered; its failures name the delivery.
  const queue = new TrackedQueue((key, err) =>
    probot.log.error({ err, key, id: currentDelivery() }, "orchestration step failed"),
  );
  const { appFn } = havunApp({ anthropic, appSlug, signer, queue });
  const health = new GitHubHealth(probot, { baseUrl: options.baseUrl, ...options.health });
  const middleware = await createNodeMiddleware(appFn, {
    probot,
    webhooksPath: "/api/github/webhooks",
  });
  const api = options.workflowApi
    ? apiRouter(
        {
          probot,
          anthropic,
          appSlug,
          signer,
          oidc: new OidcVerifier({
            issuer: options.workflowApi.issuer,
            audience: options.workflowApi.audience,
          }),
          trusted: options.workflowApi.trusted,
          log: probot.log,
        },
        options.workflowApi.serverUrl ?? "https://github.com",
      )
    : null;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET" && (req.url ?? "").split("?")[0] === "/healthz")
      return void health.serve(req, res);
    if ((req.url ?? "").startsWith(API_PREFIX)) {
      if (api) return void api(req, res);
      res.writeHead(503, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: {
            code: "API_OFF",
            message:
              "this App server has no workflow API configured (HAVUN_OIDC_AUDIENCE, HAVUN_TRUSTED_WORKFLOWS)",
          },
        }),
      );
      return;
    }
    void withDelivery(req, () =>
      Promise.resolve(middleware(req, res, () => res.writeHead(404).end("Not found\n"))),
    );
  };
  const server: Server = options.server ?? createServer();
  server.removeAllListeners("request");
  server.on("request", handler);
  if (!options.server)
    await new Promise<void>((resolve) =>
      server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve()),
    );
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const resume = () => resumeAll(probot, { anthropic, appSlug, signer, queue });
  if (options.resume === "background")
    void resume().catch((err: unknown) =>
      probot.log.error({ err }, "resuming open orchestrations failed; the next event resumes each"),
    );
  else if (options.resume !== false) await resume();
  return {
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    queue,
    probot,
    httpServer: server,
    health,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.idle();
    },
  };
}

/** Probot's Octokit with the write spacing replaced (its own throttle options are kept). */
function pacedOctokit(ms: number): typeof ProbotOctokit {
  const write = pacedGroup(ms);
  const notifications = pacedGroup(ms);
  return ProbotOctokit.defaults((instance: Record<string, unknown>) => ({
    ...instance,
    throttle: { ...(instance.throttle as object), write, notifications },
  })) as typeof ProbotOctokit;
}
