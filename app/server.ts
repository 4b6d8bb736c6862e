import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Anthropic from "@anthropic-ai/sdk";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { pacedGroup } from "./gateway/pacing.ts";
import { havunApp } from "./probot-app.ts";
import { resumeAll } from "./orchestrator/resume.ts";
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
  const { appFn, queue } = havunApp({ anthropic, appSlug });
  const middleware = await createNodeMiddleware(appFn, {
    probot,
    webhooksPath: "/api/github/webhooks",
  });
  const server: Server = createServer((req, res) => {
    void Promise.resolve(middleware(req, res, () => res.writeHead(404).end("Not found\n")));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve()),
  );
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (options.resume !== false) await resumeAll(probot, { anthropic, appSlug, queue });
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
