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

const shared = {
  "greet/action.yml": `name: Greet
inputs:
  who:
    required: true
  punct:
    default: "!"
outputs:
  sentence:
    value: \${{ steps.say.outputs.sentence }}
runs:
  using: composite
  steps:
    - id: say
      shell: bash
      run: |
        echo "sentence=Hi \${{ inputs.who }}\${{ inputs.punct }}" >> "$GITHUB_OUTPUT"
        echo "action dir $(basename "$GITHUB_ACTION_PATH")"
    - shell: sh
      run: echo "composite sees \${{ steps.say.outputs.sentence }}"
`,
  "timer/action.yml": `name: Timer
runs:
  using: node24
  main: main.js
  post: post.js
`,
  "timer/main.js": `require("node:fs").appendFileSync(process.env.GITHUB_STATE, "started=yes\\n");\nconsole.log("timer main");\n`,
  "timer/post.js": `console.log("post sees state " + process.env.STATE_started);\n`,
  ".github/workflows/release.yml": `on:
  workflow_call:
    inputs:
      version:
        type: string
        required: true
      dry:
        type: boolean
        default: true
    outputs:
      url:
        value: \${{ jobs.publish.outputs.url }}
jobs:
  publish:
    runs-on: ubuntu-latest
    outputs:
      url: \${{ steps.p.outputs.url }}
    steps:
      - id: p
        run: |
          echo "publishing \${{ inputs.version }} dry=\${{ inputs.dry }} secret=\${{ secrets.CANARY }} repo=\${{ github.repository }}"
          echo "url=https://example.test/\${{ inputs.version }}" >> "$GITHUB_OUTPUT"
`,
};

const web = {
  ".github/workflows/release.yml": `name: Release
on: workflow_dispatch
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - id: g
        uses: acme/shared/greet@v1
        with:
          who: \${{ vars.REGION }}
      - uses: acme/shared/timer@main
      - run: echo "got \${{ steps.g.outputs.sentence }}"
  release:
    needs: greet
    uses: acme/shared/.github/workflows/release.yml@v1
    with:
      version: 1.0.\${{ github.run_number }}
    secrets: inherit
  check:
    uses: ./.github/workflows/check.yml
    secrets:
      TOKEN: \${{ secrets.CANARY }}
  announce:
    needs: [release, check]
    runs-on: ubuntu-latest
    steps:
      - run: echo "released at \${{ needs.release.outputs.url }} (\${{ needs.check.result }})"
`,
  ".github/workflows/check.yml": `on:
  workflow_call:
    secrets:
      TOKEN:
        required: true
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - run: echo "token=\${{ secrets.TOKEN }} canary=[\${{ secrets.CANARY }}]"
`,
};

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
beforeAll(async () => {
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url);
  await addRepo(sb, "shared", shared);
  await addRepo(sb, "web", web, {
    secrets: { CANARY: "sekrit-canary-value" },
    variables: { REGION: "eu-west" },
  });
  const gh = octokitFor(sb, sb.token("alice"));
  const main = await gh.git.getRef({ owner: "acme", repo: "shared", ref: "heads/main" });
  await gh.git.createRef({
    owner: "acme",
    repo: "shared",
    ref: "refs/tags/v1",
    sha: main.data.object.sha,
  });
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
});

describe("actions and workflows from other repositories", () => {
  it("runs composite and JavaScript actions (with post) and reusable workflows with inherited and mapped secrets", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    await gh.actions.createWorkflowDispatch({
      owner: "acme",
      repo: "web",
      workflow_id: "release.yml",
      ref: "main",
    });
    const [run] = await settledRuns(sb, "web", 1);
    expect(run).toMatchObject({ conclusion: "success", name: "Release" });
    expect(run!.referenced_workflows!.map((w) => w.path).sort()).toEqual([
      "acme/shared/.github/workflows/release.yml@v1",
      expect.stringMatching(/^acme\/web\/\.github\/workflows\/check\.yml@[0-9a-f]{40}$/),
    ]);
    const jobs = await jobsOf(sb, "web", run!.id);
    expect(jobs.map((j) => [j.name, j.conclusion]).sort()).toEqual([
      ["announce", "success"],
      ["check / lint", "success"],
      ["greet", "success"],
      ["release / publish", "success"],
    ]);
    const log = async (name: string) => jobLog(sb, "web", jobs.find((j) => j.name === name)!.id);
    const greet = await log("greet");
    expect(greet).toContain("action dir greet");
    expect(greet).toContain("composite sees Hi eu-west!");
    expect(greet).toContain("got Hi eu-west!");
    expect(greet).toContain("timer main");
    expect(greet).toContain("post sees state yes");
    expect(jobs.find((j) => j.name === "greet")!.steps!.map((s) => s.name)).toEqual([
      "Run acme/shared/greet@v1",
      "Run acme/shared/timer@main",
      'Run echo "got ${{ steps.g.outputs.sentence }}"',
      "Post Run acme/shared/timer@main",
    ]);
    expect(await log("release / publish")).toContain(
      `publishing 1.0.${run!.run_number} dry=true secret=*** repo=acme/web`,
    );
    expect(await log("check / lint")).toContain("token=*** canary=[]");
    expect(await log("announce")).toContain(
      `released at https://example.test/1.0.${run!.run_number} (success)`,
    );
  });

  it("fails the calling job with the reason when the called workflow does not fit", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const bad = `name: Bad call
on: workflow_dispatch
jobs:
  call:
    uses: acme/shared/.github/workflows/release.yml@v1
    with:
      versoin: "1"
`;
    await gh.repos.createOrUpdateFileContents({
      owner: "acme",
      repo: "web",
      path: ".github/workflows/bad.yml",
      message: "bad call",
      content: Buffer.from(bad).toString("base64"),
    });
    await gh.actions.createWorkflowDispatch({
      owner: "acme",
      repo: "web",
      workflow_id: "bad.yml",
      ref: "main",
    });
    const runs = await settledRuns(sb, "web", 2);
    const run = runs.find((r) => r.name === "Bad call")!;
    expect(run.conclusion).toBe("failure");
    const [job] = await jobsOf(sb, "web", run.id);
    expect(job!.name).toBe("call");
    expect(await jobLog(sb, "web", job!.id)).toContain(
      ".github/workflows/bad.yml: jobs.call.uses: Invalid input, versoin is not defined in the referenced workflow.",
    );
  });
});
