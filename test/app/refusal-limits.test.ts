import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const hub = { owner: "havun", repo: "hub" };
const APP = "installation:havuncore[bot]";

/** The App's reactions on a comment, read from the sandbox's state. */
function botReactions(commentId: number): string[] {
  const bot = h.sb.core.store.account("havuncore[bot]")!;
  return h.sb.core.store.state.reactions
    .filter(
      (r) => r.subject.kind === "comment" && r.subject.id === commentId && r.userId === bot.id,
    )
    .map((r) => r.content)
    .sort();
}

describe("commands from someone without write access", () => {
  it("15 commands from a reader: 👎 reactions, one comment, the rest dropped, requests bounded", async () => {
    const issue = (await h.writer.issues.create({ ...hub, title: "plain", body: "A plain issue." }))
      .data.number;
    await h.settle();
    const mark = h.sb.log.mark();
    const started = Date.now();
    const ids: number[] = [];
    for (let i = 0; i < 15; i++) {
      const c = await h.reader.issues.createComment({
        ...hub,
        issue_number: issue,
        body: ["/status", "/cancel", "/orchestrate do it", "/approve", "/frobnicate"][i % 5]!,
      });
      ids.push(c.data.id);
    }
    await h.settle();
    const elapsed = Date.now() - started;

    const refused = ids.filter((id) => botReactions(id).includes("-1"));
    // The bucket starts full (10); it refills one token per 6 s (10 a minute).
    expect(ids.slice(0, 10).every((id) => refused.includes(id))).toBe(true);
    expect(refused.length).toBeLessThanOrEqual(10 + Math.floor(elapsed / 6000));
    for (const id of ids) {
      const r = botReactions(id);
      expect(r).toEqual(refused.includes(id) ? ["-1", "eyes"] : []); // dropped: not even 👀
    }

    const comments = (await h.writer.issues.listComments({ ...hub, issue_number: issue })).data;
    const fromApp = comments.filter((c) => c.user?.login === "havuncore[bot]");
    expect(fromApp).toHaveLength(1);
    expect(fromApp[0]!.body).toContain("write access");

    const counts = h.sb.log.counts(mark, APP);
    const posts = Object.entries(counts.byRoute)
      .filter(([k]) => /^POST .*\/comments$/.test(k))
      .reduce((s, [, n]) => s + n, 0);
    expect(posts).toBe(1);
    // Per refused command: 👀, the permission check, 👎; once: the lookup and the comment.
    expect(counts.requests).toBeLessThanOrEqual(3 * refused.length + 2);
  });

  it("a writer's commands are not limited by the reader's bucket, nor counted against it", async () => {
    const issue = (
      await h.writer.issues.create({ ...hub, title: "writer", body: "Another issue." })
    ).data.number;
    await h.settle();
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await h.writer.issues.createComment({ ...hub, issue_number: issue, body: "/help" });
      ids.push(c.data.id);
      await h.settle(); // each is answered before the next: its token is back
    }
    expect(ids.every((id) => botReactions(id).includes("eyes"))).toBe(true);
    expect(ids.some((id) => botReactions(id).includes("-1"))).toBe(false);
  });
});
