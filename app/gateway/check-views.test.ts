import { describe, expect, it } from "vitest";
import { pendingTrigger } from "../core/fix-rounds.ts";
import type { PullView } from "../core/state.ts";
import { checkViews } from "./check-views.ts";
import { toleratingHiddenStatuses } from "./partial-read.ts";

const actions = { __typename: "Bot", login: "github-actions" };
const pull = (checks: PullView["checks"]): PullView =>
  ({ headSha: "abc1234", mergeable: "MERGEABLE", checks }) as PullView;

describe("a pull request's checks, commit statuses included", () => {
  it("reads a failing or erroring commit status as a failing check, so a fix round starts", () => {
    for (const state of ["FAILURE", "ERROR"]) {
      const checks = checkViews([
        {
          databaseId: 5,
          name: "test",
          status: "COMPLETED",
          conclusion: "SUCCESS",
          checkSuite: { app: { slug: "github-actions" } },
        },
        { context: "ci/jenkins", state, creator: actions },
      ]);
      expect(checks[1]).toEqual({
        id: 0,
        name: "ci/jenkins",
        status: "COMPLETED",
        conclusion: state,
        app: "github-actions",
      });
      expect(pendingTrigger(pull(checks), "havuncore")).toMatchObject({
        kind: "checks",
        reason: "`ci/jenkins` fails",
      });
    }
  });

  it("waits for a pending status, and passes a successful one", () => {
    const pending = checkViews([{ context: "ci/jenkins", state: "PENDING", creator: null }]);
    expect(pending[0]).toMatchObject({ status: "PENDING", conclusion: null, app: null });
    expect(pendingTrigger(pull(pending), "havuncore")).toBeNull();
    const green = checkViews([{ context: "ci/jenkins", state: "SUCCESS", creator: null }]);
    expect(pendingTrigger(pull(green), "havuncore")).toBeNull();
  });

  it("leaves out a node the token may not read (null), and reads on past GitHub's error for it", async () => {
    expect(checkViews([null])).toEqual([]);
    const hidden = Object.assign(new Error("Resource not accessible by integration"), {
      data: { ok: true },
      errors: [
        {
          type: "FORBIDDEN",
          path: ["repository", "pullRequest", "statusCheckRollup", "contexts", "nodes", 0],
        },
      ],
    });
    await expect(toleratingHiddenStatuses(() => Promise.reject(hidden))).resolves.toEqual({
      ok: true,
    });
    const other = Object.assign(new Error("no"), {
      data: { ok: true },
      errors: [{ type: "NOT_FOUND", path: ["repository"] }],
    });
    await expect(toleratingHiddenStatuses(() => Promise.reject(other))).rejects.toBe(other);
  });
});
