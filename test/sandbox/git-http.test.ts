import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Sandbox } from "../../sandbox/index.ts";
import { acmeSandbox, octokitFor } from "./fixtures.ts";

const run = promisify(execFile);
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_TERMINAL_PROMPT: "0",
};
const git = (cwd: string, ...args: string[]) =>
  run("git", ["-c", "user.name=Alice", "-c", "user.email=alice@example.com", ...args], {
    cwd,
    env,
  }).then((r) => r.stdout.trim());

let sb: Sandbox;
let work: string;
beforeAll(async () => {
  sb = await acmeSandbox();
  work = await mkdtemp(join(tmpdir(), "havun-git-test-"));
});
afterAll(async () => {
  await sb.stop();
  await rm(work, { recursive: true, force: true });
});

function remote(token: string, repo = "api"): string {
  return `${sb.serverUrl.replace("http://", `http://x-access-token:${token}@`)}/acme/${repo}.git`;
}

describe("git over HTTP", () => {
  it("clones, commits and pushes; the API sees the new head and a push event", async () => {
    const events: string[] = [];
    sb.core.store.events.on("event", (e) =>
      events.push(`${e.name}:${String(e.payload.ref ?? "")}`),
    );
    const dir = join(work, "clone");
    await git(work, "clone", remote(sb.token("alice")), dir);
    await writeFile(join(dir, "feature.txt"), "installments\n");
    await git(dir, "add", ".");
    await git(dir, "commit", "-m", "Add feature");
    await git(dir, "push", "origin", "HEAD:refs/heads/feature");
    const head = await git(dir, "rev-parse", "HEAD");
    const gh = octokitFor(sb, sb.token("alice"));
    const branch = await gh.repos.getBranch({ owner: "acme", repo: "api", branch: "feature" });
    expect(branch.data.commit.sha).toBe(head);
    const file = await gh.repos.getContent({
      owner: "acme",
      repo: "api",
      path: "feature.txt",
      ref: "feature",
    });
    expect(Buffer.from((file.data as { content: string }).content, "base64").toString()).toBe(
      "installments\n",
    );
    // Webhooks are delivered after the push returns, as on GitHub.
    await vi.waitFor(() => expect(events).toContain("push:refs/heads/feature"), { timeout: 5000 });
  });

  it("refuses a push from a read-only user and a clone with a bad token", async () => {
    const dir = join(work, "ro");
    await git(work, "clone", remote(sb.token("bob"), "portal"), dir);
    await writeFile(join(dir, "x.txt"), "x\n");
    await git(dir, "add", ".");
    await git(dir, "commit", "-m", "x");
    await expect(git(dir, "push", "origin", "HEAD:main")).rejects.toThrow(/403|denied/);
    await expect(git(work, "clone", remote("ghp_wrong"), join(work, "bad"))).rejects.toThrow(
      /Authentication failed|401/,
    );
  });

  it("opens a pull request and merges it with a real merge commit; 405 when not mergeable", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const pr = await gh.pulls.create({
      owner: "acme",
      repo: "api",
      title: "Feature",
      head: "feature",
      base: "main",
      body: "Adds the feature",
    });
    expect(pr.data.mergeable).toBe(true);
    expect(pr.data.changed_files).toBe(1);
    const files = await gh.pulls.listFiles({
      owner: "acme",
      repo: "api",
      pull_number: pr.data.number,
    });
    expect(files.data.map((f) => [f.filename, f.status, f.additions])).toEqual([
      ["feature.txt", "added", 1],
    ]);
    const merged = await gh.pulls.merge({
      owner: "acme",
      repo: "api",
      pull_number: pr.data.number,
      merge_method: "merge",
    });
    expect(merged.data.merged).toBe(true);
    const commit = await gh.git.getCommit({
      owner: "acme",
      repo: "api",
      commit_sha: merged.data.sha,
    });
    expect(commit.data.parents).toHaveLength(2);
    const main = await gh.repos.getBranch({ owner: "acme", repo: "api", branch: "main" });
    expect(main.data.commit.sha).toBe(merged.data.sha);
    const after = await gh.pulls.get({ owner: "acme", repo: "api", pull_number: pr.data.number });
    expect(after.data.merged).toBe(true);
    expect(after.data.state).toBe("closed");
    await expect(
      gh.pulls.merge({ owner: "acme", repo: "api", pull_number: pr.data.number }),
    ).rejects.toMatchObject({ status: 405 });

    // Two branches editing the same line: the second cannot merge.
    for (const [branch, text] of [
      ["left", "left\n"],
      ["right", "right\n"],
    ] as const) {
      const base = await gh.repos.getBranch({ owner: "acme", repo: "api", branch: "main" });
      await gh.git.createRef({
        owner: "acme",
        repo: "api",
        ref: `refs/heads/${branch}`,
        sha: base.data.commit.sha,
      });
    }
    for (const [branch, text] of [
      ["left", "left\n"],
      ["right", "right\n"],
    ] as const) {
      const cur = await gh.repos.getContent({
        owner: "acme",
        repo: "api",
        path: "README.md",
        ref: branch,
      });
      await gh.repos.createOrUpdateFileContents({
        owner: "acme",
        repo: "api",
        path: "README.md",
        branch,
        message: branch,
        content: Buffer.from(text).toString("base64"),
        sha: (cur.data as { sha: string }).sha,
      });
    }
    const left = await gh.pulls.create({
      owner: "acme",
      repo: "api",
      title: "L",
      head: "left",
      base: "main",
    });
    const right = await gh.pulls.create({
      owner: "acme",
      repo: "api",
      title: "R",
      head: "right",
      base: "main",
    });
    await gh.pulls.merge({
      owner: "acme",
      repo: "api",
      pull_number: left.data.number,
      merge_method: "squash",
    });
    const conflicted = await gh.pulls.get({
      owner: "acme",
      repo: "api",
      pull_number: right.data.number,
    });
    expect(conflicted.data.mergeable).toBe(false);
    await expect(
      gh.pulls.merge({ owner: "acme", repo: "api", pull_number: right.data.number }),
    ).rejects.toMatchObject({ status: 405 });
  });

  it("closes the issues a merged pull request names with a closing keyword", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const issue = await gh.issues.create({ owner: "acme", repo: "portal", title: "task" });
    const base = await gh.repos.getBranch({ owner: "acme", repo: "api", branch: "main" });
    await gh.git.createRef({
      owner: "acme",
      repo: "api",
      ref: "refs/heads/closer",
      sha: base.data.commit.sha,
    });
    await gh.repos.createOrUpdateFileContents({
      owner: "acme",
      repo: "api",
      path: "c.txt",
      branch: "closer",
      message: "c",
      content: Buffer.from("c").toString("base64"),
    });
    const pr = await gh.pulls.create({
      owner: "acme",
      repo: "api",
      title: "C",
      head: "closer",
      base: "main",
      body: `Closes acme/portal#${issue.data.number}`,
    });
    await gh.pulls.merge({
      owner: "acme",
      repo: "api",
      pull_number: pr.data.number,
      merge_method: "rebase",
    });
    const closed = await gh.issues.get({
      owner: "acme",
      repo: "portal",
      issue_number: issue.data.number,
    });
    expect(closed.data.state).toBe("closed");
    expect(closed.data.state_reason).toBe("completed");
  });
});
