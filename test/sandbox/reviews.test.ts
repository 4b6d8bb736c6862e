import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, CHANGED_APP_JS, reviewWorld } from "./review-fixture.ts";

/**
 * Pull request reviews as GitHub's REST reference ("Pull request reviews") and its answers state
 * them: the author may not approve or request changes on their own pull request; anyone who can
 * read may comment or approve; a review created without `event` stays PENDING, without
 * `submitted_at`, seen only by its author, one per person; only approvals and requests for changes
 * can be dismissed, by writers; `pull_request_review` webhooks on submit, edit and dismissal.
 */
let w: Awaited<ReturnType<typeof reviewWorld>>;
let number = 0;
beforeAll(async () => {
  w = await reviewWorld({ actions: false });
  number = (await w.openPull("feature", { "src/app.js": CHANGED_APP_JS })).number;
});
afterAll(() => w.stop());

const review = (login: string, body: Record<string, unknown>) =>
  answer(
    w.gh(login).request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
      ...w.repo,
      pull_number: number,
      ...body,
    }),
  );

describe("who may review", () => {
  it("refuses the author's own approval and request for changes with GitHub's 422", async () => {
    const approve = await review("will", { event: "APPROVE" });
    expect(approve).toMatchObject({
      status: 422,
      data: { message: "Unprocessable Entity", errors: ["Can not approve your own pull request"] },
    });
    const changes = await review("will", { event: "REQUEST_CHANGES", body: "hmm" });
    expect(changes.data.errors).toEqual(["Can not request changes on your own pull request"]);
    const comment = await review("will", { event: "COMMENT", body: "Note to self" });
    expect(comment).toMatchObject({ status: 200, data: { state: "COMMENTED" } });
  });

  it("lets a reader approve, and an App request changes with line comments", async () => {
    const approved = await review("ron", { event: "APPROVE" });
    expect(approved.status).toBe(200);
    expect(approved.data).toMatchObject({ state: "APPROVED", body: "", user: { login: "ron" } });
    expect(Date.parse(approved.data.submitted_at)).not.toBeNaN();
    const head = (await w.gh("ron").pulls.get({ ...w.repo, pull_number: number })).data.head.sha;
    expect(approved.data.commit_id).toBe(head);

    const bot = await w.app();
    const changes = await answer(
      bot.pulls.createReview({
        ...w.repo,
        pull_number: number,
        event: "REQUEST_CHANGES",
        body: "Two things",
        comments: [
          { path: "src/app.js", line: 5, side: "RIGHT", body: "Spell it as a digit" },
          { path: "src/app.js", line: 5, side: "LEFT", body: "Why was this removed?" },
        ],
      }),
    );
    expect(changes).toMatchObject({
      status: 200,
      data: { state: "CHANGES_REQUESTED", user: { login: "reviewer[bot]" } },
    });
    const comments = await w
      .gh("ron")
      .pulls.listCommentsForReview({ ...w.repo, pull_number: number, review_id: changes.data.id });
    expect(comments.data.map((c) => [c.side, c.line, c.position, c.body])).toEqual([
      ["RIGHT", 5, 5, "Spell it as a digit"],
      ["LEFT", 5, 4, "Why was this removed?"],
    ]);
    expect(comments.data[0]).toMatchObject({
      path: "src/app.js",
      commit_id: head,
      original_commit_id: head,
      pull_request_review_id: changes.data.id,
      diff_hunk: "@@ -2,7 +2,7 @@ line 1\n line 2\n line 3\n line 4\n-line 5\n+line five",
    });
    const submitted = await w.delivered("pull_request_review", "submitted");
    expect(submitted.at(-1)?.body.review).toMatchObject({
      id: changes.data.id,
      state: "changes_requested",
    });
    expect(submitted.at(-1)?.body.sender.login).toBe("reviewer[bot]");
    const created = await w.delivered("pull_request_review_comment", "created");
    expect(created.slice(-2).map((h) => h.body.comment.body)).toEqual([
      "Spell it as a digit",
      "Why was this removed?",
    ]);
  });

  it("needs something said to request changes or comment", async () => {
    const empty = await review("alice", { event: "REQUEST_CHANGES" });
    expect(empty).toMatchObject({
      status: 422,
      data: { errors: ["You need to leave a comment indicating the requested changes."] },
    });
  });
});

describe("a pending review", () => {
  let id = 0;
  it("has no submitted_at, is seen only by its author, and is one per person", async () => {
    const pending = await review("alice", {
      body: "Draft thoughts",
      comments: [{ path: "src/app.js", line: 13, body: "A new line?" }],
    });
    expect(pending.status).toBe(200);
    expect(pending.data.state).toBe("PENDING");
    expect(pending.data).not.toHaveProperty("submitted_at");
    id = pending.data.id;
    const mine = await w.gh("alice").pulls.listReviews({ ...w.repo, pull_number: number });
    expect(mine.data.map((r) => r.id)).toContain(id);
    const theirs = await w.gh("ron").pulls.listReviews({ ...w.repo, pull_number: number });
    expect(theirs.data.map((r) => r.id)).not.toContain(id);
    const peek = await answer(
      w.gh("ron").pulls.getReview({ ...w.repo, pull_number: number, review_id: id }),
    );
    expect(peek.status).toBe(404);
    const listed = await w.gh("ron").pulls.listReviewComments({ ...w.repo, pull_number: number });
    expect(listed.data.map((c) => c.body)).not.toContain("A new line?");
    const second = await review("alice", { event: "COMMENT", body: "Another" });
    expect(second).toMatchObject({
      status: 422,
      data: { errors: ["User can only have one pending review per pull request"] },
    });
    const hooks = await w.delivered("pull_request_review_comment", "created");
    expect(hooks.map((h) => h.body.comment.body)).not.toContain("A new line?");
  });

  it("is sent when submitted, with its comments", async () => {
    const submitted = await answer(
      w.gh("alice").pulls.submitReview({
        ...w.repo,
        pull_number: number,
        review_id: id,
        event: "COMMENT",
      }),
    );
    expect(submitted.data).toMatchObject({ state: "COMMENTED", body: "Draft thoughts" });
    expect(Date.parse(submitted.data.submitted_at)).not.toBeNaN();
    const again = await answer(
      w.gh("alice").pulls.submitReview({
        ...w.repo,
        pull_number: number,
        review_id: id,
        event: "APPROVE",
      }),
    );
    expect(again.status).toBe(422);
    const hooks = await w.delivered("pull_request_review_comment", "created");
    expect(hooks.at(-1)?.body.comment).toMatchObject({ body: "A new line?", line: 13 });
    const reviews = await w.delivered("pull_request_review", "submitted");
    expect(reviews.at(-1)?.body.review).toMatchObject({ id, state: "commented" });
  });

  it("can be deleted by its author, comments and all", async () => {
    const pending = await review("tess", {
      comments: [{ path: "src/app.js", line: 6, body: "scratch" }],
    });
    const gone = await answer(
      w.gh("tess").pulls.deletePendingReview({
        ...w.repo,
        pull_number: number,
        review_id: pending.data.id,
      }),
    );
    expect(gone).toMatchObject({ status: 200, data: { id: pending.data.id, state: "PENDING" } });
    const mine = await w.gh("tess").pulls.listReviews({ ...w.repo, pull_number: number });
    expect(mine.data.map((r) => r.id)).not.toContain(pending.data.id);
  });
});

describe("dismissing and editing reviews", () => {
  it("dismisses approvals and requests for changes only, and only for writers", async () => {
    const reviews = (await w.gh("alice").pulls.listReviews({ ...w.repo, pull_number: number }))
      .data;
    const approval = reviews.find((r) => r.state === "APPROVED")!;
    const commented = reviews.find((r) => r.state === "COMMENTED")!;
    const dismiss = (login: string, review_id: number) =>
      answer(
        w.gh(login).pulls.dismissReview({
          ...w.repo,
          pull_number: number,
          review_id,
          message: "Stale",
        }),
      );
    expect((await dismiss("ron", approval.id)).status).toBe(403);
    expect((await dismiss("tess", approval.id)).status).toBe(403);
    const done = await dismiss("will", approval.id);
    expect(done).toMatchObject({ status: 200, data: { state: "DISMISSED" } });
    expect((await dismiss("alice", approval.id)).data.errors).toEqual([
      "Can not dismiss a dismissed pull request review",
    ]);
    expect((await dismiss("alice", commented.id)).data.errors).toEqual([
      "Can not dismiss a commented pull request review",
    ]);
    const hooks = await w.delivered("pull_request_review", "dismissed");
    expect(hooks.at(-1)?.body.review).toMatchObject({ id: approval.id, state: "dismissed" });
  });

  it("edits a review's summary with pull_request_review.edited and the old body", async () => {
    const mine = (await w.gh("will").pulls.listReviews({ ...w.repo, pull_number: number })).data;
    const own = mine.find((r) => r.user?.login === "will")!;
    const edited = await answer(
      w.gh("will").pulls.updateReview({
        ...w.repo,
        pull_number: number,
        review_id: own.id,
        body: "Note to self, revised",
      }),
    );
    expect(edited.data.body).toBe("Note to self, revised");
    const byOther = await answer(
      w.gh("ron").pulls.updateReview({
        ...w.repo,
        pull_number: number,
        review_id: own.id,
        body: "Not mine",
      }),
    );
    expect(byOther.status).toBe(403);
    const hooks = await w.delivered("pull_request_review", "edited");
    expect(hooks.at(-1)?.body.changes).toEqual({ body: { from: "Note to self" } });
  });
});
