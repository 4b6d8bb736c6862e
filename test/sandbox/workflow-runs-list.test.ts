import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../sandbox/index.ts";
import { acmeSandbox, octokitFor } from "./fixtures.ts";

let sb: Sandbox;
beforeAll(async () => {
  sb = await acmeSandbox({
    seed: {
      repos: [
        {
          owner: "acme",
          name: "svc",
          files: {
            ".github/workflows/integration.yml":
              "name: integration\non: workflow_dispatch\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n",
          },
        },
      ],
    },
  });
});
afterAll(() => sb.stop());

describe("a workflow's runs (GET …/actions/workflows/{workflow_id}/runs)", () => {
  it("a workflow file on the default branch that never ran has no runs, by file name or id; an unknown one is 404", async () => {
    const gh = octokitFor(sb, sb.token("alice"));
    // Asked before anything listed the workflows: GitHub knows every file on the default branch.
    const byName = await gh.actions.listWorkflowRuns({
      owner: "acme",
      repo: "svc",
      workflow_id: "integration.yml",
    });
    expect(byName.data).toMatchObject({ total_count: 0, workflow_runs: [] });
    const wf = await gh.actions.getWorkflow({
      owner: "acme",
      repo: "svc",
      workflow_id: "integration.yml",
    });
    const byId = await gh.actions.listWorkflowRuns({
      owner: "acme",
      repo: "svc",
      workflow_id: wf.data.id,
    });
    expect(byId.data.total_count).toBe(0);
    await expect(
      gh.actions.listWorkflowRuns({ owner: "acme", repo: "svc", workflow_id: "nope.yml" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
