import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { callerWorkflowText } from "../../app/install/caller-workflow.ts";
import { gateRuleset } from "../../app/install/gate-ruleset.ts";
import { createRepoKey } from "../../vault/keygen.ts";
import { sealIntoVault } from "../../vault/seal-into-vault.ts";
import type { Sandbox } from "../../sandbox/index.ts";
import { APP_MANIFEST } from "../../sandbox/default-seed.ts";
import { quiet } from "../sandbox/fixtures.ts";

const CLI = join(import.meta.dirname, "..", "..", "cli", "bin", "havun.js");

/** A project's CI as many start: tests on pull requests, GitHub's default token, a plain checkout. */
export const PLAIN_CI = `name: CI
on:
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`;

/** CI already as HavunCore recommends. */
export const HARDENED_CI = `name: CI
on: [pull_request]
permissions:
  contents: read
jobs:
  test:
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: npm test
`;

/**
 * Organization `org` as someone starts with HavunCore: a hub and projects `api` (plain CI) and
 * `portal` (hardened CI); wendy is an owner, rita a member (read access); the App `slug`
 * registered by the organization with `manifest` and installed on `installed`.
 */
export async function seedOrg(
  sb: Sandbox,
  org: string,
  o: {
    slug?: string;
    manifest?:
      | string
      | { default_permissions?: Record<string, "read" | "write">; default_events?: string[] };
    installed?: "all" | string[];
    /** Set up as init and the person's steps leave it: config, callers, secrets, variables, vault. */
    ready?: boolean;
  } = {},
) {
  const ready = o.ready
    ? {
        hub: {
          ".github/havun.yml": HUB_CONFIG(org),
          ...(await vaultFiles(`${org}/hub`, `${org}/api`)).files,
        },
        caller: {
          ".github/workflows/havun-agent.yml": callerWorkflowText(
            { repo: "havun/havuncore", ref: "main" },
            `${org}/hub`,
          ),
        },
        secrets: { ANTHROPIC_API_KEY: "sk-ant-test" },
        variables: { HAVUN_APP_URL: "https://havun.example" },
      }
    : null;
  const seeded = await sb.seed({
    users: [{ login: "wendy" }, { login: "rita" }],
    orgs: [{ login: org, members: { wendy: "admin", rita: "member" } }],
    repos: [
      {
        owner: org,
        name: "hub",
        description: "Orchestration hub",
        files: { "README.md": "# hub\n", ...ready?.hub },
      },
      {
        owner: org,
        name: "api",
        description: "Payments API",
        files: { "README.md": "# api\n", ".github/workflows/ci.yml": PLAIN_CI, ...ready?.caller },
        ...(ready
          ? {
              secrets: { ...ready.secrets, HAVUN_VAULT_KEY: "vault-key" },
              variables: ready.variables,
            }
          : {}),
      },
      {
        owner: org,
        name: "portal",
        description: "Customer portal",
        files: {
          "README.md": "# portal\n",
          ".github/workflows/ci.yml": HARDENED_CI,
          ...ready?.caller,
        },
        ...(ready ? { secrets: ready.secrets, variables: ready.variables } : {}),
      },
    ],
    apps: [
      {
        slug: o.slug ?? "havuncore",
        owner: org,
        manifest: o.manifest ?? APP_MANIFEST,
        installations: [{ account: org, repositories: o.installed ?? "all" }],
      },
    ],
  });
  const app = seeded.apps[o.slug ?? "havuncore"]!.app;
  if (ready)
    for (const repo of ["api", "portal"])
      await client(sb, "wendy").request("POST /repos/{owner}/{repo}/rulesets", {
        owner: org,
        repo,
        ...gateRuleset(app.id),
      });
  return app;
}

export const HUB_CONFIG = (org: string) => `version: 1
projects:
  - repo: ${org}/api
    description: Payments API
  - repo: ${org}/portal
    description: Customer portal
`;

/** A vault with one secret sealed for \`repo\`, as the hub's \`vault/\` files. */
export async function vaultFiles(
  hub: string,
  repo: string,
): Promise<{ files: Record<string, string>; privateKey: string }> {
  const dir = await mkdtemp(join(tmpdir(), "havun-vault-"));
  try {
    const { privateKey } = await createRepoKey(dir, repo);
    await sealIntoVault({
      dir,
      hub,
      repo,
      name: "PAYMENT_API_KEY",
      value: Buffer.from("s3cret"),
      expires: null,
    });
    const files: Record<string, string> = {};
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else files[`vault/${p.slice(dir.length + 1)}`] = await readFile(p, "utf8");
      }
    };
    await walk(dir);
    return { files, privateKey };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function client(sb: Sandbox, login: string): Octokit {
  return new Octokit({
    auth: sb.token(login),
    baseUrl: sb.apiUrl,
    log: quiet,
    request: { retries: 0 },
  });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `havun …` as its own process against the sandbox, as `login`, in an empty directory. */
export async function havun(
  sb: Sandbox,
  login: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const cwd = await mkdtemp(join(tmpdir(), "havun-install-"));
  try {
    return await new Promise<CliRun>((resolve) => {
      execFile(
        process.execPath,
        [CLI, ...args],
        {
          cwd,
          env: {
            PATH: process.env.PATH ?? "",
            HOME: cwd,
            GITHUB_TOKEN: sb.token(login),
            GITHUB_API_URL: sb.apiUrl,
            ...env,
          },
        },
        (err, stdout, stderr) =>
          resolve({
            code: err ? Number((err as { code?: unknown }).code ?? 1) : 0,
            stdout,
            stderr,
          }),
      );
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
