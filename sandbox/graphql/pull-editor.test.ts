import { RequestError } from "@octokit/request-error";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quiet } from "../../test/sandbox/fixtures.ts";
import { startSandbox, type Sandbox } from "../index.ts";

/**
 * GitHub's rules for a pull request's body, as its documentation states them: "To open or update
 * a pull request …, you must have write access to the head or the source branch" (REST, Update a
 * pull request), and editing someone else's content is for write, maintain and admin (repository
 * roles: "Edit and delete anyone's comments on commits, pull requests, and issues"); triage may
 * close and reopen it. GraphQL's `editor` is the body's last editor (null when never edited), and
 * `lastEditedAt` when that was.
 */
let sb: Sandbox;
const gh = (login: string) =>
  new Octokit({ auth: sb.token(login), baseUrl: sb.apiUrl, log: quiet });
let number = 0;

beforeAll(async () => {
  sb = await startSandbox({
    secondaryRateLimit: 0,
    seed: {
      users: [{ login: "alice" }, { login: "tess" }, { login: "ron" }, { login: "will" }],
      orgs: [{ login: "acme", members: { alice: "admin" } }],
      repos: [
        {
          owner: "acme",
          name: "api",
          private: true,
          files: { "README.md": "# api\n" },
          collaborators: { tess: "triage", ron: "read", will: "write" },
        },
      ],
    },
  });
  const alice = gh("alice");
  const main = await alice.git.getRef({ owner: "acme", repo: "api", ref: "heads/main" });
  await alice.git.createRef({
    owner: "acme",
    repo: "api",
    ref: "refs/heads/feature",
    sha: main.data.object.sha,
  });
  await alice.repos.createOrUpdateFileContents({
    owner: "acme",
    repo: "api",
    branch: "feature",
    path: "src/a.js",
    message: "a",
    content: Buffer.from("// a\n").toString("base64"),
  });
  const pr = await alice.pulls.create({
    owner: "acme",
    repo: "api",
    head: "feature",
    base: "main",
    title: "Feature",
    body: "- [ ] verified",
  });
  number = pr.data.number;
});
afterAll(() => sb.stop());

async function editor(): Promise<{
  body: string;
  editor: { login: string } | null;
  lastEditedAt: string | null;
}> {
  const r = await gh("alice").graphql<{
    repository: {
      pullRequest: { body: string; editor: { login: string } | null; lastEditedAt: string | null };
    };
  }>(
    `query($n: Int!) { repository(owner: "acme", name: "api") { pullRequest(number: $n) { body editor { login } lastEditedAt } } }`,
    { n: number },
  );
  return r.repository.pullRequest;
}

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof RequestError) return e.status;
    throw e;
  }
}

const tick = (login: string) =>
  gh(login).pulls.update({
    owner: "acme",
    repo: "api",
    pull_number: number,
    body: `- [x] verified by ${login}`,
  });

describe("a pull request's body and its last editor", () => {
  it("has no editor until its body is edited", async () => {
    expect(await editor()).toEqual({ body: "- [ ] verified", editor: null, lastEditedAt: null });
  });

  it("refuses an edit of someone else's pull request by triage or read, as GitHub does", async () => {
    expect(await statusOf(tick("tess"))).toBe(403);
    expect(await statusOf(tick("ron"))).toBe(403);
    expect((await editor()).editor).toBeNull();
    // Triage may still close and reopen it.
    const close = (state: "open" | "closed") =>
      gh("tess").pulls.update({ owner: "acme", repo: "api", pull_number: number, state });
    expect(await statusOf(close("closed"))).toBe(200);
    expect(await statusOf(close("open"))).toBe(200);
    expect((await editor()).editor).toBeNull();
  });

  it("lets a writer edit it, and names the writer as its editor with the time", async () => {
    expect(await statusOf(tick("will"))).toBe(200);
    const after = await editor();
    expect(after).toMatchObject({ body: "- [x] verified by will", editor: { login: "will" } });
    expect(Date.parse(after.lastEditedAt ?? "")).not.toBeNaN();
    // A title-only change is not an edit of the body.
    await gh("alice").pulls.update({
      owner: "acme",
      repo: "api",
      pull_number: number,
      title: "Renamed",
    });
    expect((await editor()).editor).toEqual({ login: "will" });
    await tick("alice");
    expect((await editor()).editor).toEqual({ login: "alice" });
  });
});
