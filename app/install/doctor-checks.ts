import type { TrustedWorkflows } from "../api/trusted-workflows.ts";
import { HUB_CONFIG_PATH } from "../config/parse-hub-config.ts";
import { compareNeeds, type AppNeeds } from "./app-manifest.ts";
import { fail, ok, skip, type DoctorCheck } from "./doctor-check.ts";
import type { DoctorFacts } from "./doctor-read.ts";
import { projectChecks } from "./doctor-project-checks.ts";
import { appSettingsUrl, installUrl } from "./github-web.ts";

export interface DoctorContext {
  apiUrl: string;
  slug: string;
  needs: AppNeeds;
  trusted: TrustedWorkflows | null;
}

function configCheck(f: DoctorFacts): DoctorCheck {
  if (f.config.state === "missing")
    return fail(
      "hub-config",
      f.hub,
      `no ${HUB_CONFIG_PATH} in ${f.hub}`,
      `havun init --hub ${f.hub} --projects OWNER/A,OWNER/B`,
    );
  if (f.config.state === "invalid")
    return fail(
      "hub-config",
      f.hub,
      `${HUB_CONFIG_PATH} or its agent files have ${f.config.errors.length} problem(s)`,
      `edit ${f.hub}'s ${f.config.errors[0]!.file ?? HUB_CONFIG_PATH}: ${f.config.errors[0]!.fix}${f.config.errors.length > 1 ? " (and the others above)" : ""}`,
      f.config.errors.map(
        (e) =>
          `${e.file ? `${e.file} ` : ""}${e.path || "(file)"}${e.line ? ` (line ${e.line})` : ""}: ${e.message} — ${e.fix}`,
      ),
    );
  return ok(
    "hub-config",
    f.hub,
    `${HUB_CONFIG_PATH} is valid (${f.config.projects.length} project(s))`,
  );
}

function appChecks(f: DoctorFacts, c: DoctorContext): DoctorCheck[] {
  const app = f.install.app;
  const slug = app?.slug || c.slug;
  const subject = `App ${slug}`;
  if (!app)
    return [
      skip(
        "app-registration",
        subject,
        `cannot read the App's registration: ${f.install.appWhy}`,
        "pass --app-slug, or --app-id and --private-key-path",
      ),
    ];
  const settings = `${appSettingsUrl(c.apiUrl, slug, app.ownerIsOrg ? app.owner : null)}/permissions`;
  const checks: DoctorCheck[] = [];
  const reg = compareNeeds(c.needs, app);
  checks.push(
    reg.missing.length + reg.extra.length === 0
      ? ok("app-registration", subject, "the App's permissions and events are app.yml's")
      : fail(
          "app-registration",
          subject,
          "the App's permissions and events differ from app.yml",
          `set them to app.yml's at ${settings}`,
          [...reg.missing.map((m) => `missing: ${m}`), ...reg.extra.map((m) => `not needed: ${m}`)],
        ),
  );
  for (const inst of f.install.installations) {
    const d = compareNeeds(c.needs, inst);
    checks.push(
      d.missing.length + d.extra.length === 0
        ? ok(
            "installation-permissions",
            `installation on ${inst.account}`,
            `the installation on ${inst.account} grants exactly app.yml's permissions and events`,
          )
        : fail(
            "installation-permissions",
            `installation on ${inst.account}`,
            `the installation on ${inst.account} does not grant what app.yml asks`,
            reg.missing.length
              ? `first fix the App's registration (${settings}), then accept the new permissions at ${inst.htmlUrl}`
              : `accept the App's current permissions at ${inst.htmlUrl}`,
            [...d.missing.map((m) => `missing: ${m}`), ...d.extra.map((m) => `not needed: ${m}`)],
          ),
    );
  }
  for (const r of f.install.repos) {
    if (r.state === "installed")
      checks.push(ok("app-installed", r.repo, `the App is installed on ${r.repo}`));
    else if (r.state === "missing")
      checks.push(
        fail(
          "app-installed",
          r.repo,
          `the App is not installed on ${r.repo}`,
          `install it there: ${installUrl(c.apiUrl, slug)}`,
        ),
      );
    else
      checks.push(
        skip(
          "app-installed",
          r.repo,
          `cannot tell whether the App is installed on ${r.repo}`,
          r.why,
        ),
      );
  }
  return checks;
}

function webhookCheck(f: DoctorFacts, c: DoctorContext): DoctorCheck {
  const slug = f.install.app?.slug || c.slug;
  const subject = `App ${slug}`;
  const w = f.webhooks;
  if (w.state === "skipped")
    return skip("webhook-deliveries", subject, "recent webhook deliveries not checked", w.why);
  const org = f.install.app?.ownerIsOrg ? f.install.app.owner : null;
  const advanced = `${appSettingsUrl(c.apiUrl, slug, org)}/advanced`;
  if (!w.url)
    return fail(
      "webhook-deliveries",
      subject,
      "the App has no webhook URL: GitHub sends it no events",
      `set it to https://YOUR-APP-HOST/api/github/webhooks at ${appSettingsUrl(c.apiUrl, slug, org)}`,
    );
  // A redelivery shares its GUID with the first attempt: the latest attempt of each counts.
  const latest = new Map<string, (typeof w.deliveries)[number]>();
  for (const d of w.deliveries) if ((latest.get(d.guid)?.id ?? -1) < d.id) latest.set(d.guid, d);
  const failed = [...latest.values()].filter((d) => d.statusCode === 0 || d.statusCode >= 400);
  if (failed.length === 0)
    return ok(
      "webhook-deliveries",
      subject,
      `the last ${latest.size} webhook deliveries to ${w.url} succeeded`,
    );
  const last = failed.sort((a, b) => b.id - a.id)[0]!;
  return fail(
    "webhook-deliveries",
    subject,
    `${failed.length} of the last ${latest.size} webhook deliveries failed`,
    `make ${w.url} reachable (check the App server's log), then redeliver them at ${advanced}`,
    [
      `latest: ${last.event}${last.action ? `.${last.action}` : ""} at ${last.deliveredAt}: ${last.status}`,
    ],
  );
}

/** Every check of an installation, from the facts read (pure). */
export function doctorChecks(f: DoctorFacts, c: DoctorContext): DoctorCheck[] {
  if (!f.hubFound)
    return [
      fail(
        "hub",
        f.hub,
        `${f.hub} not found, or not visible to this token`,
        "check --hub, or use a token that can see it",
      ),
    ];
  const appId = f.install.app?.id ?? null;
  const checks = [configCheck(f), ...appChecks(f, c)];
  if (f.config.state !== "ok")
    checks.push(
      skip(
        "projects",
        f.hub,
        "the projects are not checked",
        `fix ${HUB_CONFIG_PATH} first: it lists them`,
      ),
    );
  for (const p of f.projects)
    checks.push(...projectChecks(p, { hub: f.hub, apiUrl: c.apiUrl, appId, trusted: c.trusted }));
  checks.push(webhookCheck(f, c));
  return checks;
}
