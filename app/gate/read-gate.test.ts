import { describe, expect, it } from "vitest";
import { emptyControl, renderControl } from "../core/control.ts";
import { managedSection } from "../spec/managed-section.ts";
import { renderSpecBlock } from "../spec/spec-block.ts";
import { signerFromPrivateKey, type MarkerSigner } from "../trust/marker-signer.ts";
import { TEST_SIGNER } from "../trust/test-signer.ts";
import { evaluateGate } from "./evaluate-gate.ts";
import type { GateQueryResult } from "./gate-query.ts";
import { gateFromQuery } from "./read-gate.ts";
import { contracts, spec, TICKED } from "./test-fixtures.ts";

type PullNode = NonNullable<NonNullable<GateQueryResult["repository"]>["pullRequest"]>;
type ClosingNode = PullNode["closingIssuesReferences"]["nodes"][number];

const OTHER_APP = signerFromPrivateKey(
  "-----BEGIN PRIVATE KEY-----\nanother app\n-----END PRIVATE KEY-----",
);
const BOT = { __typename: "Bot", login: "havuncore" };
const failedBreaking = contracts("FAILURE", { openapi: "breaking" });

const hubBody = (control: string) =>
  `/orchestrate plans\n\n${managedSection("status", `Status\n${control}`)}`;
const declared = (signer: MarkerSigner) =>
  renderControl(
    { ...emptyControl(), breaking: [{ contract: "payments", by: "wendy", reason: "" }] },
    signer,
  );

function subIssue(
  over: { body?: string; author?: ClosingNode["author"]; hub?: string; parentNumber?: number } = {},
): ClosingNode {
  return {
    number: 3,
    url: "https://gh.test/acme/api/issues/3",
    state: "OPEN",
    stateReason: null,
    body: over.body ?? `Task\n\n${renderSpecBlock(spec(), TEST_SIGNER)}`,
    author: over.author ?? BOT,
    repository: { nameWithOwner: "acme/api" },
    parent: {
      number: over.parentNumber ?? 1,
      url: "https://gh.test/acme/hub/issues/1",
      body: over.hub ?? hubBody(renderControl(emptyControl(), TEST_SIGNER)),
      repository: { nameWithOwner: "acme/hub" },
      subIssues: { nodes: [] },
    },
  };
}

function pullNode(closing: ClosingNode[]): PullNode {
  return {
    number: 7,
    url: "https://gh.test/acme/api/pull/7",
    state: "OPEN",
    body: `Closes acme/api#3\n\n${TICKED}`,
    headRefName: "havun/1-api-plans",
    headRefOid: "abcdef1234",
    isCrossRepository: false,
    headRepository: { nameWithOwner: "acme/api" },
    author: BOT,
    editor: { __typename: "User", login: "wendy" },
    closingIssuesReferences: { totalCount: closing.length, nodes: closing },
    statusCheckRollup: {
      contexts: {
        nodes: [
          {
            __typename: "CheckRun",
            databaseId: failedBreaking.id,
            name: failedBreaking.name,
            status: "COMPLETED",
            conclusion: "FAILURE",
            title: failedBreaking.title,
            summary: failedBreaking.summary,
            url: failedBreaking.url,
            checkSuite: { app: { slug: "github-actions" } },
          },
        ],
      },
    },
  };
}

const read = (closing: ClosingNode[]) =>
  gateFromQuery("acme/api", pullNode(closing), { appSlug: "havuncore", signer: TEST_SIGNER });

/** The gate with the editor's permission as read-gate asks it (wendy writes). */
const gate = (closing: ClosingNode[]) => {
  const r = read(closing);
  r.inputs.pull.editor!.canWrite = true;
  return evaluateGate(r.inputs);
};

describe("what the gate reads from GitHub's answer", () => {
  it("honours a breaking change declared in the hub's signed control state", () => {
    const r = read([subIssue({ hub: hubBody(declared(TEST_SIGNER)) })]);
    expect(r.inputs.tasks[0]!.breaking).toEqual([
      { contract: "payments", by: "wendy", reason: "" },
    ]);
    expect(gate([subIssue({ hub: hubBody(declared(TEST_SIGNER)) })]).conclusion).toBe("success");
  });

  it("ignores a breaking-change marker in the hub issue's text, and a control state the App did not sign", () => {
    const marker = `<!-- havun:breaking contract=payments -->\n${hubBody(renderControl(emptyControl(), TEST_SIGNER))}`;
    expect(read([subIssue({ hub: marker })]).inputs.tasks[0]!.breaking).toEqual([]);
    expect(gate([subIssue({ hub: marker })]).missing[0]!.text).toContain(
      "no breaking change of `payments` is declared",
    );
    const forged = hubBody(declared(OTHER_APP));
    expect(read([subIssue({ hub: forged })]).inputs.tasks[0]!.breaking).toEqual([]);
    const outside = `${declared(TEST_SIGNER)}\n${hubBody(renderControl(emptyControl(), TEST_SIGNER))}`;
    expect(read([subIssue({ hub: outside })]).inputs.tasks[0]!.breaking).toEqual([]);
  });

  it("trusts only specs the App signed, in issues its bot wrote, under their hub issue", () => {
    const forged = read([subIssue({ body: renderSpecBlock(spec(), OTHER_APP) })]).inputs;
    expect(forged.tasks).toEqual([]);
    expect(forged.problems[0]).toContain(
      "(its signature does not verify: it was edited or copied)",
    );
    const copied = read([subIssue({ author: { __typename: "User", login: "mallory" } })]).inputs;
    expect(copied.problems[0]).toContain("(not written by the App)");
    const moved = read([subIssue({ parentNumber: 2 })]).inputs;
    expect(moved.problems[0]).toContain(
      "of task `api-plans` is not a sub-issue of its hub issue acme/hub#1",
    );
    const plain = read([subIssue({ body: "Please fix the typo" })]).inputs;
    expect(plain).toMatchObject({ tasks: [], problems: [] });
  });

  it("reads every closed task, and fails when more are closed than it reads", () => {
    const two = read([subIssue(), { ...subIssue(), number: 4 }]).inputs;
    expect(two.tasks.map((t) => t.issue.number)).toEqual([3, 4]);
    const node = pullNode([subIssue()]);
    node.closingIssuesReferences.totalCount = 11;
    const many = gateFromQuery("acme/api", node, { appSlug: "havuncore", signer: TEST_SIGNER });
    expect(many.inputs.problems).toEqual([
      "the pull request closes 11 issues, more than the 10 the gate reads: a task's pull request closes only its own sub-issue",
    ]);
  });

  it("reads the author, the fork and the body's last editor", () => {
    const node = pullNode([subIssue()]);
    node.isCrossRepository = true;
    node.headRepository = null;
    node.author = { __typename: "User", login: "mallory" };
    node.editor = { __typename: "Bot", login: "github-actions" };
    const { pull } = gateFromQuery("acme/api", node, {
      appSlug: "havuncore",
      signer: TEST_SIGNER,
    }).inputs;
    expect(pull).toMatchObject({
      author: { login: "mallory", bot: false },
      headRepo: null,
      editor: { login: "github-actions", bot: true, canWrite: null },
    });
    expect(
      evaluateGate(
        gateFromQuery("acme/api", node, { appSlug: "havuncore", signer: TEST_SIGNER }).inputs,
      ).missing[0]!.text,
    ).toContain("its branch is in a deleted fork");
  });

  it("counts a commit status like a check run: a failing `havun/contracts` status from GitHub Actions fails the gate, a pending one waits, one from a person is ignored", () => {
    const withStatus = (
      state: "FAILURE" | "ERROR" | "PENDING" | "SUCCESS",
      creator: ActorNodeLike,
    ) => {
      const node = pullNode([subIssue()]);
      node.statusCheckRollup = {
        contexts: {
          nodes: [
            {
              __typename: "StatusContext",
              context: "havun/contracts",
              state,
              description: "2 breaking changes",
              targetUrl: "https://ci.example.com/7",
              creator,
            },
          ],
        },
      };
      const r = gateFromQuery("acme/api", node, { appSlug: "havuncore", signer: TEST_SIGNER });
      r.inputs.pull.editor!.canWrite = true;
      return evaluateGate(r.inputs);
    };
    const actions = { __typename: "Bot", login: "github-actions" };
    for (const state of ["FAILURE", "ERROR"] as const) {
      const failed = withStatus(state, actions);
      expect(failed.conclusion).toBe("failure");
      expect(failed.missing).toEqual([
        {
          kind: "contracts",
          text: `[\`havun/contracts\`](https://ci.example.com/7) ${state.toLowerCase()}: 2 breaking changes`,
        },
      ]);
    }
    expect(withStatus("PENDING", actions)).toMatchObject({ conclusion: null, missing: [] });
    expect(withStatus("SUCCESS", actions).conclusion).toBe("success");
    const byPerson = withStatus("SUCCESS", { __typename: "User", login: "mallory" });
    expect(byPerson.conclusion).toBe("failure");
    expect(byPerson.summary).toContain("is ignored: only `github-actions`'s contract checks count");
  });
});

type ActorNodeLike = { __typename: string; login: string };
