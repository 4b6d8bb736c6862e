import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { STATUS_CLASS_DEFS } from "../app/render/status-view.ts";
import { createRestClient } from "../app/gateway/rest-client.ts";
import { admit, newAccessKey } from "./access-key.ts";
import { html } from "./html.ts";
import { LiveViews } from "./live/live-views.ts";
import { ProbeCache } from "./live/probes.ts";
import { layout, type PageBody } from "./pages/layout.ts";
import { parseRoute, pathOf } from "./routes.ts";
import { renderRoute, type DashboardContext } from "./views/index.ts";

export interface DashboardOptions {
  /** GitHub's REST API, e.g. https://api.github.com. */
  baseUrl: string;
  token: string;
  /** The hub repository, owner/name. */
  hub: string;
  /** 0 picks a free port. */
  port?: number;
  /** How often open pages ask GitHub whether they changed (default 5 s). */
  intervalMs?: number;
  appSlug?: string;
  /** The key pages need (`?key=`, then a cookie); a random one by default. */
  key?: string;
  onError?: (err: unknown) => void;
}

export interface Dashboard {
  /** The address to open: it carries the access key. */
  url: string;
  key: string;
  live: LiveViews;
  stop(): Promise<void>;
}

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), "utf8");

/** The stylesheet, with a class per task status in the hub issue's colours. */
function stylesheet(): string {
  const statuses = Object.entries(STATUS_CLASS_DEFS).map(([name, style]) => {
    const get = (k: string) =>
      new RegExp(`${k}:(#[0-9a-f]{3,8})`, "i").exec(style)?.[1] ?? "inherit";
    return `.st-${name}{background:${get("fill")};border-color:${get("stroke")};color:${get("color")}}`;
  });
  return `${asset("style.css")}\n${statuses.join("\n")}\n`;
}

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

/** What GitHub's answer means for the person looking, and what to do. */
export function githubProblem(err: unknown): { status: number; message: string } {
  const e = err as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string> };
  };
  const said = e.message ?? String(err);
  if (e.status === 401)
    return {
      status: 502,
      message: `GitHub refused the token (401 ${said}): restart havun dashboard with a valid --token or GITHUB_TOKEN.`,
    };
  if (e.status === 403 && e.response?.headers?.["x-ratelimit-remaining"] === "0")
    return {
      status: 503,
      message: `GitHub's rate limit is used up (${said}); the page works again when it resets.`,
    };
  if (e.status === 403 || e.status === 404)
    return {
      status: e.status,
      message: `GitHub answered ${e.status} (${said}): the token cannot read this; use a token with read access to the hub and its project repositories.`,
    };
  return { status: 502, message: `GitHub could not be read: ${said}` };
}

function errorPage(hub: string, problem: { status: number; message: string }): string {
  const body: PageBody = {
    title: "Problem",
    crumbs: [{ label: "orchestrations", href: "/" }, { label: "problem" }],
    main: html`<h1>Could not read GitHub</h1>
      <p class="banner error">${problem.message}</p>
      <p><a href="/">All orchestrations</a></p>`,
  };
  return layout({ hub, body, live: null });
}

/**
 * `havun dashboard`: a local web app that reads GitHub live with the given token and stores
 * nothing. It listens on the loopback interface only, answers only requests addressed to it by a
 * loopback name (a page elsewhere cannot read it through DNS rebinding) and only with its key
 * (another user of the machine cannot read what the token can).
 */
export async function startDashboard(o: DashboardOptions): Promise<Dashboard> {
  const octokit = createRestClient({
    token: o.token,
    baseUrl: o.baseUrl,
    userAgent: "havuncore-dashboard",
  });
  const probes = new ProbeCache(octokit);
  const ctx: DashboardContext = { octokit, hub: o.hub, appSlug: o.appSlug ?? "havuncore", probes };
  const css = stylesheet();
  const js = asset("live.js");
  const renderPath = async (path: string) => {
    const url = new URL(path, "http://dashboard.local");
    const route = parseRoute(url.pathname, url.search);
    if (!route) throw new Error(`no view at ${path}`);
    return renderRoute(ctx, route);
  };
  const live = new LiveViews({
    probes,
    intervalMs: o.intervalMs ?? 5000,
    render: renderPath,
    onError: o.onError,
  });
  let port = 0;
  const key = o.key ?? newAccessKey();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const host = (req.headers.host ?? "").toLowerCase();
    if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host)) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      res.end(`Open the dashboard at http://127.0.0.1:${port}/\n`);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
      res.end("The dashboard only reads.\n");
      return;
    }
    const url = new URL(req.url ?? "/", `http://${host}`);
    const pass = admit(req, url, key);
    if (!pass.ok) {
      res.writeHead(401, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
      res.end(
        "This dashboard needs its key: open the address `havun dashboard` printed (it ends in ?key=…).\n",
      );
      return;
    }
    if (pass.setCookie) res.setHeader("set-cookie", pass.setCookie);
    if (url.pathname === "/assets/style.css" || url.pathname === "/assets/live.js") {
      const css_ = url.pathname.endsWith(".css");
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        "content-type": css_ ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8",
      });
      res.end(css_ ? css : js);
      return;
    }
    if (url.pathname === "/events") {
      const view = url.searchParams.get("view") ?? "";
      const viewUrl = new URL(view, "http://dashboard.local");
      const route = view.startsWith("/") ? parseRoute(viewUrl.pathname, viewUrl.search) : null;
      if (!route) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end("no such view\n");
        return;
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        "content-type": "text/event-stream; charset=utf-8",
        connection: "keep-alive",
      });
      res.write("retry: 5000\n\n");
      live.subscribe(pathOf(route), url.searchParams.get("v") ?? "", res);
      return;
    }
    const route = parseRoute(url.pathname, url.search);
    if (!route) {
      res.writeHead(404, { ...SECURITY_HEADERS, "content-type": "text/html; charset=utf-8" });
      res.end(errorPage(o.hub, { status: 404, message: `There is no page at ${url.pathname}.` }));
      return;
    }
    const out = await renderRoute(ctx, route);
    if (route.kind === "transcript") {
      res.writeHead(out.markdown ? 200 : 404, {
        ...SECURITY_HEADERS,
        "content-type": "text/markdown; charset=utf-8",
      });
      res.end(out.markdown ?? "This run has no transcript (yet).\n");
      return;
    }
    const path = pathOf(route);
    const version = out.probes.length ? live.rendered(path, out) : null;
    const events = version ? `/events?view=${encodeURIComponent(path)}&v=${version}` : null;
    res.writeHead(out.status ?? 200, {
      ...SECURITY_HEADERS,
      "content-type": "text/html; charset=utf-8",
    });
    res.end(req.method === "HEAD" ? undefined : layout({ hub: o.hub, body: out, live: events }));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      o.onError?.(err);
      const problem = githubProblem(err);
      if (!res.headersSent)
        res.writeHead(problem.status, {
          ...SECURITY_HEADERS,
          "content-type": "text/html; charset=utf-8",
        });
      res.end(errorPage(o.hub, problem));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?key=${key}`,
    key,
    live,
    async stop() {
      await live.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
