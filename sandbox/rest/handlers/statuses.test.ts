import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../index.ts";
import type { SandboxEvent } from "../../state/store.ts";
import { buildPayload } from "../../webhooks/payload.ts";
import { checkWebhookPayload } from "../../webhooks/validate.ts";
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import { octokitFor, quiet } from "../../../test/sandbox/fixtures.ts";
import { openPull, rulesSandbox, tryMerge } from "../../../test/sandbox/rules-fixture.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await rulesSandbox();
});
afterAll(() => sb.stop());

const api = { owner: "acme", repo: "api" };

describe("commit statuses (GitHub's Commit statuses API)", () => {
  it('creates a status on a commit; `context` defaults to "default"; an unknown SHA is 422', async () => {
    const bob = octokitFor(sb, sb.token("bob"));
    const { sha } = await openPull(sb);
    const created = await bob.repos.createCommitStatus({
      ...api,
      sha,
      state: "pending",
      target_url: "https://ci.example.com/1",
      description: "building",
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      state: "pending",
      context: "default",
      target_url: "https://ci.example.com/1",
      description: "building",
      creator: { login: "bob" },
    });
    await expect(
      bob.repos.createCommitStatus({ ...api, sha: "f".repeat(40), state: "success" }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("needs push access: a reader cannot create one", async () => {
    const { sha } = await openPull(sb);
    const carol = octokitFor(sb, sb.token("carol"));
    await expect(
      carol.repos.createCommitStatus({ ...api, sha, state: "success" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("lists statuses for a ref (a SHA or a branch name) newest first", async () => {
    const bob = octokitFor(sb, sb.token("bob"));
    const { sha } = await openPull(sb);
    for (const state of ["pending", "success"] as const)
      await bob.repos.createCommitStatus({ ...api, sha, state, context: "ci/build" });
    const bySha = await bob.repos.listCommitStatusesForRef({ ...api, ref: sha });
    expect(bySha.data.map((s) => s.state)).toEqual(["success", "pending"]);
    const main = await bob.repos.getBranch({ ...api, branch: "main" });
    await bob.repos.createCommitStatus({ ...api, sha: main.data.commit.sha, state: "success" });
    const byBranch = await bob.repos.listCommitStatusesForRef({ ...api, ref: "main" });
    expect(byBranch.data.map((s) => s.context)).toEqual(["default"]);
  });

  it("combines the latest status of each context: failure, else pending, else success", async () => {
    const bob = octokitFor(sb, sb.token("bob"));
    const { sha } = await openPull(sb);
    const combined = async () =>
      (await bob.repos.getCombinedStatusForRef({ ...api, ref: sha })).data;
    expect(await combined()).toMatchObject({ state: "pending", total_count: 0, sha });
    await bob.repos.createCommitStatus({ ...api, sha, state: "success", context: "a" });
    await bob.repos.createCommitStatus({ ...api, sha, state: "pending", context: "b" });
    expect((await combined()).state).toBe("pending");
    await bob.repos.createCommitStatus({ ...api, sha, state: "success", context: "b" });
    const green = await combined();
    expect(green.state).toBe("success");
    expect(green.total_count).toBe(2);
    expect(green.statuses.map((s) => s.context).sort()).toEqual(["a", "b"]);
    await bob.repos.createCommitStatus({ ...api, sha, state: "error", context: "a" });
    expect((await combined()).state).toBe("failure");
  });

  it("a required status check is met or failed by a status of that context, on merge", async () => {
    const alice = octokitFor(sb, sb.token("alice"));
    await alice.repos.updateBranchProtection({
      ...api,
      branch: "main",
      required_status_checks: { strict: false, contexts: ["ci/jenkins"] },
      enforce_admins: true,
      required_pull_request_reviews: null,
      restrictions: null,
    });
    try {
      const pr = await openPull(sb);
      expect(await tryMerge(sb, pr.number)).toEqual({
        status: 405,
        message: 'Required status check "ci/jenkins" is expected.',
      });
      const bob = octokitFor(sb, sb.token("bob"));
      await bob.repos.createCommitStatus({
        ...api,
        sha: pr.sha,
        state: "failure",
        context: "ci/jenkins",
      });
      expect(await tryMerge(sb, pr.number)).toEqual({
        status: 405,
        message: 'Required status check "ci/jenkins" is failing.',
      });
      await bob.repos.createCommitStatus({
        ...api,
        sha: pr.sha,
        state: "success",
        context: "ci/jenkins",
      });
      expect((await tryMerge(sb, pr.number)).status).toBe(200);
    } finally {
      await alice.repos.deleteBranchProtection({ ...api, branch: "main" });
    }
  });

  it("GraphQL's status check rollup shows statuses beside check runs; a token without the commit statuses permission gets GitHub's error at that node", async () => {
    const bob = octokitFor(sb, sb.token("bob"));
    const pr = await openPull(sb);
    await bob.repos.createCommitStatus({ ...api, sha: pr.sha, state: "failure", context: "ci/x" });
    const query = `query($n: Int!) { repository(owner: "acme", name: "api") { pullRequest(number: $n) {
      statusCheckRollup { state contexts(first: 10) { nodes { __typename ... on StatusContext { context state creator { login } } } } } } } }`;
    const asBob = await bob.graphql<{
      repository: {
        pullRequest: { statusCheckRollup: { state: string; contexts: { nodes: unknown[] } } };
      };
    }>(query, { n: pr.number });
    expect(asBob.repository.pullRequest.statusCheckRollup).toEqual({
      state: "FAILURE",
      contexts: {
        nodes: [
          {
            __typename: "StatusContext",
            context: "ci/x",
            state: "FAILURE",
            creator: { login: "bob" },
          },
        ],
      },
    });
    // An App that reads pull requests and checks but not commit statuses: that node is refused.
    const seeded = await sb.seed({
      apps: [
        {
          slug: "checker",
          owner: "acme",
          manifest: { default_permissions: { checks: "write", pull_requests: "read" } },
          installations: [{ account: "acme" }],
        },
      ],
    });
    const { app: checker, installations } = seeded.apps.checker!;
    const app = new Octokit({
      baseUrl: sb.apiUrl,
      authStrategy: createAppAuth,
      auth: {
        appId: checker.id,
        privateKey: checker.privateKeyPem,
        installationId: installations[0]!.id,
      },
      request: { retries: 0 },
      log: quiet,
    });
    const err = await app.graphql(query, { n: pr.number }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      errors: [
        {
          type: "FORBIDDEN",
          message: "Resource not accessible by integration",
          path: ["repository", "pullRequest", "statusCheckRollup", "contexts", "nodes", 0],
        },
      ],
    });
  });

  it("sends the status webhook, valid against GitHub's published schemas", async () => {
    const bob = octokitFor(sb, sb.token("bob"));
    const pr = await openPull(sb);
    const seen = new Promise<SandboxEvent>((resolve) =>
      sb.core.store.events.on("event", (e: SandboxEvent) => {
        if (e.name === "status") resolve(e);
      }),
    );
    await bob.repos.createCommitStatus({ ...api, sha: pr.sha, state: "success", context: "hook" });
    const event = await seen;
    expect(checkWebhookPayload("status", null, buildPayload(sb.core, event, null))).toEqual([]);
    expect(event.payload).toMatchObject({
      sha: pr.sha,
      name: "acme/api",
      context: "hook",
      state: "success",
      branches: [expect.objectContaining({ commit: { sha: pr.sha, url: expect.any(String) } })],
    });
  });
});
