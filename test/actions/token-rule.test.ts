import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.ts";
import {
  actionsSandbox,
  addRepo,
  git,
  jobLog,
  jobsOf,
  octokitFor,
  remote,
  settledRuns,
  webhookSink,
} from "./fixtures.ts";

/** On a user's push: pushes a branch and dispatches, all with the job's GITHUB_TOKEN. */
const onPush = `name: On push
on: push
jobs:
  bot:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - env:
          GH_TOKEN: \${{ github.token }}
        run: |
          git -c user.name=bot -c user.email=bot@example.com commit -q --allow-empty -m "from the workflow"
          git push -q origin HEAD:refs/heads/from-bot
          api="$GITHUB_API_URL/repos/$GITHUB_REPOSITORY"
          post() { node -e 'fetch(process.argv[1], { method: "POST", headers: { authorization: "token " + process.env.GH_TOKEN }, body: process.argv[2] }).then(async (r) => { await r.text(); console.log(r.status); if (!r.ok) process.exit(1); })' "$1" "$2"; }
          post "$api/actions/workflows/dispatched.yml/dispatches" '{"ref":"main","inputs":{"who":"bot"}}'
          post "$api/dispatches" '{"event_type":"ping","client_payload":{"n":1}}'
          post "$api/issues" '{"title":"opened by the workflow"}'
`;

const dispatched = `name: Dispatched
on:
  workflow_dispatch:
    inputs:
      who:
        required: true
  repository_dispatch:
    types: [ping]
  issues:
    types: [opened]
jobs:
  hello:
    runs-on: ubuntu-latest
    steps:
      - run: echo "event=\${{ github.event_name }} who=\${{ inputs.who }} n=\${{ github.event.client_payload.n }} actor=\${{ github.actor }}"
`;

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
let work: string;
beforeAll(async () => {
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  await addRepo(sb, "bots", {
    "README.md": "# bots\n",
    ".github/workflows/on-push.yml": onPush,
    ".github/workflows/dispatched.yml": dispatched,
  });
  work = await mkdtemp(join(tmpdir(), "havun-actions-test-"));
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
  await rm(work, { recursive: true, force: true });
});

describe("GitHub's rule for events caused by GITHUB_TOKEN", () => {
  it("a user's push starts a run; the job's push and issue start none; its dispatches do", async () => {
    const dir = join(work, "clone");
    await git(work, "clone", "-q", remote(sb, sb.token("alice"), "bots"), dir);
    await writeFile(join(dir, "change.txt"), "x\n");
    await git(dir, "add", ".");
    await git(dir, "commit", "-q", "-m", "A user's change");
    await git(dir, "push", "-q", "origin", "HEAD:main");
    const runs = await settledRuns(sb, "bots", 3);
    expect(runs.map((r) => [r.event, r.conclusion, r.actor?.login]).sort()).toEqual([
      ["push", "success", "alice"],
      ["repository_dispatch", "success", "github-actions[bot]"],
      ["workflow_dispatch", "success", "github-actions[bot]"],
    ]);
    const gh = octokitFor(sb, sb.token("alice"));
    const branch = await gh.repos.getBranch({ owner: "acme", repo: "bots", branch: "from-bot" });
    expect(branch.data.commit.sha).toMatch(/^[0-9a-f]{40}$/);
    const issues = await gh.issues.listForRepo({ owner: "acme", repo: "bots" });
    expect(issues.data[0]).toMatchObject({
      title: "opened by the workflow",
      user: { login: "github-actions[bot]" },
    });
    expect(issues.data[0]!.performed_via_github_app?.slug).toBe("github-actions");
    const push = runs.find((r) => r.event === "push")!;
    expect(push.display_title).toBe("A user's change");
    const logs = await Promise.all(
      runs
        .filter((r) => r.event !== "push")
        .map(async (r) => jobLog(sb, "bots", (await jobsOf(sb, "bots", r.id))[0]!.id)),
    );
    expect(logs.join("\n")).toContain(
      "event=workflow_dispatch who=bot n= actor=github-actions[bot]",
    );
    expect(logs.join("\n")).toContain(
      "event=repository_dispatch who= n=1 actor=github-actions[bot]",
    );
  });

  it("the job's token stops working when the job ends", async () => {
    const runs = await settledRuns(sb, "bots", 3);
    const log = await jobLog(
      sb,
      "bots",
      (await jobsOf(sb, "bots", runs.find((r) => r.event === "push")!.id))[0]!.id,
    );
    expect(log).not.toMatch(/ghs_[A-Za-z0-9]{36}/);
    const tokens = sb.core.store.state.tokens.filter((t) => t.kind === "workflow");
    expect(tokens).toEqual([]);
  });
});
