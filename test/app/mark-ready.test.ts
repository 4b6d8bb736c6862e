import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyActions } from "../../app/gateway/apply-actions.ts";
import type { GitHubClient } from "../../app/gateway/client.ts";
import { reviewWorld } from "../sandbox/review-fixture.ts";

/**
 * Marking a task's draft ready for review: with the node id the reconcile read, one GraphQL
 * mutation and no read of the pull request; without it (or when the mutation is refused), the
 * pull request is read and marked only while it is still a draft.
 */
let w: Awaited<ReturnType<typeof reviewWorld>>;
beforeAll(async () => {
  w = await reviewWorld({ actions: false });
});
afterAll(() => w.stop());

const hub = { repo: "acme/api", number: 1, id: 1, nodeId: "unused" };
const isDraft = async (n: number) =>
  (await w.gh("alice").pulls.get({ ...w.repo, pull_number: n })).data.draft;
const since = (mark: number) => w.sb.log.entries.slice(mark).map((e) => `${e.method} ${e.route}`);

describe("mark-ready", () => {
  it("marks a draft with the node id the read gave it, without reading the pull request", async () => {
    const pr = await w.openPull("ready-a", { "a.md": "a\n" }, { draft: true });
    const mark = w.sb.log.mark();
    await applyActions(w.gh("alice") as unknown as GitHubClient, hub, [
      { kind: "mark-ready", repo: "acme/api", number: pr.number, nodeId: pr.node_id },
    ]);
    expect(since(mark)).toEqual(["POST /graphql"]);
    expect(await isDraft(pr.number)).toBe(false);
  });

  it("reads the pull request when the node id is unknown or refused, and leaves a ready one alone", async () => {
    const pr = await w.openPull("ready-b", { "b.md": "b\n" }, { draft: true });
    await applyActions(w.gh("alice") as unknown as GitHubClient, hub, [
      { kind: "mark-ready", repo: "acme/api", number: pr.number, nodeId: "PR_unknown" },
    ]);
    expect(await isDraft(pr.number)).toBe(false);
    const mark = w.sb.log.mark();
    await applyActions(w.gh("alice") as unknown as GitHubClient, hub, [
      { kind: "mark-ready", repo: "acme/api", number: pr.number },
    ]);
    expect(since(mark)).toEqual(["GET /repos/{owner}/{repo}/pulls/{pull_number}"]);
  });
});
