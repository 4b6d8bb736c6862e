import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { githubClient } from "../../action/src/shared/github.ts";
import { publishTaskPull } from "../../action/src/publish/pull-request.ts";
import type { JobEnv } from "../../action/src/shared/job-env.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";

// The sandbox answers like GitHub: a second pull request for the same head and base is refused
// with 422 "A pull request already exists for owner:branch".
let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({
    secondaryRateLimit: 0,
    actions: false,
    seed: {
      users: [{ login: "alice" }],
      orgs: [{ login: "acme", members: { alice: "admin" } }],
      repos: [{ owner: "acme", name: "api", files: { "README.md": "# api\n" } }],
    },
  });
}, 60_000);
afterAll(() => sb?.stop());

const job = (): JobEnv => ({
  repo: { owner: "acme", name: "api", full: "acme/api" },
  apiUrl: sb.apiUrl,
  serverUrl: sb.serverUrl,
  runUrl: `${sb.serverUrl}/acme/api/actions/runs/1`,
  workspace: "",
  runnerTemp: "",
  issueNumber: 1,
  defaultBranch: "main",
  hub: "acme/hub",
  appUrl: null,
  audience: "",
  idToken: null,
});

async function branch(name: string): Promise<void> {
  const gh = githubClient(sb.token("alice"), sb.apiUrl);
  const main = await gh.rest.git.getRef({ owner: "acme", repo: "api", ref: "heads/main" });
  await gh.rest.git.createRef({
    owner: "acme",
    repo: "api",
    ref: `refs/heads/${name}`,
    sha: main.data.object.sha,
  });
  await gh.rest.repos.createOrUpdateFileContents({
    owner: "acme",
    repo: "api",
    path: `${name}.txt`,
    message: "work",
    content: Buffer.from(name).toString("base64"),
    branch: name,
  });
}

const routes = (from: number) => sb.log.entries.slice(from).map((e) => `${e.method} ${e.route}`);

describe("the publish job's pull request", () => {
  it("opens a first round's pull request without looking for one first", async () => {
    await branch("havun/first");
    const gh = githubClient(sb.token("alice"), sb.apiUrl);
    const seen: unknown[] = [];
    const from = sb.log.entries.length;
    const n = await publishTaskPull(gh, job(), {
      branch: "havun/first",
      title: "First",
      draft: false,
      firstRound: true,
      body: (open) => (seen.push(open), "first body"),
    });
    expect(seen).toEqual([null]);
    expect(routes(from)).toEqual(["POST /repos/{owner}/{repo}/pulls"]);
    const pr = await gh.rest.pulls.get({ owner: "acme", repo: "api", pull_number: n });
    expect(pr.data.body).toBe("first body");
  });

  it("finds and updates the open one when a re-run's create is refused", async () => {
    await branch("havun/again");
    const gh = githubClient(sb.token("alice"), sb.apiUrl);
    const o = { branch: "havun/again", title: "Again", draft: false, firstRound: true };
    const first = await publishTaskPull(gh, job(), { ...o, body: () => "run 1" });
    const seen: (string | null)[] = [];
    const second = await publishTaskPull(gh, job(), {
      ...o,
      body: (open) => (seen.push(open?.body ?? null), `run 2 after ${open?.body ?? "nothing"}`),
    });
    expect(second).toBe(first);
    expect(seen).toEqual([null, "run 1"]);
    const open = await gh.rest.pulls.list({ owner: "acme", repo: "api", head: "acme:havun/again" });
    expect(open.data.map((p) => [p.number, p.body])).toEqual([[first, "run 2 after run 1"]]);
  });

  it("looks up a fix round's open pull request and updates it", async () => {
    await branch("havun/fix");
    const gh = githubClient(sb.token("alice"), sb.apiUrl);
    const o = { branch: "havun/fix", title: "Fix", draft: false };
    const first = await publishTaskPull(gh, job(), { ...o, firstRound: true, body: () => "r0" });
    const from = sb.log.entries.length;
    const fix = await publishTaskPull(gh, job(), {
      ...o,
      firstRound: false,
      body: (open) => `r1 after ${open?.body}`,
    });
    expect(fix).toBe(first);
    expect(routes(from)).toEqual([
      "GET /repos/{owner}/{repo}/pulls",
      "PATCH /repos/{owner}/{repo}/pulls/{pull_number}",
    ]);
  });

  it("passes on a refusal that is not a duplicate", async () => {
    const gh = githubClient(sb.token("alice"), sb.apiUrl);
    await expect(
      publishTaskPull(gh, job(), {
        branch: "havun/never-pushed",
        title: "Nothing",
        draft: false,
        firstRound: true,
        body: () => "x",
      }),
    ).rejects.toMatchObject({ status: 422 });
  });
});
