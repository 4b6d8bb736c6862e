import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.ts";
import {
  actionsSandbox,
  jobLog,
  jobsOf,
  octokitFor,
  settledRuns,
  webhookSink,
} from "./fixtures.ts";

const deploy = `name: Deploy
on:
  workflow_dispatch:
    inputs:
      fail:
        type: boolean
        default: false
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    environment:
      name: production
      url: \${{ steps.d.outputs.url }}
    steps:
      - id: d
        env:
          SHARED: \${{ secrets.SHARED }}
        run: |
          echo "deploy key is \${{ secrets.DEPLOY_KEY }}"
          if [ "$SHARED" = "env-shared-value" ]; then echo "SHARED comes from the environment"; fi
          echo "region=\${{ vars.REGION }} repo_only=\${{ vars.REPO_ONLY }}"
          echo "url=https://prod.example.com/\${{ github.run_number }}" >> "$GITHUB_OUTPUT"
      - name: OIDC
        run: |
          node -e '
            (async () => {
              const env = process.env;
              const res = await fetch(env.ACTIONS_ID_TOKEN_REQUEST_URL, { headers: { authorization: "bearer " + env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } });
              const claims = JSON.parse(Buffer.from((await res.json()).value.split(".")[1], "base64url").toString());
              console.log("oidc sub=" + claims.sub + " environment=" + claims.environment);
            })();
          '
      - if: inputs.fail
        run: exit 1
  preview:
    runs-on: ubuntu-latest
    environment: review-\${{ github.actor }}
    steps:
      - run: echo previewing
  plain:
    runs-on: ubuntu-latest
    steps:
      - env:
          DEPLOY_KEY: \${{ secrets.DEPLOY_KEY }}
          SHARED: \${{ secrets.SHARED }}
        run: |
          if [ -z "$DEPLOY_KEY" ]; then echo "no environment, no DEPLOY_KEY"; fi
          if [ "$SHARED" = "repo-shared-value" ]; then echo "SHARED comes from the repository"; fi
          echo "region=\${{ vars.REGION }}"
`;

let sb: Sandbox;
let hooks: Awaited<ReturnType<typeof webhookSink>>;
beforeAll(async () => {
  hooks = await webhookSink();
  sb = await actionsSandbox(hooks.url, {
    seed: {
      apps: [
        {
          slug: "watcher",
          owner: "acme",
          webhookUrl: hooks.url,
          manifest: {
            default_permissions: { deployments: "read", actions: "read" },
            default_events: ["deployment", "deployment_status"],
          },
          installations: [{ account: "acme" }],
        },
      ],
    },
  });
  await sb.seed({
    repos: [
      {
        owner: "acme",
        name: "shop",
        private: true,
        files: { ".github/workflows/deploy.yml": deploy },
        secrets: { SHARED: "repo-shared-value" },
        variables: { REGION: "repo-region", REPO_ONLY: "repo" },
        environments: {
          production: {
            secrets: { DEPLOY_KEY: "prod-deploy-key-4711", SHARED: "env-shared-value" },
            variables: { REGION: "eu-env" },
          },
        },
      },
    ],
  });
});
afterAll(async () => {
  await sb.stop();
  await hooks.close();
});

const shop = { owner: "acme", repo: "shop" };

async function dispatch(fail: boolean) {
  await octokitFor(sb, sb.token("alice")).actions.createWorkflowDispatch({
    ...shop,
    workflow_id: "deploy.yml",
    ref: "main",
    inputs: { fail: String(fail) },
  });
}

describe("jobs.<job_id>.environment", () => {
  it("gives the job the environment's secrets and vars over the repository's, masked, and OIDC claims naming it; deploys with in_progress then success, the evaluated url and the job's log", async () => {
    await dispatch(false);
    const [run] = await settledRuns(sb, "shop", 1);
    expect(run).toMatchObject({ conclusion: "success" });
    const jobs = await jobsOf(sb, "shop", run!.id);
    const job = (name: string) => jobs.find((j) => j.name === name)!;
    expect(jobs.map((j) => [j.name, j.conclusion]).sort()).toEqual([
      ["deploy", "success"],
      ["plain", "success"],
      ["preview", "success"],
    ]);

    const log = await jobLog(sb, "shop", job("deploy").id);
    expect(log).toContain("Environment: production");
    expect(log).toContain("deploy key is ***");
    expect(log).not.toContain("prod-deploy-key-4711");
    expect(log).toContain("SHARED comes from the environment");
    expect(log).toContain("region=eu-env repo_only=repo");
    // Its ID tokens name the environment: the subject's environment form and the claim.
    expect(log).toContain("oidc sub=repo:acme/shop:environment:production environment=production");
    const plain = await jobLog(sb, "shop", job("plain").id);
    expect(plain).toContain("no environment, no DEPLOY_KEY");
    expect(plain).toContain("SHARED comes from the repository");
    expect(plain).toContain("region=repo-region");

    const gh = octokitFor(sb, sb.token("alice"));
    const [d, ...more] = (await gh.repos.listDeployments({ ...shop, environment: "production" }))
      .data;
    expect(more).toEqual([]);
    expect(d).toMatchObject({
      environment: "production",
      ref: "main",
      sha: run!.head_sha,
      task: "deploy",
      creator: { login: "github-actions[bot]" },
      performed_via_github_app: { slug: "github-actions" },
    });
    const statuses = (await gh.repos.listDeploymentStatuses({ ...shop, deployment_id: d!.id }))
      .data;
    expect(statuses.map((s) => s.state)).toEqual(["success", "in_progress"]);
    expect(statuses[0]).toMatchObject({
      environment: "production",
      environment_url: `https://prod.example.com/${run!.run_number}`,
      log_url: job("deploy").html_url,
    });
    expect(statuses[1]).toMatchObject({ log_url: job("deploy").html_url, environment_url: "" });

    // The deployment and deployment_status webhooks follow, in order, valid against the schemas.
    const seen = hooks.events.filter(
      (e) =>
        (e.name === "deployment" || e.name === "deployment_status") &&
        e.body.deployment.id === d!.id,
    );
    expect(seen.map((e) => [e.name, e.body.deployment_status?.state ?? null])).toEqual([
      ["deployment", null],
      ["deployment_status", "in_progress"],
      ["deployment_status", "success"],
    ]);
    expect(seen[0]!.body).toMatchObject({
      action: "created",
      workflow_run: { id: run!.id },
      sender: { login: "github-actions[bot]" },
    });
    expect(seen[2]!.body.deployment_status.environment_url).toBe(
      `https://prod.example.com/${run!.run_number}`,
    );
  });

  it("a job referencing an environment that does not exist creates it (the name may be an expression)", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    const env = await gh.repos.getEnvironment({ ...shop, environment_name: "review-alice" });
    expect(env.data).toMatchObject({ name: "review-alice", protection_rules: [] });
    const [d] = (await gh.repos.listDeployments({ ...shop, environment: "review-alice" })).data;
    const statuses = (await gh.repos.listDeploymentStatuses({ ...shop, deployment_id: d!.id }))
      .data;
    expect(statuses.map((s) => [s.state, s.environment_url])).toEqual([
      ["success", ""],
      ["in_progress", ""],
    ]);
    const [run] = await settledRuns(sb, "shop", 1);
    const jobs = await jobsOf(sb, "shop", run!.id);
    const log = await jobLog(sb, "shop", jobs.find((j) => j.name === "preview")!.id);
    expect(log).toContain("Environment: review-alice (created");
  });

  it("a failing job ends its deployment failure, still with its log and url", async () => {
    await dispatch(true);
    const runs = await settledRuns(sb, "shop", 2);
    const failed = runs.find((r) => r.conclusion === "failure")!;
    const gh = octokitFor(sb, sb.token("alice"));
    const [latest] = (await gh.repos.listDeployments({ ...shop, environment: "production" })).data;
    expect(latest!.sha).toBe(failed.head_sha);
    const statuses = (await gh.repos.listDeploymentStatuses({ ...shop, deployment_id: latest!.id }))
      .data;
    expect(statuses.map((s) => s.state)).toEqual(["failure", "in_progress"]);
    const deployJob = (await jobsOf(sb, "shop", failed.id)).find((j) => j.name === "deploy")!;
    expect(deployJob.conclusion).toBe("failure");
    expect(statuses[0]).toMatchObject({
      log_url: deployJob.html_url,
      environment_url: `https://prod.example.com/${failed.run_number}`,
    });
  });
});
