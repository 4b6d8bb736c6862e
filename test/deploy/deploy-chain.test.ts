import { describe, expect, it } from "vitest";
import { deployChain } from "../../app/deploy/deploy-chain.ts";
import { deployOrder, DeployOrderError } from "../../app/deploy/deploy-order.ts";
import { deployment, release, releaseConfig } from "./release-fixtures.ts";

const config = releaseConfig();
const order = deployOrder(config.deploy!, config.projects);
const chain = (deployments = release().deployments, extra = {}) =>
  deployChain({
    order,
    release: release({ deployments }),
    hubIssue: "acme/hub#1",
    approvedBy: null,
    ...extra,
  });

describe("deploy order", () => {
  it("puts a contract's provider before its consumer, whatever the config's order", () => {
    expect(order.map((t) => t.repo)).toEqual(["acme/api", "acme/portal"]);
  });

  it("refuses a cycle of contracts and names its repositories", () => {
    const cyclic = releaseConfig({
      projects: [
        { repo: "acme/api", description: "API", contracts: { provides: ["a"], consumes: ["b"] } },
        { repo: "acme/portal", description: "P", contracts: { provides: ["b"], consumes: ["a"] } },
      ],
    });
    expect(() => deployOrder(cyclic.deploy!, cyclic.projects)).toThrow(DeployOrderError);
    expect(() => deployOrder(cyclic.deploy!, cyclic.projects)).toThrow(
      /acme\/portal → acme\/api → acme\/portal|acme\/api → acme\/portal → acme\/api/,
    );
  });
});

describe("deploy chain", () => {
  it("creates the provider's deployment first, of its default-branch head, with its workflow", () => {
    const c = chain();
    expect(c.state).toBe("running");
    expect(c.actions).toEqual([
      {
        kind: "create-deployment",
        repo: "acme/api",
        sha: "a".repeat(40),
        environment: "production",
        hubIssue: "acme/hub#1",
        description: "HavunCore: acme/hub#1",
        workflow: "deploy.yml",
      },
    ]);
  });

  it("waits while the provider's deployment is under way; creates nothing twice", () => {
    for (const state of ["queued", "in_progress", "pending"]) {
      const c = chain([deployment("acme/api", 7, state)]);
      expect(c.state).toBe("running");
      expect(c.actions).toEqual([]);
    }
  });

  it("starts the consumer only after the provider's success, then is done", () => {
    const next = chain([deployment("acme/api", 7, "success", "https://api.example.com")]);
    expect(next.actions).toMatchObject([
      { kind: "create-deployment", repo: "acme/portal", workflow: null },
    ]);
    const done = chain([
      deployment("acme/api", 7, "success"),
      deployment("acme/portal", 8, "success", "https://portal.example.com"),
    ]);
    expect(done.state).toBe("success");
    expect(done.actions).toEqual([]);
  });

  it("a failed deployment stops the chain: nothing after it is created", () => {
    for (const state of ["failure", "error"]) {
      const c = chain([deployment("acme/api", 7, state)]);
      expect(c.state).toBe("failure");
      expect(c.failed?.target.repo).toBe("acme/api");
      expect(c.actions).toEqual([]);
    }
  });

  it("after a writer's /deploy, a deployment that failed before it is made again", () => {
    const c = chain([deployment("acme/api", 7, "failure")], { deployAt: "2026-01-03T00:00:00Z" });
    expect(c.actions).toMatchObject([{ kind: "create-deployment", repo: "acme/api" }]);
  });

  it("a failed deployment made in the same second as /deploy (after it: GitHub's times are whole seconds) is not made again", () => {
    const failed = { ...deployment("acme/api", 7, "failure"), createdAt: "2026-01-03T00:00:05Z" };
    expect(chain([failed], { deployAt: "2026-01-03T00:00:05.600Z" }).actions).toEqual([]);
    expect(chain([failed], { deployAt: "2026-01-03T00:00:06Z" }).actions).toMatchObject([
      { kind: "create-deployment", repo: "acme/api" },
    ]);
  });

  it("a target with approval waits for /deploy", () => {
    const gated = releaseConfig({
      deploy: [{ repo: "acme/api", workflow: "deploy.yml", approval: true }],
    });
    const input = {
      order: gated.deploy!,
      release: release(),
      hubIssue: "acme/hub#1",
    };
    expect(deployChain({ ...input, approvedBy: null })).toMatchObject({
      state: "waiting-approval",
      actions: [],
    });
    expect(deployChain({ ...input, approvedBy: "wendy" }).actions).toHaveLength(1);
  });

  it("a deployment whose workflow never started (no status yet) gets it dispatched", () => {
    const c = chain([deployment("acme/api", 7, null)]);
    expect(c.actions).toEqual([
      {
        kind: "dispatch-deployment",
        repo: "acme/api",
        deploymentId: 7,
        sha: "a".repeat(40),
        environment: "production",
        workflow: "deploy.yml",
      },
    ]);
  });
});
