import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { convertManifestCode, type RegisteredApp } from "./conversion.ts";
import { newAppUrl } from "./github-urls.ts";
import { buildManifest } from "./manifest.ts";
import { problemPage, registerPage } from "./setup-page.ts";

export const CALLBACK_PATH = "/setup/callback";
const WEBHOOK_PATH = "/api/github/webhooks";

export interface ManifestFlowOptions {
  /** GitHub's REST root (the code is exchanged there). */
  apiUrl: string;
  /** GitHub's web root (the manifest is posted there). */
  webUrl: string;
  /** Register the App for this organization instead of the signed-in user. */
  org?: string;
  /** The public webhook URL (or a proxy channel); default: this server's, as the browser reached it. */
  hookUrl?: string;
  /** Overrides app.yml's name. */
  name?: string;
  /** Keeps the credentials (writes `.env`); what it throws is shown on the callback page. */
  save(app: RegisteredApp): Promise<void> | void;
}

export interface ManifestFlow {
  /** Serves `/` (the page that posts the manifest) and the callback; 503 for the rest. */
  handler(req: IncomingMessage, res: ServerResponse): void;
  /** Resolves once the App was created and saved. */
  registered: Promise<RegisteredApp>;
}

/** `proto://host` as the browser reached this server (a proxy's forwarded headers first). */
function baseUrlOf(req: IncomingMessage): string {
  const first = (h: string | string[] | undefined) =>
    (Array.isArray(h) ? h[0] : h)?.split(",")[0]?.trim();
  const proto = first(req.headers["x-forwarded-proto"]) ?? "http";
  const host = first(req.headers["x-forwarded-host"]) ?? req.headers.host ?? "localhost";
  return `${proto}://${host}`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(body);
}

/**
 * GitHub's manifest flow (as Probot's setup does): `/` posts app.yml's manifest to GitHub with
 * a random `state`; GitHub creates the App and sends the browser to `/setup/callback?code&state`;
 * the code is exchanged for the App's id, key and secrets, which `save` keeps; the browser goes
 * on to install the App.
 */
export function manifestFlow(options: ManifestFlowOptions): ManifestFlow {
  const state = randomBytes(16).toString("hex");
  let resolve!: (app: RegisteredApp) => void;
  let reject!: (err: Error) => void;
  const registered = new Promise<RegisteredApp>((ok, fail) => ((resolve = ok), (reject = fail)));
  let phase: "waiting" | "converting" | "done" = "waiting";

  const callback = async (url: URL, res: ServerResponse): Promise<void> => {
    const code = url.searchParams.get("code");
    if (phase === "done")
      return send(
        res,
        410,
        "text/html",
        problemPage(
          "Already registered",
          "This server has already registered its App; nothing to do here.",
        ),
      );
    if (!code)
      return send(
        res,
        400,
        "text/html",
        problemPage("No code", "GitHub sends the browser here with a code; start again at /."),
      );
    if (url.searchParams.get("state") !== state)
      return send(
        res,
        400,
        "text/html",
        problemPage(
          "Wrong state",
          "The state does not match the one this server sent (an old or forged link): start again at /.",
        ),
      );
    if (phase === "converting")
      return send(
        res,
        409,
        "text/html",
        problemPage("Busy", "The code is being exchanged already."),
      );
    phase = "converting";
    try {
      const app = await convertManifestCode(options.apiUrl, code);
      await options.save(app);
      phase = "done";
      const install = `${app.htmlUrl}/installations/new`;
      res.writeHead(302, { location: install, "content-type": "text/plain" });
      res.end(`App ${app.name} (id ${app.id}) registered. Install it: ${install}\n`);
      resolve(app);
    } catch (err) {
      phase = "done";
      const message = (err as Error).message;
      send(res, 502, "text/html", problemPage("The App could not be saved", message));
      reject(err as Error);
    }
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? "/", "http://local");
    if (req.method === "GET" && url.pathname === "/") {
      const base = baseUrlOf(req);
      const manifest = buildManifest({
        baseUrl: base,
        hookUrl: options.hookUrl ?? `${base}${WEBHOOK_PATH}`,
        ...(options.name ? { name: options.name } : {}),
      });
      const action = newAppUrl(options.webUrl, state, options.org);
      const owner = options.org ? `the organization ${options.org}` : "your account";
      return send(res, 200, "text/html; charset=utf-8", registerPage({ manifest, action, owner }));
    }
    if (req.method === "GET" && url.pathname === CALLBACK_PATH) return void callback(url, res);
    const reason =
      "the App is not registered yet: open this server's / in a browser to register it";
    if (url.pathname === "/healthz" || url.pathname === WEBHOOK_PATH)
      return send(
        res,
        503,
        "application/json",
        JSON.stringify({ status: "unregistered", reason }) + "\n",
      );
    send(res, 404, "text/plain", "Not found\n");
  };
  return { handler, registered };
}
