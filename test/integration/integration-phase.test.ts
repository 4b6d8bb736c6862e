import { describe, expect, it } from "vitest";
import { hubConfigSchema } from "../../app/config/hub-config-schema.ts";
import { integrationPhase } from "../../app/integration/integration-phase.ts";
import { releaseHubOf } from "../../app/deploy/release-event.ts";
import { release, releaseConfig } from "../deploy/release-fixtures.ts";

const config = releaseConfig();
const run = (status: string, conclusion: string | null, headSha = "a".repeat(40)) => ({
  repo: "acme/api",
  workflow: "contracts.yml",
  headSha,
  status,
  conclusion,
  url: "https://github.com/acme/api/actions/runs/5",
});
const phase = (r = release(), dispatched: string[] = []) =>
  integrationPhase({
    config: config.integration,
    release: { ...r, starts: { "acme/api": "0".repeat(40) } },
    hubRepo: "acme/hub",
    hubIssue: "acme/hub#1",
    dispatched,
    defaultBranch: () => "main",
  });

describe("integration phase", () => {
  it("dispatches each workflow once on the default branch, with the orchestration's refs as inputs", () => {
    const p = phase();
    expect(p.state).toBe("running");
    expect(p.actions).toEqual([
      {
        kind: "dispatch-workflow",
        repo: "acme/api",
        workflow: "contracts.yml",
        ref: "main",
        inputs: { hub_issue: "acme/hub#1", base: "0".repeat(40), head: "a".repeat(40) },
      },
    ]);
    // Recorded: a redelivered event (its run not started yet) dispatches nothing again.
    expect(phase(release(), p.dispatched).actions).toEqual([]);
  });

  it("a green run puts a successful havun/integration check on the hub's head, once", () => {
    const p = phase(release({ runs: [run("completed", "success")] }));
    expect(p.state).toBe("success");
    expect(p.actions).toMatchObject([
      {
        kind: "integration-check",
        repo: "acme/hub",
        headSha: "h".repeat(40),
        conclusion: "success",
      },
    ]);
    const again = phase(
      release({
        runs: [run("completed", "success")],
        checks: [{ id: 1, externalId: p.externalId, conclusion: "success" }],
      }),
    );
    expect(again.actions).toEqual([]);
  });

  it("a failed run fails the check with its link; a running one waits", () => {
    expect(phase(release({ runs: [run("in_progress", null)] })).state).toBe("running");
    const failed = phase(release({ runs: [run("completed", "failure")] }));
    expect(failed.state).toBe("failure");
    expect(failed.actions[0]).toMatchObject({ kind: "integration-check", conclusion: "failure" });
    expect(JSON.stringify(failed.actions[0])).toContain("actions/runs/5");
  });

  it("new heads (a retried task merged) start a new round: a run of the old head does not count", () => {
    const old = phase(release({ runs: [run("completed", "failure", "b".repeat(40))] }));
    expect(old.actions).toMatchObject([{ kind: "dispatch-workflow" }]);
  });
});

describe("integration and deploy config", () => {
  it("refuses a deploy target that says neither how it deploys, and an unknown input placeholder", () => {
    const bad = hubConfigSchema.safeParse({
      projects: [{ repo: "acme/api", description: "API" }],
      deploy: [{ repo: "acme/api" }],
      integration: { workflows: [{ repo: "acme/api", workflow: "i.yml", inputs: { x: "{sha}" } }] },
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join("\n");
    expect(messages).toContain("either `workflow` or `github_deployments_only: true`");
    expect(messages).toContain("unknown placeholder {sha}");
  });
});

describe("which orchestration a release event is about", () => {
  it("reads a deployment's payload and a dispatched run's title; other runs route nothing", () => {
    expect(releaseHubOf({ deployment: { payload: { havun: "acme/hub#12" } } })).toEqual({
      hub: "acme/hub",
      number: 12,
    });
    expect(
      releaseHubOf({
        workflow_run: { event: "workflow_dispatch", display_title: "integration acme/hub#3" },
      }),
    ).toEqual({ hub: "acme/hub", number: 3 });
    expect(
      releaseHubOf({ workflow_run: { event: "push", display_title: "fix acme/hub#3" } }),
    ).toBeNull();
  });
});
