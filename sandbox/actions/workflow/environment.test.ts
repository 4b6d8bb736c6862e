import { describe, expect, it } from "vitest";
import { parseWorkflow, WorkflowError } from "./index.ts";

const FILE = ".github/workflows/deploy.yml";
const job = (environment: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n${environment}    steps:\n      - run: echo hi\n`;

function failure(yaml: string): WorkflowError {
  try {
    parseWorkflow(yaml, FILE);
  } catch (e) {
    if (e instanceof WorkflowError) return e;
    throw e;
  }
  throw new Error("the workflow was accepted");
}

describe("jobs.<job_id>.environment (GitHub's workflow syntax)", () => {
  it("takes the environment as just its name", () => {
    const wf = parseWorkflow(job("    environment: staging_environment\n"), FILE);
    expect(wf.jobs.deploy!.environment).toEqual({ name: "staging_environment" });
  });

  it("or as an object with name and url, both kept as expressions for run time", () => {
    const wf = parseWorkflow(
      job(
        "    environment:\n      name: ${{ github.ref_name }}\n      url: ${{ steps.step_id.outputs.url_output }}\n",
      ),
      FILE,
    );
    expect(wf.jobs.deploy!.environment).toEqual({
      name: "${{ github.ref_name }}",
      url: "${{ steps.step_id.outputs.url_output }}",
    });
  });

  it("refuses an object without a name, an empty name and unknown keys, naming the path", () => {
    expect(failure(job("    environment:\n      url: https://example.com\n")).path).toBe(
      "jobs.deploy.environment",
    );
    expect(failure(job("    environment: ''\n")).message).toContain("needs a name");
    const unknown = failure(job("    environment:\n      name: prod\n      reviewers: [me]\n"));
    expect(unknown.code).toBe("WORKFLOW_UNKNOWN_KEY");
    expect(unknown.construct).toBe("reviewers");
  });

  it("is not one of the keywords of a job that calls a reusable workflow", () => {
    const e = failure(
      "on: push\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n    environment: production\n",
    );
    expect(e.path).toBe("jobs.call");
    expect(e.construct).toBe("environment");
    expect(e.message).toContain("cannot be used in a job that calls a reusable workflow");
    expect(e.message).toContain("name it on the called workflow's jobs");
  });
});
