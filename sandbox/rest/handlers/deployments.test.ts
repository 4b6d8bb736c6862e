import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../index.ts";
import type { SandboxEvent } from "../../state/store.ts";
import { buildPayload } from "../../webhooks/payload.ts";
import { checkWebhookPayload } from "../../webhooks/validate.ts";
import { octokitFor } from "../../../test/sandbox/fixtures.ts";
import { installationClient, openPull, rulesSandbox } from "../../../test/sandbox/rules-fixture.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await rulesSandbox();
});
afterAll(() => sb.stop());

const api = { owner: "acme", repo: "api" };

function nextEvent(name: string): Promise<SandboxEvent> {
  return new Promise((resolve) => {
    const on = (e: SandboxEvent) => {
      if (e.name !== name) return;
      sb.core.store.events.off("event", on);
      resolve(e);
    };
    sb.core.store.events.on("event", on);
  });
}

describe("deployments (GitHub's Deployments API)", () => {
  it('creates one for a branch: environment "production", task "deploy", production_environment true by default; a deployment webhook follows', async () => {
    const app = await installationClient(sb, "havuncore");
    const seen = nextEvent("deployment");
    const main = await app.repos.getBranch({ ...api, branch: "main" });
    const d = await app.repos.createDeployment({ ...api, ref: "main", required_contexts: [] });
    expect(d.status).toBe(201);
    expect(d.data).toMatchObject({
      ref: "main",
      sha: main.data.commit.sha,
      environment: "production",
      task: "deploy",
      production_environment: true,
      transient_environment: false,
      performed_via_github_app: { slug: "havuncore" },
    });
    const event = await seen;
    expect(event.action).toBe("created");
    expect(
      checkWebhookPayload("deployment", "created", buildPayload(sb.core, event, null)),
    ).toEqual([]);
    const got = await app.repos.getDeployment({
      ...api,
      deployment_id: (d.data as { id: number }).id,
    });
    expect(got.data).toMatchObject({ id: (d.data as { id: number }).id, ref: "main" });
  });

  it("an unknown ref is 422; an App without the deployments permission gets 403", async () => {
    const app = await installationClient(sb, "havuncore");
    await expect(
      app.repos.createDeployment({ ...api, ref: "no-such-branch", required_contexts: [] }),
    ).rejects.toMatchObject({ status: 422 });
    const other = await installationClient(sb, "lookalike");
    await expect(
      other.repos.createDeployment({ ...api, ref: "main", required_contexts: [] }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("verifies every commit-status context unless required_contexts is given: a failing one is 409; [] skips the check", async () => {
    const bob = octokitFor(sb, sb.token("bob"));
    const pr = await openPull(sb);
    await bob.repos.createCommitStatus({ ...api, sha: pr.sha, state: "failure", context: "ci" });
    const deploy = (extra: { required_contexts?: string[] }) =>
      bob.repos.createDeployment({ ...api, ref: pr.sha, auto_merge: false, ...extra });
    await expect(deploy({})).rejects.toMatchObject({ status: 409 });
    await expect(deploy({ required_contexts: ["ci"] })).rejects.toMatchObject({ status: 409 });
    expect((await deploy({ required_contexts: [] })).status).toBe(201);
    await bob.repos.createCommitStatus({ ...api, sha: pr.sha, state: "success", context: "ci" });
    expect((await deploy({})).status).toBe(201);
  });

  it("auto_merge (the default) of a ref behind the default branch is refused with what to pass", async () => {
    const bob = octokitFor(sb, sb.token("bob"));
    const pr = await openPull(sb);
    // Move main on so that the pull request's head is behind it.
    await openPull(sb).then(async (other) => {
      await bob.pulls.merge({ ...api, pull_number: other.number });
    });
    const err = await bob.repos
      .createDeployment({ ...api, ref: pr.sha, required_contexts: [] })
      .catch((e: { status: number; message: string }) => e);
    expect(err).toMatchObject({
      status: 422,
      message: expect.stringContaining("auto_merge: false"),
    });
  });

  it("lists deployments newest first, filtered by environment", async () => {
    const bob = octokitFor(sb, sb.token("bob"));
    for (const environment of ["staging", "qa", "staging"])
      await bob.repos.createDeployment({ ...api, ref: "main", environment, required_contexts: [] });
    const staging = await bob.repos.listDeployments({ ...api, environment: "staging" });
    expect(staging.data.map((d) => d.environment)).toEqual(["staging", "staging"]);
    expect(staging.data[0]!.id).toBeGreaterThan(staging.data[1]!.id);
    expect(staging.data[0]!.production_environment).toBe(false);
  });
});

describe("deployment statuses", () => {
  it("log_url sets target_url too; statuses list newest first; a deployment_status webhook follows, valid against the schemas", async () => {
    const app = await installationClient(sb, "havuncore");
    const d = (
      await app.repos.createDeployment({
        ...api,
        ref: "main",
        environment: "preview",
        required_contexts: [],
      })
    ).data as { id: number };
    await app.repos.createDeploymentStatus({ ...api, deployment_id: d.id, state: "in_progress" });
    const seen = nextEvent("deployment_status");
    const ok = await app.repos.createDeploymentStatus({
      ...api,
      deployment_id: d.id,
      state: "success",
      log_url: "https://ci.example.com/run/1",
      environment_url: "https://preview.example.com",
    });
    expect(ok.data).toMatchObject({
      state: "success",
      environment: "preview",
      log_url: "https://ci.example.com/run/1",
      target_url: "https://ci.example.com/run/1",
      environment_url: "https://preview.example.com",
    });
    const list = await app.repos.listDeploymentStatuses({ ...api, deployment_id: d.id });
    expect(list.data.map((s) => s.state)).toEqual(["success", "in_progress"]);
    const event = await seen;
    const payload = buildPayload(sb.core, event, null);
    expect(checkWebhookPayload("deployment_status", "created", payload)).toEqual([]);
    expect(payload).toMatchObject({
      deployment_status: { state: "success", environment_url: "https://preview.example.com" },
      deployment: { id: d.id, environment: "preview" },
    });
  });

  it('a status without URLs: REST answers "" for them (its schema\'s default); the webhook, whose schema wants a URI or nothing, leaves them out', async () => {
    const app = await installationClient(sb, "havuncore");
    const d = (
      await app.repos.createDeployment({
        ...api,
        ref: "main",
        environment: "qa",
        required_contexts: [],
      })
    ).data as { id: number };
    const seen = nextEvent("deployment_status");
    const queued = await app.repos.createDeploymentStatus({
      ...api,
      deployment_id: d.id,
      state: "queued",
    });
    expect(queued.data).toMatchObject({ environment_url: "", log_url: "" });
    const payload = buildPayload(sb.core, await seen, null) as { deployment_status: object };
    expect(checkWebhookPayload("deployment_status", "created", payload)).toEqual([]);
    expect(payload.deployment_status).not.toHaveProperty("environment_url");
    expect(payload.deployment_status).not.toHaveProperty("log_url");
  });

  it("a success makes earlier successful deployments of the same non-production environment inactive (auto_inactive)", async () => {
    const bob = octokitFor(sb, sb.token("bob"));
    const create = async () =>
      (
        await bob.repos.createDeployment({
          ...api,
          ref: "main",
          environment: "review",
          required_contexts: [],
        })
      ).data as { id: number };
    const first = await create();
    await bob.repos.createDeploymentStatus({ ...api, deployment_id: first.id, state: "success" });
    const second = await create();
    await bob.repos.createDeploymentStatus({ ...api, deployment_id: second.id, state: "success" });
    const states = async (id: number) =>
      (await bob.repos.listDeploymentStatuses({ ...api, deployment_id: id })).data.map(
        (s) => s.state,
      );
    expect(await states(first.id)).toEqual(["inactive", "success"]);
    expect(await states(second.id)).toEqual(["success"]);
  });

  it("a description over 140 characters is 422; an unknown deployment is 404", async () => {
    const bob = octokitFor(sb, sb.token("bob"));
    const d = (await bob.repos.createDeployment({ ...api, ref: "main", required_contexts: [] }))
      .data as { id: number };
    await expect(
      bob.repos.createDeploymentStatus({
        ...api,
        deployment_id: d.id,
        state: "failure",
        description: "x".repeat(141),
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      bob.repos.createDeploymentStatus({ ...api, deployment_id: 1, state: "failure" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
