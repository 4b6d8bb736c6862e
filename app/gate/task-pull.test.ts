import { describe, expect, it } from "vitest";
import { evaluateGate } from "./evaluate-gate.ts";
import { inputs, spec, taskInput } from "./test-fixtures.ts";

describe("which pull request the gate checks as a task's", () => {
  it.each([
    [
      "a person's branch",
      { author: { login: "mallory", bot: false }, headRef: "feature" },
      "it was opened by `mallory`, not by `havuncore[bot]`; its branch is `feature`, not the task's `havun/1-api-plans`",
    ],
    [
      "a fork, on the task's branch name",
      { author: { login: "mallory", bot: false }, headRepo: "mallory/api" },
      "it was opened by `mallory`, not by `havuncore[bot]`; its branch is in the fork `mallory/api`",
    ],
    [
      "a workflow's token on the task's branch",
      { author: { login: "github-actions", bot: true } },
      "it was opened by `github-actions`, not by `havuncore[bot]`",
    ],
    [
      "a person whose login is the App's slug",
      { author: { login: "havuncore", bot: false } },
      "it was opened by `havuncore`, not by `havuncore[bot]`",
    ],
    [
      "the App's bot, in another repository",
      { repo: "acme/web", headRepo: "acme/web" },
      "the task's repository is `acme/api`, not `acme/web`",
    ],
  ])("never passes one from %s that closes the sub-issue, and says whose it is", (_, pull, why) => {
    const r = evaluateGate(inputs({ pull }));
    expect(r.conclusion).toBe("failure");
    expect(r.title).toBe("Not the pull request of task `api-plans`");
    expect(r.missing).toHaveLength(1);
    expect(r.missing[0]!.text).toContain(
      "closes [acme/api#3](https://gh.test/acme/api/issues/3), the sub-issue of task `api-plans` of [acme/hub#1](https://gh.test/acme/hub/issues/1), but it is not that task's pull request: ",
    );
    expect(r.missing[0]!.text).toContain(`${why}.`);
    expect(r.missing[0]!.text).toMatch(/^this pull request by `[a-z-]+` closes/);
    expect(r.summary).not.toContain("Acceptance");
  });

  it("fails a task's own pull request that also closes another task's sub-issue, naming both", () => {
    const other = taskInput({
      spec: spec({ id: "api-docs", title: "Docs" }),
      issue: { repo: "acme/api", number: 4, url: "https://gh.test/acme/api/issues/4" },
    });
    const r = evaluateGate(inputs({ tasks: [taskInput(), other] }));
    expect(r.conclusion).toBe("failure");
    expect(r.missing[0]).toEqual({
      kind: "task",
      text: "this pull request closes the sub-issues of 2 tasks, `api-plans` ([acme/api#3](https://gh.test/acme/api/issues/3)) and `api-docs` ([acme/api#4](https://gh.test/acme/api/issues/4)): a task's pull request closes only its own sub-issue (`api-plans`'s); remove the other closing references from its body",
    });
    expect(r.summary).toContain("- [x] Acceptance: all 2 criteria ticked");

    const outsider = evaluateGate(
      inputs({ tasks: [taskInput(), other], pull: { headRef: "feature" } }),
    );
    expect(outsider.title).toBe("Not the pull request of task `api-plans`, `api-docs`");
    expect(outsider.missing.map((m) => m.text.slice(0, 80))).toEqual([
      expect.stringContaining("closes [acme/api#3]"),
      expect.stringContaining("closes [acme/api#4]"),
    ]);
  });
});
