import type { IncomingMessage, ServerResponse } from "node:http";
import type { SandboxCore } from "../core.ts";
import type { AccountRecord } from "../state/types.ts";
import { createAppFromManifest } from "./create-app.ts";
import { installApp, installTargets } from "./install-app.ts";
import { checkManifest } from "./manifest-check.ts";
import { issueManifestCode, manifestAppInfo } from "./manifest-codes.ts";
import { redirect, sendPage } from "./page.ts";
import { SIGN_IN_HELP, signedInUser } from "./signed-in.ts";

const NEW_APP = /^(?:\/organizations\/([^/]+))?\/settings\/apps\/new\/?$/;
const INSTALL = /^\/apps\/([^/]+)\/installations\/new\/?$/;

function form(req: IncomingMessage, body: Buffer): URLSearchParams | null {
  const type = String(req.headers["content-type"] ?? "");
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return null;
  return new URLSearchParams(body.toString("utf8"));
}

/** The manifest flow's "Create GitHub App" step: create the App, send the browser back with a code. */
async function newApp(
  core: SandboxCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
  user: AccountRecord,
  orgLogin: string | undefined,
): Promise<void> {
  let owner: AccountRecord = user;
  if (orgLogin) {
    const org = core.store.account(orgLogin);
    if (!org || org.type !== "Organization")
      return sendPage(res, 404, "Not Found", [`There is no organization ${orgLogin}.`]);
    if (org.members?.[user.login.toLowerCase()] !== "admin")
      return sendPage(res, 403, "Forbidden", [
        `${user.login} is not an owner of ${org.login}: only organization owners can register GitHub Apps for it.`,
      ]);
    owner = org;
  }
  const fields = form(req, body);
  if (!fields)
    return sendPage(res, 415, "Unsupported form", [
      "Post the manifest as an HTML form (application/x-www-form-urlencoded) with a manifest field.",
    ]);
  const checked = checkManifest(fields.get("manifest"));
  if (!checked.ok) return sendPage(res, 422, "The manifest is not valid", checked.problems);
  const app = await createAppFromManifest(core, owner, checked.manifest);
  if (!app)
    return sendPage(res, 422, "The manifest is not valid", [
      `name: "${checked.manifest.name}" has already been taken`,
    ]);
  const back = new URL(checked.manifest.redirectUrl);
  back.searchParams.set("code", issueManifestCode(core, app.id));
  const state = url.searchParams.get("state");
  if (state !== null) back.searchParams.set("state", state);
  redirect(res, back.toString());
}

/** `/apps/{slug}/installations/new`: the accounts to choose from (GET), or install on `target` (POST). */
async function install(
  core: SandboxCore,
  req: IncomingMessage,
  res: ServerResponse,
  slug: string,
  body: Buffer,
  user: AccountRecord,
): Promise<void> {
  const app = core.store.state.apps.find((a) => a.slug === slug);
  const targets = app ? installTargets(core, app, user) : [];
  if (!app || targets.length === 0)
    return sendPage(res, 404, "Not Found", [
      app
        ? `${slug} is a private App: only its owner ${core.store.accountById(app.ownerId).login} can install it.`
        : `There is no App ${slug}.`,
    ]);
  if (req.method === "GET")
    return sendPage(res, 200, `Install ${app.name}`, [
      `POST this page as a form with target=LOGIN (one of: ${targets.map((t) => t.login).join(", ")}) and optionally repositories=NAME,NAME (default: all).`,
    ]);
  const fields = form(req, body);
  const target = targets.find(
    (t) => t.login.toLowerCase() === (fields?.get("target") ?? "").toLowerCase(),
  );
  if (!fields || !target)
    return sendPage(res, 422, "Choose where to install", [
      `target must be one of: ${targets.map((t) => t.login).join(", ")}.`,
    ]);
  const names = fields.get("repositories");
  const repos =
    names && names !== "all"
      ? names
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean)
      : ("all" as const);
  const inst = await installApp(core, app, target, repos);
  if (typeof inst === "string") return sendPage(res, 422, "Choose repositories", [inst]);
  const setupUrl = manifestAppInfo(core, app.id)?.setupUrl;
  if (setupUrl) {
    const next = new URL(setupUrl);
    next.searchParams.set("installation_id", String(inst.id));
    next.searchParams.set("setup_action", "install");
    return redirect(res, next.toString());
  }
  const where = target.type === "Organization" ? `/organizations/${target.login}` : "";
  redirect(res, `${core.urls.server}${where}/settings/installations/${inst.id}`);
}

/**
 * GitHub's web steps the manifest flow needs, for a signed-in user (see SIGN_IN_HELP):
 * `POST /settings/apps/new` and `POST /organizations/{org}/settings/apps/new` with the
 * `manifest` form field, and `/apps/{slug}/installations/new` to install the App.
 */
export function webRoute(core: SandboxCore) {
  return async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    body: Buffer,
  ): Promise<boolean> => {
    const newApp_ = NEW_APP.exec(url.pathname);
    const install_ = INSTALL.exec(url.pathname);
    if (!newApp_ && !install_) return false;
    const user = signedInUser(core, req);
    if (!user) {
      sendPage(res, 401, "Sign in to GitHub", [SIGN_IN_HELP]);
      return true;
    }
    if (newApp_) {
      if (req.method !== "POST")
        sendPage(res, 405, "Method Not Allowed", [
          "The sandbox registers Apps from manifests only: POST a form with a manifest field.",
        ]);
      else await newApp(core, req, res, url, body, user, newApp_[1]);
    } else if (req.method !== "GET" && req.method !== "POST")
      sendPage(res, 405, "Method Not Allowed", ["GET or POST this page."]);
    else await install(core, req, res, decodeURIComponent(install_![1]!), body, user);
    return true;
  };
}
