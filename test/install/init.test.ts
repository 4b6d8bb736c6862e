import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALLER_COMMIT, HARDENING_COMMIT } from "../../app/install/install-pr-body.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import type { AppRecord } from "../../sandbox/state/types.ts";
import { client, havun, seedOrg } from "./install-world.ts";

let sb: Sandbox;
let app: AppRecord;
beforeAll(async () => {
  sb = await startSandbox({ actions: false, secondaryRateLimit: 0 });
  app = await seedOrg(sb, "acme", { installed: ["hub", "api"] });
  await seedOrg(sb, "tight", { slug: "havuncore-tight" });
});
afterAll(() => sb.stop());

const text = async (repo: string, path: string, ref?: string) => {
  const r = await client(sb, "wendy").repos.getContent({
    owner: repo.split("/")[0]!,
    repo: repo.split("/")[1]!,
    path,
    ...(ref ? { ref } : {}),
  });
  return Buffer.from((r.data as { content: string }).content, "base64").toString("utf8");
};
/** The default branch's head: unchanged means nothing was committed. */
const head = async (repo: string) =>
  (
    await client(sb, "wendy").repos.getBranch({
      owner: repo.split("/")[0]!,
      repo: repo.split("/")[1]!,
      branch: "main",
    })
  ).data.commit.sha;
/** The messages of a pull request's commits, oldest first (walking the head's first parents to the base). */
const pullCommits = async (repo: string, number: number) => {
  const [owner, name] = repo.split("/") as [string, string];
  const gh = client(sb, "wendy");
  const pr = (await gh.pulls.get({ owner, repo: name, pull_number: number })).data;
  const messages: string[] = [];
  for (let sha = pr.head.sha; sha !== pr.base.sha;) {
    const c = (await gh.git.getCommit({ owner, repo: name, commit_sha: sha })).data;
    messages.unshift(c.message);
    sha = c.parents[0]!.sha;
  }
  return messages;
};
const pulls = async (repo: string) =>
  (
    await client(sb, "wendy").pulls.list({
      owner: repo.split("/")[0]!,
      repo: repo.split("/")[1]!,
      state: "all",
    })
  ).data;

describe("havun init on fresh repositories", () => {
  it("writes the hub config, opens one pull request per project, and prints what only the person can do", async () => {
    const run = await havun(sb, "wendy", [
      "init",
      "--hub",
      "acme/hub",
      "--projects",
      "acme/api,acme/portal",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("hub config: wrote .github/havun.yml with 2 project(s)");
    expect(run.stdout).toMatch(
      /acme\/api: opened pull request #1 with the caller workflow and CI hardening of \.github\/workflows\/ci\.yml/,
    );
    expect(run.stdout).toMatch(/acme\/portal: opened pull request #1 with the caller workflow \(/);

    const config = parse(await text("acme/hub", ".github/havun.yml"));
    expect(config.projects).toEqual([
      { repo: "acme/api", description: "Payments API" },
      { repo: "acme/portal", description: "Customer portal" },
    ]);

    // acme/api: the caller, then the hardening, as two commits of one pull request.
    const gh = client(sb, "wendy");
    const [pr] = (await gh.pulls.list({ owner: "acme", repo: "api" })).data;
    expect(pr?.head.ref).toBe("havun/install");
    expect(await pullCommits("acme/api", pr!.number)).toEqual([CALLER_COMMIT, HARDENING_COMMIT]);
    const caller = await text("acme/api", ".github/workflows/havun-agent.yml", "havun/install");
    expect(caller).toContain("uses: havun/havuncore/.github/workflows/agent.yml@v1");
    expect(caller).toContain("uses: havun/havuncore/.github/workflows/publish.yml@v1");
    expect(caller.match(/hub: acme\/hub/g)).toHaveLength(2);
    const ci = parse(await text("acme/api", ".github/workflows/ci.yml", "havun/install"));
    expect(ci.permissions).toEqual({ contents: "read" });
    expect(ci.jobs.test.steps[0].with).toEqual({ "persist-credentials": false });
    expect(pr?.body).toContain("`.github/workflows/ci.yml` runs on `pull_request`");
    expect(pr?.body).toContain(
      "`persist-credentials: false` on `actions/checkout` (job `test`, step 1)",
    );
    // acme/portal's CI already was hardened: one commit, no hardening section.
    const [portalPr] = (await gh.pulls.list({ owner: "acme", repo: "portal" })).data;
    expect(await pullCommits("acme/portal", portalPr!.number)).toEqual([CALLER_COMMIT]);
    expect(portalPr?.body).not.toContain(HARDENING_COMMIT);

    // The checklist: each step with its exact link or command.
    const host = new URL(sb.serverUrl).host;
    expect(run.stdout).toContain(`${sb.serverUrl}/apps/havuncore/installations/new`);
    expect(run.stdout).toContain(`GH_HOST=${host} gh secret set ANTHROPIC_API_KEY --repo acme/api`);
    expect(run.stdout).toContain(
      `GH_HOST=${host} gh variable set HAVUN_APP_URL --repo acme/portal --body https://YOUR-APP-HOST`,
    );
    expect(run.stdout).toContain("havun vault keygen --repo acme/api --set-secret");
    expect(run.stdout).toContain(
      `GH_HOST=${host} gh api -X POST repos/acme/api/rulesets --input havun-gate-ruleset.json`,
    );
    expect(run.stdout).toContain(`"integration_id": ${app.id}`);
    expect(run.stdout).toContain("havun doctor --hub acme/hub");
  });

  it("run again, it changes nothing and says so", async () => {
    const before = {
      hub: await head("acme/hub"),
      api: await pulls("acme/api"),
      portal: await pulls("acme/portal"),
    };
    const run = await havun(sb, "wendy", [
      "init",
      "--hub",
      "acme/hub",
      "--projects",
      "acme/api,acme/portal",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("hub config: up to date");
    expect(run.stdout).toMatch(/acme\/api: pull request #1 already open/);
    expect(run.stdout).toMatch(/acme\/portal: pull request #1 already open/);
    expect(await head("acme/hub")).toBe(before.hub);
    expect(await pulls("acme/api")).toEqual(before.api);
    expect(await pulls("acme/portal")).toEqual(before.portal);
    // Once merged: "caller workflow present", and still nothing to write.
    const gh = client(sb, "wendy");
    for (const repo of ["api", "portal"])
      await gh.pulls.merge({ owner: "acme", repo, pull_number: 1 });
    const merged = await havun(sb, "wendy", [
      "init",
      "--hub",
      "acme/hub",
      "--projects",
      "acme/api,acme/portal",
    ]);
    expect(merged.stdout).toContain("acme/api: caller workflow present; CI hardened");
    expect(merged.stdout).toContain("acme/portal: caller workflow present; CI hardened");
    expect((await pulls("acme/api")).length).toBe(1);
  });

  it("adds a missing project to an existing config, keeping the rest byte for byte", async () => {
    const gh = client(sb, "wendy");
    await gh.repos.createInOrg({ org: "acme", name: "web", description: "" });
    await gh.repos.createOrUpdateFileContents({
      owner: "acme",
      repo: "web",
      path: "README.md",
      message: "init",
      content: Buffer.from("# web\n").toString("base64"),
    });
    const before = await text("acme/hub", ".github/havun.yml");
    const run = await havun(sb, "wendy", [
      "init",
      "--hub",
      "acme/hub",
      "--projects",
      "acme/api,acme/web",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("hub config: added acme/web to .github/havun.yml");
    expect(run.stdout).toContain("note: acme/web has no description on GitHub");
    const after = await text("acme/hub", ".github/havun.yml");
    expect(after.startsWith(before)).toBe(true);
    expect(parse(after).projects.map((p: { repo: string }) => p.repo)).toEqual([
      "acme/api",
      "acme/portal",
      "acme/web",
    ]);
  });

  it("a token that cannot write is refused before anything is written, naming each repository and permission", async () => {
    const before = {
      hub: await head("tight/hub"),
      api: await pulls("tight/api"),
      portal: await pulls("tight/portal"),
    };
    const run = await havun(sb, "rita", [
      "init",
      "--hub",
      "tight/hub",
      "--projects",
      "tight/api,tight/portal",
      "--app-slug",
      "havuncore-tight",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("nothing was written");
    expect(run.stderr).toMatch(
      /tight\/hub: the token cannot write to it \(it needs contents: write; rita has read access\)/,
    );
    expect(run.stderr).toMatch(
      /tight\/api: the token cannot write to it \(it needs contents and pull requests: write/,
    );
    expect(run.stderr).toMatch(/tight\/portal: the token cannot write/);
    expect(await head("tight/hub")).toBe(before.hub);
    expect(await pulls("tight/api")).toEqual(before.api);
    expect(await pulls("tight/portal")).toEqual(before.portal);
  });

  it("without a terminal it never asks: it names the flag to pass", async () => {
    const run = await havun(sb, "wendy", ["init", "--projects", "acme/api"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing --hub OWNER/HUB");
    const bad = await havun(sb, "wendy", [
      "init",
      "--hub",
      "acme/hub",
      "--projects",
      "acme/api",
      "--havuncore",
      "main",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("OWNER/NAME@REF");
    // Only patterns trusted by the App, none naming a major tag: init needs the release to pin.
    const pinned = await havun(
      sb,
      "wendy",
      ["init", "--hub", "acme/hub", "--projects", "acme/api"],
      {
        HAVUN_TRUSTED_WORKFLOWS: "acme/havuncore@refs/tags/release-*",
      },
    );
    expect(pinned.code).toBe(2);
    expect(pinned.stderr).toContain("pass --havuncore acme/havuncore@TAG");
  });
});
