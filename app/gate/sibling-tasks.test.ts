import { describe, expect, it } from "vitest";
import { emptyControl, renderControl } from "../core/control.ts";
import { managedSection } from "../spec/managed-section.ts";
import { renderSpecBlock } from "../spec/spec-block.ts";
import { TEST_SIGNER } from "../trust/test-signer.ts";
import type { GatePullNode, SiblingNode } from "./gate-query.ts";
import { breakingChanged, isTaskIssue } from "./issue-events.ts";
import { siblingTasks } from "./sibling-tasks.ts";
import { spec } from "./test-fixtures.ts";

const BOT = { __typename: "Bot", login: "havuncore" };
const schema = spec({ id: "schema", title: "Schema" });

const pull = (over: Partial<GatePullNode> = {}): GatePullNode => ({
  number: 9,
  url: "https://gh.test/acme/api/pull/9",
  state: "OPEN",
  headRefName: "havun/1-schema",
  isCrossRepository: false,
  author: BOT,
  repository: { nameWithOwner: "acme/api" },
  ...over,
});

function node(over: Partial<SiblingNode> = {}, closer?: { number: number }): SiblingNode {
  return {
    number: 5,
    url: "https://gh.test/acme/api/issues/5",
    state: "OPEN",
    stateReason: null,
    body: renderSpecBlock(schema, TEST_SIGNER),
    author: BOT,
    repository: { nameWithOwner: "acme/api" },
    closedByPullRequestsReferences: { nodes: [pull()] },
    timelineItems: {
      nodes: closer
        ? [
            {
              closer: {
                __typename: "PullRequest",
                number: closer.number,
                repository: { nameWithOwner: "acme/api" },
              },
            },
          ]
        : [],
    },
    ...over,
  };
}

const tasks = (n: SiblingNode) => siblingTasks([n], "acme/hub", 1, "havuncore", TEST_SIGNER);
const outsider = pull({
  number: 8,
  headRefName: "feature",
  author: { __typename: "User", login: "mallory" },
});

describe("the orchestration's tasks as the gate sees them", () => {
  it("counts a task done by its own pull request's merge, not by another's", () => {
    const own = tasks(
      node({ closedByPullRequestsReferences: { nodes: [pull({ state: "MERGED" })] } }),
    );
    expect(own[0]).toMatchObject({ id: "schema", done: true, openPulls: [] });
    const other = tasks(
      node(
        {
          state: "CLOSED",
          stateReason: "COMPLETED",
          closedByPullRequestsReferences: { nodes: [pull(), { ...outsider, state: "MERGED" }] },
        },
        { number: 8 },
      ),
    );
    expect(other[0]).toMatchObject({
      done: false,
      state:
        "its sub-issue was closed by the merge of acme/api#8, which is not the task's pull request",
      openPulls: [{ repo: "acme/api", number: 9 }],
    });
    const byHand = tasks(node({ state: "CLOSED", stateReason: "COMPLETED" }));
    expect(byHand[0]).toMatchObject({ done: true, state: "its sub-issue was closed as completed" });
  });

  it("re-gates only the task's own open pull requests, and skips specs the App did not write", () => {
    const open = tasks(node({ closedByPullRequestsReferences: { nodes: [pull(), outsider] } }));
    expect(open[0]!.openPulls).toEqual([{ repo: "acme/api", number: 9 }]);
    expect(tasks(node({ author: { __typename: "User", login: "havuncore" } }))).toEqual([]);
    expect(
      tasks(
        node({ body: renderSpecBlock(spec({ id: "x1" }), TEST_SIGNER).replace("sig=", "sig=A") }),
      ),
    ).toEqual([]);
  });
});

describe("which issue events gate again", () => {
  const hub = (breaking: { contract: string; by: string; reason: string }[]) =>
    managedSection("status", renderControl({ ...emptyControl(), breaking }, TEST_SIGNER));

  it("a change of the hub's signed breaking declarations, not any other edit", () => {
    const before = hub([]);
    const after = hub([{ contract: "payments", by: "wendy", reason: "" }]);
    expect(breakingChanged(before, after, TEST_SIGNER)).toBe(true);
    expect(breakingChanged(after, `${after}\nmore text`, TEST_SIGNER)).toBe(false);
    expect(
      breakingChanged(before, `<!-- havun:breaking contract=payments -->\n${before}`, TEST_SIGNER),
    ).toBe(false);
    expect(breakingChanged(undefined, after, TEST_SIGNER)).toBe(false);
  });

  it("a task's sub-issue in its own repository", () => {
    const body = renderSpecBlock(spec(), TEST_SIGNER);
    expect(isTaskIssue("acme/api", body, TEST_SIGNER)).toBe(true);
    expect(isTaskIssue("acme/web", body, TEST_SIGNER)).toBe(false);
    expect(isTaskIssue("acme/api", "no spec", TEST_SIGNER)).toBe(false);
  });
});
