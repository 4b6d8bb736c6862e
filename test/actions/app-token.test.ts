import { RequestError } from "@octokit/request-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.ts";
import {
  actionsSandbox,
  addRepo,
  jobLog,
  jobsOf,
  octokitFor,
  settledRuns,
  webhookSink,
} from "./fixtures.ts";

const post = (label: string) =>
  `node -e 'fetch(process.env.SINK, { method: "POST", headers: { "x-github-event": "${label}" }, body: JSON.stringify({ token: process.env.TOKEN }) })'`;

const mint = `name: Mint
on: workflow_dispatch
permissions: {}
jobs:
  kept:
    runs-on: ubuntu-latest
    steps:
      - id: app
        uses: actions/create-github-app-token@v2
        with:
          app-id: \${{ vars.APP_ID }}
          private-key: \${{ secrets.APP_KEY }}
          repositories: target
          permission-contents: write
          skip-token-revoke: true
      - env:
          TOKEN: \${{ steps.app.outputs.token }}
          SINK: \${{ vars.SINK }}
        run: |
          echo "installation=\${{ steps.app.outputs.installation-id }} slug=\${{ steps.app.outputs.app-slug }} token=$TOKEN"
          git clone -q "http://x-access-token:$TOKEN@\${GITHUB_SERVER_URL#http://}/acme/target.git" target
          cd target
          git -c user.name=bot -c user.email=bot@example.com commit -q --allow-empty -m "pushed with the App token"
          git push -q origin HEAD:main
          ${post("kept")}
  revoked:
    runs-on: ubuntu-latest
    steps:
      - id: app
        uses: actions/create-github-app-token@v2
        with:
          client-id: \${{ vars.CLIENT_ID }}
          private-key: \${{ secrets.APP_KEY }}
          owner: acme
      - env:
          TOKEN: \${{ steps.app.outputs.token }}
          SINK: \${{ vars.SINK }}
        run: |
          ${post("revoked")}
`;

const onPush = `name: Target CI
on: push
jobs:
  ci:
    runs-on: ubuntu-latest
    steps:
      - run: echo "pushed by \${{ github.actor }}"
`;

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
let sink: Awaited<ReturnType<typeof webhookSink>>;
const token = (label: string) => String(sink.events.find((e) => e.name === label)!.body.token);

beforeAll(async () => {
  hooks = await webhookSink();
  sink = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  const seeded = await sb.seed({
    apps: [
      {
        slug: "publisher",
        owner: "acme",
        manifest: { default_permissions: { contents: "write", issues: "write" } },
        installations: [{ account: "acme" }],
      },
    ],
  });
  const app = seeded.apps.publisher!.app;
  await addRepo(sb, "target", { ".github/workflows/ci.yml": onPush });
  await addRepo(sb, "other", { "README.md": "# other\n" });
  await addRepo(
    sb,
    "deployer",
    { ".github/workflows/mint.yml": mint },
    {
      secrets: { APP_KEY: app.privateKeyPem },
      variables: { APP_ID: String(app.id), CLIENT_ID: app.clientId, SINK: sink.url },
    },
  );
  await octokitFor(sb, sb.token("alice")).actions.createWorkflowDispatch({
    owner: "acme",
    repo: "deployer",
    workflow_id: "mint.yml",
    ref: "main",
  });
  await settledRuns(sb, "deployer", 1);
  await settledRuns(sb, "target", 1);
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
  await sink.close();
});

const status = (p: Promise<{ status: number }>) =>
  p.then((r) => r.status).catch((e: RequestError) => e.status);

describe("actions/create-github-app-token, built in", () => {
  it("mints an installation token for the App, masked in the log", async () => {
    const [run] = await settledRuns(sb, "deployer", 1);
    expect(run!.conclusion).toBe("success");
    const jobs = await jobsOf(sb, "deployer", run!.id);
    const kept = jobs.find((j) => j.name === "kept")!;
    const app = sb.core.store.state.apps.find((a) => a.slug === "publisher")!;
    const inst = sb.core.store.state.installations.find((i) => i.appId === app.id)!;
    const log = await jobLog(sb, "deployer", kept.id);
    expect(log).toContain(`installation=${inst.id} slug=publisher token=***`);
    expect(log).not.toContain(token("kept"));
    expect(token("kept")).toMatch(/^ghs_/);
  });

  it("limits the token to the repositories and permissions asked for", async () => {
    const gh = octokitFor(sb, token("kept"));
    expect(await status(gh.repos.get({ owner: "acme", repo: "target" }))).toBe(200);
    expect(await status(gh.repos.get({ owner: "acme", repo: "other" }))).toBe(404);
    const reachable = await gh.apps.listReposAccessibleToInstallation();
    expect(reachable.data.repositories.map((r) => r.full_name)).toEqual(["acme/target"]);
    const issue = gh.issues.create({ owner: "acme", repo: "target", title: "not allowed" });
    expect(await status(issue)).toBe(403);
  });

  it("starts workflow runs with its pushes, as an App's installation token does", async () => {
    const [run] = await settledRuns(sb, "target", 1);
    expect(run).toMatchObject({ event: "push", conclusion: "success" });
    expect(run!.actor?.login).toBe("publisher[bot]");
    expect(run!.head_commit?.message).toBe("pushed with the App token");
  });

  it("revokes the token in a post step after the job, unless skip-token-revoke", async () => {
    const [run] = await settledRuns(sb, "deployer", 1);
    const revoked = (await jobsOf(sb, "deployer", run!.id)).find((j) => j.name === "revoked")!;
    expect(revoked.steps!.map((s) => s.name)).toEqual([
      "Run actions/create-github-app-token@v2",
      `Run ${post("revoked")}`,
      "Post Run actions/create-github-app-token@v2",
    ]);
    expect(await jobLog(sb, "deployer", revoked.id)).toContain("Token revoked");
    const gone = octokitFor(sb, token("revoked"));
    expect(await status(gone.repos.get({ owner: "acme", repo: "target" }))).toBe(401);
    const kept = octokitFor(sb, token("kept"));
    expect(await status(kept.repos.get({ owner: "acme", repo: "target" }))).toBe(200);
  });
});
