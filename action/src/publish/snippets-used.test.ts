import { describe, expect, it } from "vitest";
import type { TaskSpec } from "../../../app/spec/task-spec.ts";
import type { RunResultFile } from "../shared/run-files.ts";
import { snippetsUsed } from "./snippets-used.ts";

const spec = (snippets: string[], hub_commit?: string) =>
  ({
    v: 1,
    hub: "acme/hub",
    hub_issue: 7,
    attempt: 1,
    ...(hub_commit ? { hub_commit } : {}),
    task: { id: "api", snippets },
  }) as unknown as TaskSpec;
const result = (given?: string[]) => ({ ...(given ? { snippets: given } : {}) }) as RunResultFile;

describe("the pull request's Snippets used", () => {
  it("lists the attached ids inert, with the hub commit, marking any not given", () => {
    const lines = snippetsUsed(
      spec(["pay/plans", "pay/gone"], "f".repeat(40)),
      result(["pay/plans"]),
    );
    expect(lines).toEqual([
      "### Snippets used",
      "",
      "_Code from the snippet library of `acme/hub` at commit `ffffffffffff`, given to the agent with the task._",
      "",
      "- `pay/plans`",
      "- `pay/gone` — not given to the agent (see the run log)",
      "",
    ]);
  });

  it("renders nothing for a task without snippets", () => {
    expect(snippetsUsed(spec([]), result())).toEqual([]);
  });
});
