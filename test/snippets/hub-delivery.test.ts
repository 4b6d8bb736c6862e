import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHubCatalog } from "../../app/gateway/planner-context.ts";
import { createRestClient } from "../../app/gateway/rest-client.ts";
import type { TaskSpec } from "../../app/spec/task-spec.ts";
import { snippetsWithJobToken } from "../../action/src/prepare/task-snippets.ts";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";
import { githubFiles } from "../../snippets/github-files.ts";
import { readAttached } from "../../snippets/read-attached.ts";
import { FIXTURE_FILES } from "./fixture-library.ts";

/**
 * The library read through GitHub (the sandbox, over real HTTP): the planner's catalog through
 * the tree and GraphQL, the attached snippets through the contents API at the commit a task
 * records — so a later edit of a snippet does not change the task — and, without the App, with
 * a token that can read only public repositories.
 */
let sb: Sandbox;
const lib = (prefix: string) =>
  Object.fromEntries(Object.entries(FIXTURE_FILES).map(([p, t]) => [`${prefix}/${p}`, t]));
beforeAll(async () => {
  sb = await startSandbox({
    secondaryRateLimit: 0,
    actions: false,
    seed: {
      users: [{ login: "alice" }, { login: "outsider" }],
      orgs: [{ login: "acme", members: { alice: "admin" } }],
      repos: [
        {
          owner: "acme",
          name: "hub",
          files: {
            ".github/havun.yml":
              "version: 1\nprojects: [{ repo: acme/api, description: API }]\nsnippets: { dir: lib/snippets }\n",
            ...lib("lib/snippets"),
            "lib/snippets/broken/bad.ts": "// ---\n// title: [\n// ---\nx\n",
          },
        },
        { owner: "acme", name: "secret-hub", private: true, files: lib("snippets") },
      ],
    },
  });
}, 60_000);
afterAll(() => sb?.stop());

const client = (login: string) => createRestClient({ token: sb.token(login), baseUrl: sb.apiUrl });
const headOf = async (repo: string) =>
  (await client("alice").rest.repos.getBranch({ owner: "acme", repo, branch: "main" })).data.commit
    .sha;
const spec = (hub: string, snippets: string[], hub_commit?: string) =>
  ({
    v: 1,
    hub,
    hub_issue: 1,
    attempt: 1,
    task: { snippets },
    ...(hub_commit ? { hub_commit } : {}),
  }) as unknown as TaskSpec;

describe("the hub's snippet library through GitHub", () => {
  it("the planner's catalog reads and parses the library once per blob (GraphQL, 50 files a request)", async () => {
    const gh = client("alice");
    const mark = sb.log.mark();
    const catalog = await readHubCatalog(gh, "acme/hub", "lib/snippets");
    expect(catalog.snippets.map((s) => s.id)).toHaveLength(36);
    expect(catalog.snippets.find((s) => s.id === "payments/mollie-webhook")!.meta.tags).toContain(
      "mollie",
    );
    expect(catalog.snippets.some((s) => s.id === "broken/bad")).toBe(false);
    const first = sb.log.counts(mark).byRoute;
    expect(first["POST /graphql"]).toBe(1);
    const again = sb.log.mark();
    const second = await readHubCatalog(gh, "acme/hub", "lib/snippets");
    expect(second.snippets).toBe(catalog.snippets);
    expect(sb.log.counts(again).byRoute["POST /graphql"]).toBeUndefined();
    expect((await readHubCatalog(gh, "acme/hub", null)).snippets).toEqual([]);
  });

  it("delivers a snippet as it was at the task's commit, not as it was edited later", async () => {
    const gh = client("alice");
    const at = await headOf("hub");
    const path = "lib/snippets/payments/installment-schedule.js";
    const old = await gh.rest.repos.getContent({ owner: "acme", repo: "hub", path });
    await gh.rest.repos.createOrUpdateFileContents({
      owner: "acme",
      repo: "hub",
      path,
      message: "Round to whole euros",
      content: Buffer.from(
        FIXTURE_FILES["payments/installment-schedule.js"]!.replace("Math.floor", "Math.round"),
      ).toString("base64"),
      sha: (old.data as { sha: string }).sha,
    });
    const ids = ["payments/installment-schedule"];
    const pinned = await readAttached(githubFiles(gh, "acme/hub", at), {
      ids,
      dir: "lib/snippets",
      commit: at,
    });
    const latest = await readAttached(githubFiles(gh, "acme/hub", undefined), {
      ids,
      dir: "lib/snippets",
      commit: null,
    });
    expect(pinned.attached[0]!.code).toContain("Math.floor(totalCents / months)");
    expect(latest.attached[0]!.code).toContain("Math.round(totalCents / months)");
    expect(pinned.commit).toBe(at);
  });

  it("without the App: a job token reads a public hub's snippets in the folder its config names", async () => {
    const at = await headOf("hub");
    const d = await snippetsWithJobToken(
      client("outsider"),
      spec("acme/hub", ["http/retry-fetch", "broken/bad", "x/missing"], at),
    );
    expect(d.attached.map((a) => a.id)).toEqual(["http/retry-fetch"]);
    expect(d.attached[0]!.code).toContain("export async function fetchWithRetry");
    expect(d.unavailable).toEqual([
      {
        id: "broken/bad",
        reason: expect.stringMatching(
          /^lib\/snippets\/broken\/bad\.ts:2: YAML syntax error.*\(run havun snippets lint\)$/,
        ),
      },
      {
        id: "x/missing",
        reason: `not in the hub's snippet library (lib/snippets/) at hub commit ${at.slice(0, 12)}`,
      },
    ]);
  });

  it("a hub the token cannot read leaves the snippets unavailable with the reason, never fails", async () => {
    const d = await snippetsWithJobToken(
      client("outsider"),
      spec("acme/secret-hub", ["http/retry-fetch"]),
    );
    expect(d.attached).toEqual([]);
    expect(d.unavailable).toEqual([
      {
        id: "http/retry-fetch",
        reason:
          "the hub acme/secret-hub cannot be read with this job's token: it reads only repositories its workflows may read (a public hub); run the App server (app-url) for a private hub",
      },
    ]);
    const none = await snippetsWithJobToken(null, spec("acme/hub", ["http/retry-fetch"]));
    expect(none.unavailable[0]!.reason).toBe(
      "this job has no token to read the hub (github_token)",
    );
  });
});
