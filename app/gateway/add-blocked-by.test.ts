import { afterEach, describe, expect, it } from "vitest";
import type { Action } from "../core/actions.ts";
import type { IssueRef } from "../core/state.ts";
import { applyActions } from "./apply-actions.ts";
import { gatewaySandbox } from "./write-test-fixture.ts";

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function setup() {
  const g = await gatewaySandbox();
  stop = () => g.sb.stop();
  return g;
}

const link = (issue: IssueRef, blockedBy: IssueRef): Action => ({
  kind: "add-blocked-by",
  issue,
  blockedBy,
});

async function blockersOf(g: Awaited<ReturnType<typeof setup>>, issue: IssueRef) {
  const r = await g.alice.issues.listDependenciesBlockedBy({
    owner: "acme",
    repo: issue.repo.split("/")[1]!,
    issue_number: issue.number,
  });
  return r.data.map((i) => i.number).sort((a, b) => a - b);
}

describe("blocked-by links", () => {
  it("makes every link of one apply in one aliased addBlockedBy request, before the labels", async () => {
    const g = await setup();
    const [design, build, docs] = [
      await g.issue("api", "Design"),
      await g.issue("portal", "Build"),
      await g.issue("api", "Docs"),
    ];
    const mark = g.sb.log.mark();
    await applyActions(g.app, design, [
      { kind: "add-labels", issue: build, labels: ["havun:blocked"] },
      link(build, design),
      link(docs, design),
      link(docs, build),
    ]);
    expect(g.asked(mark)).toEqual([
      "graphql AddBlockedBy",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/labels",
    ]);
    expect(await blockersOf(g, build)).toEqual([design.number]);
    expect(await blockersOf(g, docs)).toEqual([design.number, build.number].sort((a, b) => a - b));
  });

  it("counts a link that already exists as done and makes the others", async () => {
    const g = await setup();
    const [a, b, c] = [
      await g.issue("api", "A"),
      await g.issue("api", "B"),
      await g.issue("portal", "C"),
    ];
    await g.alice.request(
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by",
      {
        owner: "acme",
        repo: "api",
        issue_number: b.number,
        issue_id: a.id,
      },
    );
    const mark = g.sb.log.mark();
    await applyActions(g.app, a, [link(b, a), link(c, b)]);
    expect(g.asked(mark)).toEqual(["graphql AddBlockedBy"]);
    expect(await blockersOf(g, b)).toEqual([a.number]);
    expect(await blockersOf(g, c)).toEqual([b.number]);
  });

  it("throws any other refusal, naming the link, after making the rest", async () => {
    const g = await setup();
    const [a, b, c] = [
      await g.issue("api", "A"),
      await g.issue("api", "B"),
      await g.issue("api", "C"),
    ];
    await applyActions(g.app, a, [link(b, a)]);
    const mark = g.sb.log.mark();
    // a blocked by b would close a cycle (b is blocked by a).
    await expect(applyActions(g.app, a, [link(c, a), link(a, b)])).rejects.toThrow(
      `Could not mark acme/api#${a.number} blocked by acme/api#${b.number}: Adding this dependency would create a cycle.`,
    );
    // The refusal was not "already exists": the App looked before giving up.
    expect(g.asked(mark)).toEqual([
      "graphql AddBlockedBy",
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by",
    ]);
    expect(await blockersOf(g, c)).toEqual([a.number]);
    expect(await blockersOf(g, a)).toEqual([]);
  });

  it("sends at most 20 links a request", async () => {
    const g = await setup();
    const root = await g.issue("api", "Root");
    const blocked: IssueRef[] = [];
    for (let i = 0; i < 21; i++) blocked.push(await g.issue(i % 2 ? "portal" : "api", `T${i}`));
    const mark = g.sb.log.mark();
    await applyActions(
      g.app,
      root,
      blocked.map((b) => link(b, root)),
    );
    expect(g.asked(mark)).toEqual(["graphql AddBlockedBy", "graphql AddBlockedBy"]);
    for (const b of [blocked[0]!, blocked[19]!, blocked[20]!])
      expect(await blockersOf(g, b)).toEqual([root.number]);
  });
});
