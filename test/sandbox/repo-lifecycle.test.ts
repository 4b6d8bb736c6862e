import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  work = await mkdtemp(join(tmpdir(), "havun-repo-life-"));
});
afterAll(async () => {
  await sb.stop();
  await rm(work, { recursive: true, force: true });
});

/** A request that does not follow redirects: what GitHub itself answers. */
async function raw(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sb.apiUrl}${path}`, {
    method,
    redirect: "manual",
    headers: {
      authorization: `token ${sb.token("alice")}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return {
    status: res.status,
    location: res.headers.get("location"),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

const remote = (repo: string) =>
  `${sb.serverUrl.replace("http://", `http://x-access-token:${sb.token("alice")}@`)}/acme/${repo}.git`;

describe("a new repository", () => {
  it('has GitHub\'s 9 default labels ("About default labels"), each marked default', async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    await gh.repos.createInOrg({ org: "acme", name: "labelled", auto_init: true });
    const labels = await gh.issues.listLabelsForRepo({ owner: "acme", repo: "labelled" });
    expect(labels.data.map((l) => l.name)).toEqual([
      "bug",
      "documentation",
      "duplicate",
      "enhancement",
      "good first issue",
      "help wanted",
      "invalid",
      "question",
      "wontfix",
    ]);
    expect(labels.data.every((l) => l.default)).toBe(true);
    expect(labels.data[0]).toMatchObject({
      color: "d73a4a",
      description: "Something isn't working",
    });
  });
});

describe("renaming a repository (PATCH name)", () => {
  it("redirects the old name: 301 for GET, 307 for other methods, to /repositories/{id}; git keeps working", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const created = await gh.repos.createInOrg({ org: "acme", name: "old-name", auto_init: true });
    const id = created.data.id;
    const renamed = await gh.repos.update({ owner: "acme", repo: "old-name", name: "new-name" });
    expect(renamed.data.full_name).toBe("acme/new-name");
    expect(renamed.data.id).toBe(id);

    // "If a repository is renamed, … GET … 301 Moved Permanently" with the new location.
    const get = await raw("GET", "/repos/acme/old-name/issues?state=all");
    expect(get.status).toBe(301);
    expect(get.location).toBe(`${sb.apiUrl}/repositories/${id}/issues?state=all`);
    // "… a 307 Temporary Redirect … repeat the request verbatim" for other methods.
    const post = await raw("POST", "/repos/acme/old-name/issues", { title: "via old name" });
    expect(post.status).toBe(307);
    expect(post.location).toBe(`${sb.apiUrl}/repositories/${id}/issues`);

    // /repositories/{id} answers like /repos/{owner}/{repo}.
    const byId = await raw("GET", `/repositories/${id}`);
    expect(byId.status).toBe(200);
    expect(byId.body?.full_name).toBe("acme/new-name");
    // A client that follows redirects (Octokit on fetch) reaches the renamed repository.
    const issue = await gh.issues.create({ owner: "acme", repo: "old-name", title: "followed" });
    expect(issue.data.repository_url).toMatch(/\/repos\/acme\/new-name$/);

    // Git at the old address clones the renamed repository.
    const dir = join(work, "old-clone");
    await git(work, "clone", remote("old-name"), dir);
    expect(await git(dir, "log", "--format=%s", "-1")).toBe("Initial commit");
  });

  it("refuses a name already taken (422); a new repository with the old name ends the redirect", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    await gh.repos.createInOrg({ org: "acme", name: "first", auto_init: true });
    await gh.repos.update({ owner: "acme", repo: "first", name: "second" });
    const taken = await raw("PATCH", "/repos/acme/second", { name: "api" });
    expect(taken.status).toBe(422);
    await gh.repos.createInOrg({ org: "acme", name: "first" });
    const now = await raw("GET", "/repos/acme/first");
    expect(now.status).toBe(200);
    expect(now.body?.full_name).toBe("acme/first");
  });
});

describe("an archived repository", () => {
  it("is read-only (REST writes and pushes get 403) until unarchived", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    await gh.repos.createInOrg({ org: "acme", name: "attic", auto_init: true });
    const dir = join(work, "attic");
    await git(work, "clone", remote("attic"), dir);
    const archived = await gh.repos.update({ owner: "acme", repo: "attic", archived: true });
    expect(archived.data.archived).toBe(true);

    // Reads still work.
    expect((await raw("GET", "/repos/acme/attic/issues")).status).toBe(200);
    // "Repository was archived so is read-only."
    const issue = await raw("POST", "/repos/acme/attic/issues", { title: "no" });
    expect(issue).toMatchObject({
      status: 403,
      body: { message: "Repository was archived so is read-only." },
    });
    const edit = await raw("PATCH", "/repos/acme/attic", { description: "no" });
    expect(edit.status).toBe(403);
    await writeFile(join(dir, "late.txt"), "late\n");
    await git(dir, "add", ".");
    await git(dir, "commit", "-m", "late");
    await expect(git(dir, "push", "origin", "HEAD:refs/heads/late")).rejects.toThrow(
      /archived so it is read-only/,
    );

    await gh.repos.update({ owner: "acme", repo: "attic", archived: false });
    expect((await raw("POST", "/repos/acme/attic/issues", { title: "yes" })).status).toBe(201);
    await git(dir, "push", "origin", "HEAD:refs/heads/late");
  });
});
