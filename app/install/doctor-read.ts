import type { ConfigError } from "../config/config-error.ts";
import { HUB_CONFIG_PATH, parseHubConfig } from "../config/parse-hub-config.ts";
import { splitRepo, type GitHubClient } from "../gateway/client.ts";
import { readHubConfigFiles } from "../gateway/hub-config-files.ts";
import type { RestClient } from "../gateway/rest-client.ts";
import { SEALED_SUFFIX, secretsPath } from "../../vault/layout.ts";
import { readInstallFacts, type InstallFacts } from "./doctor-install.ts";
import { INSTALL_BRANCH } from "./init-plan.ts";
import { listDir, orNull, readText, readWorkflows, statusOf } from "./repo-read.ts";

/** A list the token may not be allowed to read: the names, or why they could not be read. */
export type Readable = { names: string[] } | { why: string };

export interface ProjectFacts {
  repo: string;
  found: boolean;
  defaultBranch: string;
  workflows: { path: string; text: string }[];
  secrets: Readable;
  variables: Readable;
  /** Secrets sealed for this repository in the hub's vault/. */
  sealed: string[];
  /** Required checks of the active rules on the default branch. */
  rules: { context: string; integrationId: number | null }[];
  /** Required checks of the branch protection (empty: none), or why it could not be read. */
  protection: { context: string; appId: number | null }[] | { why: string };
  installPull: { number: number; url: string } | null;
}

export interface DeliveryFact {
  id: number;
  guid: string;
  event: string;
  action: string | null;
  statusCode: number;
  status: string;
  deliveredAt: string;
}

export interface DoctorFacts {
  hub: string;
  hubFound: boolean;
  config:
    | { state: "missing" }
    | { state: "invalid"; errors: ConfigError[] }
    | { state: "ok"; projects: string[] };
  projects: ProjectFacts[];
  install: InstallFacts;
  webhooks:
    | { state: "skipped"; why: string }
    | { state: "read"; url: string | null; deliveries: DeliveryFact[] };
}

async function names(read: () => Promise<string[]>, what: string): Promise<Readable> {
  try {
    return { names: await read() };
  } catch (err) {
    if (![403, 404].includes(statusOf(err))) throw err;
    return {
      why: `this token cannot list ${what} (GitHub answered ${statusOf(err)}; it needs admin on the repository)`,
    };
  }
}

async function projectFacts(gh: RestClient, hub: string, repo: string): Promise<ProjectFacts> {
  const { owner, repo: name } = splitRepo(repo);
  const r = await orNull(() => gh.rest.repos.get({ owner, repo: name }));
  const none = { names: [] };
  if (!r)
    return {
      repo,
      found: false,
      defaultBranch: "",
      workflows: [],
      secrets: none,
      variables: none,
      sealed: [],
      rules: [],
      protection: [],
      installPull: null,
    };
  const branch = r.data.default_branch;
  const secrets = await names(
    async () => [
      ...(
        await gh.paginate(gh.rest.actions.listRepoSecrets, { owner, repo: name, per_page: 100 })
      ).map((s) => s.name),
      ...(
        await gh.paginate(gh.rest.actions.listRepoOrganizationSecrets, {
          owner,
          repo: name,
          per_page: 100,
        })
      ).map((s) => s.name),
    ],
    "its Actions secrets",
  );
  const variables = await names(
    async () => [
      ...(
        await gh.rest.actions.listRepoVariables({ owner, repo: name, per_page: 30 })
      ).data.variables.map((v) => v.name),
      ...(
        await gh.rest.actions.listRepoOrganizationVariables({ owner, repo: name, per_page: 30 })
      ).data.variables.map((v) => v.name),
    ],
    "its Actions variables",
  );
  const sealed = (await listDir(gh, hub, `vault/${secretsPath(repo)}`))
    .filter((e) => e.name.endsWith(SEALED_SUFFIX))
    .map((e) => e.name.slice(0, -SEALED_SUFFIX.length));
  const rules = (
    await gh.paginate(gh.rest.repos.getBranchRules, { owner, repo: name, branch, per_page: 100 })
  ).flatMap((rule) =>
    rule.type === "required_status_checks"
      ? rule.parameters!.required_status_checks.map((c) => ({
          context: c.context,
          integrationId: c.integration_id ?? null,
        }))
      : [],
  );
  let protection: ProjectFacts["protection"];
  try {
    const p = await gh.rest.repos.getBranchProtection({ owner, repo: name, branch });
    protection = (p.data.required_status_checks?.checks ?? []).map((c) => ({
      context: c.context,
      appId: c.app_id,
    }));
  } catch (err) {
    const message = (err as { response?: { data?: { message?: string } } }).response?.data?.message;
    if (statusOf(err) === 404 && message === "Branch not protected") protection = [];
    else if ([403, 404].includes(statusOf(err)))
      protection = {
        why: "this token cannot read the branch protection (it needs admin on the repository)",
      };
    else throw err;
  }
  const pulls = await gh.rest.pulls.list({
    owner,
    repo: name,
    state: "open",
    head: `${owner}:${INSTALL_BRANCH}`,
  });
  return {
    repo: r.data.full_name,
    found: true,
    defaultBranch: branch,
    workflows: await readWorkflows(gh, repo, branch),
    secrets,
    variables,
    sealed,
    rules,
    protection,
    installPull: pulls.data[0]
      ? { number: pulls.data[0].number, url: pulls.data[0].html_url }
      : null,
  };
}

async function webhookFacts(jwt: RestClient | null): Promise<DoctorFacts["webhooks"]> {
  if (!jwt)
    return {
      state: "skipped",
      why: "the App's webhook deliveries are readable by the App only: pass --app-id and --private-key-path (or run where the App's .env is)",
    };
  const config = await jwt.rest.apps.getWebhookConfigForApp();
  const list = await jwt.rest.apps.listWebhookDeliveries({ per_page: 100 });
  return {
    state: "read",
    url: config.data.url || null,
    deliveries: list.data.map((d) => ({
      id: d.id,
      guid: d.guid,
      event: d.event,
      action: d.action,
      statusCode: d.status_code,
      status: d.status,
      deliveredAt: d.delivered_at,
    })),
  };
}

/** Everything doctor checks, read with the person's token (and the App's JWT where only it may). */
export async function readDoctorFacts(o: {
  gh: RestClient;
  jwt: RestClient | null;
  hub: string;
  slug: string;
}): Promise<DoctorFacts> {
  const hubRepo = await orNull(() => o.gh.rest.repos.get(splitRepo(o.hub)));
  const hub = hubRepo?.data.full_name ?? o.hub;
  const text = hubRepo ? await readText(o.gh, hub, HUB_CONFIG_PATH) : null;
  // The hub's agent files are validated with its config, as the App reads them.
  const files = text
    ? await orNull(() => readHubConfigFiles(o.gh as unknown as GitHubClient, hub), [403])
    : null;
  const parsed = text ? parseHubConfig(text.text, files?.agents ?? []) : null;
  const config: DoctorFacts["config"] = !parsed
    ? { state: "missing" }
    : parsed.ok
      ? { state: "ok", projects: parsed.config.projects.map((p) => p.repo) }
      : { state: "invalid", errors: parsed.errors };
  const projects: ProjectFacts[] = [];
  if (config.state === "ok")
    for (const p of config.projects) projects.push(await projectFacts(o.gh, hub, p));
  const ownerIsOrg = async (repo: string) =>
    (await orNull(() => o.gh.rest.repos.get(splitRepo(repo))))?.data.owner.type === "Organization";
  const repos = [];
  for (const repo of [hub, ...projects.filter((p) => p.found).map((p) => p.repo)])
    repos.push({ repo, ownerIsOrg: await ownerIsOrg(repo) });
  return {
    hub,
    hubFound: hubRepo !== null,
    config,
    projects,
    install: await readInstallFacts({
      person: o.gh,
      jwt: o.jwt,
      slug: o.slug,
      repos: hubRepo ? repos : [],
    }),
    webhooks: await webhookFacts(o.jwt),
  };
}
