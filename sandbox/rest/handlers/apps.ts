import { GitHubError, notFound } from "../../http/github-error.ts";
import { issueToken, narrowPermissions } from "../../auth/tokens.ts";
import { renderApp } from "../../render/app.ts";
import { renderInstallation } from "../../render/installation.ts";
import { renderRepo } from "../../render/repo.ts";
import type { AppRecord, DeliveryRecord, InstallationRecord } from "../../state/types.ts";
import { manifestAppInfo, redeemManifestCode } from "../../web/manifest-codes.ts";
import { paginate } from "../lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../types.ts";

function appOf(req: RestRequest): AppRecord {
  if (!req.app) throw new GitHubError(401, "A JSON web token could not be decoded");
  return req.app;
}

function installationOf(req: RestRequest, id: unknown): InstallationRecord {
  const app = appOf(req);
  const inst = req.core.store.state.installations.find(
    (i) => i.id === Number(id) && i.appId === app.id,
  );
  if (!inst) throw notFound();
  return inst;
}

function renderDelivery(d: DeliveryRecord): Record<string, unknown> {
  return {
    id: d.id,
    guid: d.guid,
    delivered_at: d.deliveredAt,
    redelivery: d.redelivery,
    duration: d.durationMs / 1000,
    status: d.status,
    status_code: d.statusCode,
    event: d.event,
    action: d.action,
    installation_id: d.installationId,
    repository_id: d.repositoryId,
    throttled_at: null,
  };
}

function findInstallation(req: RestRequest, accountId: number): InstallationRecord {
  const app = appOf(req);
  const inst = req.core.store.state.installations.find(
    (i) => i.appId === app.id && i.accountId === accountId,
  );
  if (!inst) throw notFound();
  return inst;
}

export const appHandlers: HandlerTable = {
  "apps/get-authenticated": (req) => ok(renderApp(req.core, appOf(req))),
  /**
   * `POST /app-manifests/{code}/conversions`: the manifest flow's last step, unauthenticated
   * (the code is the credential, good once within an hour): the new App with its key and secrets.
   */
  "apps/create-from-manifest": (req) => {
    const appId = redeemManifestCode(req.core, String(req.params.code));
    const app = req.core.store.state.apps.find((a) => a.id === appId);
    const info = app && manifestAppInfo(req.core, app.id);
    if (!app || !info) throw notFound();
    return ok(
      {
        ...renderApp(req.core, app),
        client_id: app.clientId,
        client_secret: info.clientSecret,
        webhook_secret: app.webhookSecret,
        pem: app.privateKeyPem,
      },
      201,
    );
  },
  "apps/list-installations": (req) => {
    const app = appOf(req);
    const all = req.core.store.state.installations.filter((i) => i.appId === app.id);
    return ok(all.map((i) => renderInstallation(req.core, i)));
  },
  "apps/get-installation": (req) =>
    ok(renderInstallation(req.core, installationOf(req, req.params.installation_id))),
  "apps/get-repo-installation": (req) => {
    const repo = req.core.store.repo(String(req.params.owner), String(req.params.repo));
    if (!repo) throw notFound();
    const inst = findInstallation(req, repo.ownerId);
    if (inst.repositorySelection !== "all" && !inst.repositoryIds.includes(repo.id))
      throw notFound();
    return ok(renderInstallation(req.core, inst));
  },
  "apps/get-user-installation": (req) => {
    const account = req.core.store.account(String(req.params.username));
    if (!account) throw notFound();
    return ok(renderInstallation(req.core, findInstallation(req, account.id)));
  },
  /** `DELETE /installation/token`: the installation token that calls it stops working. */
  "apps/revoke-installation-access-token": (req) => {
    const t = req.access.token;
    if (t.kind !== "installation")
      throw new GitHubError(403, "This endpoint requires an installation token.");
    const st = req.core.store.state;
    st.tokens = st.tokens.filter((x) => x !== t);
    req.core.store.changed();
    return { status: 204 };
  },
  "apps/get-org-installation": (req) => {
    const org = req.core.store.account(String(req.params.org));
    if (!org) throw notFound();
    return ok(renderInstallation(req.core, findInstallation(req, org.id)));
  },
  "apps/create-installation-access-token": (req) => {
    const inst = installationOf(req, req.params.installation_id);
    const app = appOf(req);
    const b = req.body ?? {};
    let ids: number[] | undefined;
    if (Array.isArray(b.repositories) || Array.isArray(b.repository_ids)) {
      ids = [];
      for (const name of b.repositories ?? []) {
        const r = req.core.store.state.repos.find(
          (x) =>
            x.ownerId === inst.accountId && x.name.toLowerCase() === String(name).toLowerCase(),
        );
        if (!r || !inst.repositoryIds.includes(r.id))
          throw new GitHubError(
            422,
            "There is at least one repository that does not exist or is not accessible to the parent installation.",
          );
        ids.push(r.id);
      }
      for (const id of b.repository_ids ?? []) {
        if (!inst.repositoryIds.includes(Number(id)))
          throw new GitHubError(
            422,
            "There is at least one repository that does not exist or is not accessible to the parent installation.",
          );
        ids.push(Number(id));
      }
    }
    const permissions = narrowPermissions(inst.permissions, b.permissions);
    const bot = req.core.store.state.accounts.find((a) => a.appId === app.id);
    const expiresAt = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const token = issueToken(req.core, {
      kind: "installation",
      login: bot?.login ?? `${app.slug}[bot]`,
      installationId: inst.id,
      permissions,
      repositoryIds:
        ids ?? (inst.repositorySelection === "all" ? undefined : [...inst.repositoryIds]),
      expiresAt,
    });
    const repos = ids
      ? ids.map((id) => renderRepo(req.core, req.core.store.repoById(id)))
      : undefined;
    return ok(
      {
        token: token.token,
        expires_at: expiresAt,
        permissions,
        repository_selection: ids ? "selected" : inst.repositorySelection,
        ...(repos ? { repositories: repos } : {}),
      },
      201,
    );
  },
  "apps/list-repos-accessible-to-installation": (req) => {
    const t = req.access.token;
    if (t.kind !== "installation")
      throw new GitHubError(403, "This endpoint requires an installation token.");
    const inst = req.core.store.state.installations.find((i) => i.id === t.installationId);
    const ids = t.repositoryIds ?? inst?.repositoryIds ?? [];
    const repos = ids.map((id) => req.core.store.repoById(id));
    const { page, headers } = paginate(req, repos);
    return {
      status: 200,
      body: { total_count: repos.length, repositories: page.map((r) => renderRepo(req.core, r)) },
      headers,
    };
  },
  "apps/get-webhook-config-for-app": (req) => {
    const app = appOf(req);
    return ok({
      url: app.webhookUrl ?? "",
      content_type: "json",
      insecure_ssl: "0",
      secret: "********",
    });
  },
  "apps/update-webhook-config-for-app": (req) => {
    const app = appOf(req);
    if (req.body.url !== undefined) app.webhookUrl = req.body.url || null;
    if (req.body.secret !== undefined) app.webhookSecret = String(req.body.secret);
    req.core.store.changed();
    return ok({
      url: app.webhookUrl ?? "",
      content_type: "json",
      insecure_ssl: "0",
      secret: "********",
    });
  },
  "apps/list-webhook-deliveries": (req) => {
    const app = appOf(req);
    if (req.query.cursor !== undefined)
      throw new GitHubError(
        501,
        "The HavunCore sandbox pages webhook deliveries with the page links it sends, not cursor.",
      );
    // `status`: "success" is a status_code of 200–399, "failure" one of 400–599 (GitHub's rule).
    const inRange = (code: number) =>
      req.query.status === "success"
        ? code >= 200 && code <= 399
        : req.query.status === "failure"
          ? code >= 400 && code <= 599
          : true;
    const all = req.core.store.state.deliveries
      .filter((d) => d.appId === app.id && inRange(d.statusCode))
      .reverse();
    const { page, headers } = paginate(req, all);
    return { status: 200, body: page.map(renderDelivery), headers };
  },
  "apps/get-webhook-delivery": (req) => {
    const app = appOf(req);
    const d = req.core.store.state.deliveries.find(
      (x) => x.id === Number(req.params.delivery_id) && x.appId === app.id,
    );
    if (!d) throw notFound();
    return ok({
      ...renderDelivery(d),
      url: d.url,
      request: {
        headers: { "X-GitHub-Event": d.event, "X-GitHub-Delivery": d.guid },
        payload: d.payload,
      },
      response: { headers: {}, payload: null },
    });
  },
  "apps/redeliver-webhook-delivery": async (req) => {
    const app = appOf(req);
    const d = req.core.store.state.deliveries.find(
      (x) => x.id === Number(req.params.delivery_id) && x.appId === app.id,
    );
    if (!d || !req.core.webhooks) throw notFound();
    await req.core.webhooks.redeliver(d.id);
    return ok({}, 202);
  },
};
