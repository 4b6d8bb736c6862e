import { describe, expect, it } from "vitest";
import { reconcile } from "../../app/core/reconcile.ts";
import { TEST_SIGNER } from "../../app/trust/test-signer.ts";
import { completeState, deployment, release, releaseConfig } from "./release-fixtures.ts";

const config = releaseConfig();
const run = (conclusion: string) => ({
  repo: "acme/api",
  workflow: "contracts.yml",
  headSha: "a".repeat(40),
  status: "completed",
  conclusion,
  url: "https://github.com/acme/api/actions/runs/5",
});
const go = (s: ReturnType<typeof completeState>) =>
  reconcile(s, config, { signer: TEST_SIGNER, appSlug: "havuncore", now: "2026-01-05T00:00:00Z" });
const kinds = (r: ReturnType<typeof go>) => r.actions.map((a) => a.kind);

describe("reconcile with the integration phase and deployments", () => {
  it("does not close when every task is done: it dispatches the integration workflow first", () => {
    const r = go(completeState(release()));
    expect(r.complete).toBe(true);
    expect(kinds(r)).toContain("dispatch-workflow");
    expect(kinds(r)).not.toContain("close");
    expect(r.control.integrationDispatched).toHaveLength(1);
  });

  it("a broken contract after merge: the check fails, the hub names the tasks involved, nothing deploys or closes", () => {
    const r = go(completeState(release({ runs: [run("failure")] })));
    expect(kinds(r)).not.toContain("create-deployment");
    expect(kinds(r)).not.toContain("close");
    const comment = r.actions.find((a) => a.kind === "comment");
    expect(comment).toMatchObject({ key: expect.stringMatching(/^integration-failed-/) });
    expect(comment?.kind === "comment" && comment.body).toContain("**api** (acme/api)");
    expect(comment?.kind === "comment" && comment.body).toContain("/retry");
  });

  it("green integration: the API deploys first; the portal only after its success", () => {
    const first = go(completeState(release({ runs: [run("success")] })));
    expect(first.actions.filter((a) => a.kind === "create-deployment")).toMatchObject([
      { repo: "acme/api" },
    ]);
    const second = go(
      completeState(
        release({ runs: [run("success")], deployments: [deployment("acme/api", 7, "success")] }),
      ),
    );
    expect(second.actions.filter((a) => a.kind === "create-deployment")).toMatchObject([
      { repo: "acme/portal" },
    ]);
  });

  it("a failed deployment stops the chain and is reported with its log link", () => {
    const r = go(
      completeState(
        release({ runs: [run("success")], deployments: [deployment("acme/api", 7, "failure")] }),
      ),
    );
    expect(kinds(r)).not.toContain("create-deployment");
    expect(kinds(r)).not.toContain("close");
    const comment = r.actions.find((a) => a.kind === "comment" && a.key === "deploy-failed-7");
    expect(comment?.kind === "comment" && comment.body).toContain(
      "https://github.com/acme/api/actions/runs/7",
    );
  });

  it("all deployed: the final report shows the integration result, each deployment with its URL, and the checklist; then it closes", () => {
    const r = go(
      completeState(
        release({
          runs: [run("success")],
          deployments: [
            deployment("acme/api", 7, "success", "https://api.example.com"),
            deployment("acme/portal", 8, "success", "https://portal.example.com"),
          ],
        }),
      ),
    );
    expect(kinds(r)).toContain("close");
    const report = r.actions.find((a) => a.kind === "comment" && a.key === "final-report");
    const body = report?.kind === "comment" ? report.body : "";
    expect(body).toContain("**Integration check:** ✅ success");
    expect(body).toMatch(
      /\| acme\/api \| production \| ✅ success.*\| https:\/\/api\.example\.com \|/,
    );
    expect(body).toMatch(
      /\| acme\/portal \| production \| ✅ success.*\| https:\/\/portal\.example\.com \|/,
    );
    expect(body.indexOf("acme/api | production")).toBeLessThan(
      body.indexOf("acme/portal | production"),
    );
    expect(body).toContain("- [ ] Run the payments migration");
  });

  it("without the release read yet, it waits rather than closing", () => {
    expect(kinds(go(completeState(null)))).not.toContain("close");
  });
});
