import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Anthropic from "@anthropic-ai/sdk";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { pacedGroup } from "./gateway/pacing.ts";
import { havunApp } from "./probot-app.ts";
import { resumeAll } from "./orchestrator/resume.ts";
import { signerFromPrivateKey } from "./trust/marker-signer.ts";
import { API_PREFIX, apiRouter } from "./api/api-router.ts";
import type { TrustedWorkflows } from "./api/trusted-workflows.ts";
import { OidcVerifier } from "./oidc/verifier.ts";
import type { WorkQueue } from "./orchestrator/work-queue.ts";

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
  /**
   * Milliseconds between content-creating requests (GitHub asks for 1000, and 3000 for those
   * that notify); leave unset against GitHub. Tests on the sandbox shorten it.
   */
  writeSpacingMs?: number;
  /** Reconcile every open orchestration at start-up (what a crash left half-done). */
  resume?: boolean;
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
}

export interface AppServer {
  url: string;
  webhookUrl: string;
  queue: WorkQueue;
  probot: Probot;
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
    ...(options.writeSpacingMs !== undefined
      ? { Octokit: pacedOctokit(options.writeSpacingMs) }
      : {}),
  });
  const anthropic = options.anthropic ?? new Anthropic();
  const appSlug = options.appSlug ?? "havuncore";
  const signer = signerFromPrivateKey(options.privateKey);
  const { appFn, queue } = havunApp({ anthropic, appSlug, signer });
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
  const server: Server = createServer((req, res) => {
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
    void Promise.resolve(middleware(req, res, () => res.writeHead(404).end("Not found\n")));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve()),
  );
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (options.resume !== false) await resumeAll(probot, { anthropic, appSlug, signer, queue });
  return {
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    queue,
    probot,
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
