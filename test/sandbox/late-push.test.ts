import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { afterPush } from "../../sandbox/ops/push.ts";
import { reviewWorld } from "./review-fixture.ts";

/**
 * A push is processed after git answers the client, so a pull request can be opened on the
 * pushed commit before the push reaches it (the publish job pushes, then opens its pull request at
 * once). GitHub's `synchronize` means "the head branch was updated": a push that brings a pull
 * request nothing new does not synchronize it.
 */
let w: Awaited<ReturnType<typeof reviewWorld>>;
beforeAll(async () => {
  w = await reviewWorld();
});
afterAll(() => w.stop());

describe("a push processed after the pull request opened on its commit", () => {
  it("does not synchronize the pull request; a later push with a new commit does", async () => {
    const pr = await w.openPull("late", { "late.txt": "one\n" });
    const main = (await w.gh("alice").git.getRef({ ...w.repo, ref: "heads/main" })).data.object.sha;
    const repo = w.sb.core.store.repo("acme", "api")!;
    const alice = w.sb.core.store.state.accounts.find((a) => a.login === "alice")!;
    const actor = { accountId: alice.id, via: "user" as const, appId: null };
    const before = (await w.delivered("pull_request", "synchronize")).length;
    // The push of the commit the pull request was opened on, processed late.
    await afterPush(w.sb.core, actor, repo, [
      { ref: "refs/heads/late", oldSha: main, newSha: pr.head.sha },
    ]);
    await w.write("late", { "late.txt": "two\n" }, "will");
    const sync = (await w.delivered("pull_request", "synchronize")).slice(before);
    expect(sync.map((h) => [h.body.number, h.body.before])).toEqual([[pr.number, pr.head.sha]]);
  });
});
