import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import type { Sandbox } from "../../sandbox/index.ts";
import { acmeSandbox, octokitFor, quiet } from "./fixtures.ts";

/**
 * A world for merge rules: org `acme` (admin alice; bob writes to acme/api), the HavunCore App
 * and a second App (`lookalike`) that can also write check runs, and helpers to open a pull
 * request and report a check on its head as either App.
 */
export async function rulesSandbox(): Promise<Sandbox> {
  return acmeSandbox({
    actions: false,
    seed: {
      apps: [
        {
          slug: "havuncore",
          owner: "acme",
          manifest: "app.yml",
          installations: [{ account: "acme" }],
        },
        {
          slug: "lookalike",
          owner: "acme",
          manifest: { default_permissions: { checks: "write" } },
          installations: [{ account: "acme" }],
        },
      ],
    },
  });
}

export async function installationClient(sb: Sandbox, slug: string): Promise<Octokit> {
  const { app, installations } = sb.seeded.apps[slug]!;
  return new Octokit({
    baseUrl: sb.apiUrl,
    authStrategy: createAppAuth,
    auth: { appId: app.id, privateKey: app.privateKeyPem, installationId: installations[0]!.id },
    request: { retries: 0 },
    log: quiet,
  });
}

let branches = 0;

/** A pull request on acme/api from a new branch with one changed file; returns its number and head. */
export async function openPull(
  sb: Sandbox,
  by = "alice",
): Promise<{ number: number; sha: string }> {
  const gh = octokitFor(sb, sb.token(by));
  const branch = `feature-${++branches}`;
  const main = await gh.git.getRef({ owner: "acme", repo: "api", ref: "heads/main" });
  await gh.git.createRef({
    owner: "acme",
    repo: "api",
    ref: `refs/heads/${branch}`,
    sha: main.data.object.sha,
  });
  const put = await gh.repos.createOrUpdateFileContents({
    owner: "acme",
    repo: "api",
    path: `src/${branch}.js`,
    message: `Add ${branch}`,
    content: Buffer.from(`export const x = ${branches};\n`).toString("base64"),
    branch,
  });
  const pr = await gh.pulls.create({
    owner: "acme",
    repo: "api",
    head: branch,
    base: "main",
    title: branch,
  });
  return { number: pr.data.number, sha: put.data.commit.sha! };
}

/** Reports `name` on a commit of acme/api as the App `slug` (completed with `conclusion`, or in progress). */
export async function reportCheck(
  sb: Sandbox,
  slug: string,
  sha: string,
  name: string,
  conclusion: "success" | "failure" | "neutral" | "skipped" | null,
): Promise<void> {
  const gh = await installationClient(sb, slug);
  await gh.checks.create({
    owner: "acme",
    repo: "api",
    name,
    head_sha: sha,
    ...(conclusion ? { status: "completed", conclusion } : { status: "in_progress" }),
  });
}

/** The status and message of merging a pull request of acme/api as `login`. */
export async function tryMerge(
  sb: Sandbox,
  number: number,
  login = "bob",
): Promise<{ status: number; message: string }> {
  const gh = octokitFor(sb, sb.token(login));
  try {
    await gh.pulls.merge({ owner: "acme", repo: "api", pull_number: number });
    return { status: 200, message: "merged" };
  } catch (err) {
    const e = err as { status: number; response?: { data?: { message?: string } } };
    return { status: e.status, message: e.response?.data?.message ?? "" };
  }
}
