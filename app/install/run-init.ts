import { HUB_CONFIG_PATH } from "../config/parse-hub-config.ts";
import { splitRepo } from "../gateway/client.ts";
import type { RestClient } from "../gateway/rest-client.ts";
import { CALLER_PATH, type HavunCoreRef } from "./caller-workflow.ts";
import { checklist } from "./checklist.ts";
import { readInstallFacts } from "./doctor-install.ts";
import { InitError, readInitState } from "./init-read.ts";
import { planInit, type InitPlan, type ProjectPlan } from "./init-plan.ts";
import { CALLER_COMMIT, HARDENING_COMMIT, installPullBody } from "./install-pr-body.ts";
import { openInstallPull, type PullCommit } from "./install-pr.ts";
import { orNull } from "./repo-read.ts";
import { accessProblems } from "./token-access.ts";

export interface InitOptions {
  apiUrl: string;
  hub: string;
  projects: string[];
  havuncore: HavunCoreRef;
  slug: string;
  appId: number | null;
  appUrl: string | null;
}

export interface InitReport {
  lines: string[];
  notes: string[];
  checklist: string[];
}

async function writeHub(gh: RestClient, hub: string, plan: InitPlan["hub"]): Promise<string> {
  if (plan.kind === "up-to-date") return "hub config: up to date";
  await gh.rest.repos.createOrUpdateFileContents({
    ...splitRepo(hub),
    path: HUB_CONFIG_PATH,
    message: plan.sha
      ? `HavunCore: add ${plan.added.join(", ")} to ${HUB_CONFIG_PATH}`
      : `HavunCore: add ${HUB_CONFIG_PATH}`,
    content: Buffer.from(plan.text).toString("base64"),
    ...(plan.sha ? { sha: plan.sha } : {}),
  });
  return plan.sha
    ? `hub config: added ${plan.added.join(", ")} to ${HUB_CONFIG_PATH}`
    : `hub config: wrote ${HUB_CONFIG_PATH} with ${plan.added.length} project(s)`;
}

async function writeProject(
  gh: RestClient,
  plan: ProjectPlan,
  o: InitOptions,
  pulls: { repo: string; number: number; url: string }[],
): Promise<string> {
  if (plan.kind === "nothing") return `${plan.repo}: ${plan.notes.join("; ")}`;
  if (plan.kind === "pull-open") {
    pulls.push({ repo: plan.repo, number: plan.number, url: plan.url });
    return `${plan.repo}: pull request #${plan.number} already open (${plan.url})`;
  }
  const commits: PullCommit[] = [];
  if (plan.caller)
    commits.push({ message: CALLER_COMMIT, files: [{ path: CALLER_PATH, text: plan.caller }] });
  if (plan.hardened.length)
    commits.push({
      message: HARDENING_COMMIT,
      files: plan.hardened.map((h) => ({ path: h.path, text: h.text })),
    });
  const pr = await openInstallPull(gh, {
    repo: plan.repo,
    base: plan.base,
    branchExists: plan.branchExists,
    commits,
    title: plan.caller
      ? "Connect to HavunCore: the agent workflow"
      : "Harden CI for HavunCore's agents",
    body: installPullBody({
      repo: plan.repo,
      hub: o.hub,
      havuncore: o.havuncore,
      caller: plan.caller !== null,
      hardened: plan.hardened,
    }),
  });
  pulls.push({ repo: plan.repo, ...pr });
  const what = [
    ...(plan.caller ? ["the caller workflow"] : []),
    ...(plan.hardened.length
      ? [`CI hardening of ${plan.hardened.map((h) => h.path).join(", ")}`]
      : []),
  ];
  return `${plan.repo}: opened pull request #${pr.number} with ${what.join(" and ")} (${pr.url})`;
}

/**
 * `havun init`: reads the hub and the projects, decides, checks that the token may make every
 * write it plans (or stops with each missing permission before writing anything), then writes
 * the hub config and opens the pull requests. Run again, it changes nothing that is right.
 */
export async function runInit(gh: RestClient, o: InitOptions): Promise<InitReport> {
  const { seen, login, scopes } = await readInitState(gh, o);
  const plan = planInit(seen);
  const problems = [...plan.problems, ...accessProblems(login, plan.writes, scopes)];
  if (problems.length)
    throw new InitError(`nothing was written:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  const lines = [await writeHub(gh, seen.hub.repo, plan.hub)];
  const pulls: { repo: string; number: number; url: string }[] = [];
  for (const p of plan.projects) lines.push(await writeProject(gh, p, o, pulls));
  const appId =
    o.appId ??
    (await orNull(() => gh.rest.apps.getBySlug({ app_slug: o.slug }), [401, 403]))?.data?.id ??
    null;
  const repos = [seen.hub, ...seen.projects];
  const install = await readInstallFacts({ person: gh, jwt: null, slug: o.slug, repos });
  return {
    lines,
    notes: plan.notes,
    checklist: checklist({
      install: {
        missing: install.repos.filter((r) => r.state === "missing").map((r) => r.repo),
        unknown: install.repos.filter((r) => r.state === "unknown").map((r) => r.repo),
      },
      apiUrl: o.apiUrl,
      hub: seen.hub.repo,
      projects: seen.projects.map((p) => p.repo),
      slug: o.slug,
      appId,
      appUrl: o.appUrl,
      pulls,
    }),
  };
}
