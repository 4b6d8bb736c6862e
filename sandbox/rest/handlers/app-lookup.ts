import { notFound } from "../../http/github-error.ts";
import { renderApp } from "../../render/app.ts";
import { ok, type HandlerTable } from "../types.ts";

/**
 * `GET /apps/{app_slug}`: "If the GitHub App you specify is private, you must authenticate with
 * a personal access token or an installation access token". The sandbox's Apps are private
 * (HavunCore's manifest says `public: false`): the owner account and its members see one, as
 * do its installations' tokens; to anyone else it does not exist.
 */
export const appLookupHandlers: HandlerTable = {
  "apps/get-by-slug": (req) => {
    const app = req.core.store.state.apps.find(
      (a) => a.slug.toLowerCase() === String(req.params.app_slug).toLowerCase(),
    );
    if (!app) throw notFound();
    const t = req.access.token;
    const owner = req.core.store.accountById(app.ownerId);
    const me = req.access.actor.accountId;
    const visible =
      t.kind === "installation"
        ? req.core.store.state.installations.some(
            (i) => i.id === t.installationId && i.appId === app.id,
          )
        : me > 0 &&
          (owner.id === me ||
            owner.members?.[req.core.store.accountById(me).login.toLowerCase()] !== undefined);
    if (!visible) throw notFound();
    return ok(renderApp(req.core, app));
  },
};
