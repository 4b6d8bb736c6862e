import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, CHANGED_APP_JS, reviewWorld } from "./review-fixture.ts";

/**
 * Review comments as GitHub's REST reference ("Pull request review comments") states them: a
 * comment sits on a line the pull request's diff shows on its side (422 otherwise), carries the
 * diff hunk down to that line, belongs to a review (a single comment gets a COMMENTED one), and a
 * reply joins the thread of the first comment. GraphQL shows the threads; a push that changes the
 * commented line makes its thread outdated, and a resolved thread says who resolved it.
 */
let w: Awaited<ReturnType<typeof reviewWorld>>;
let number = 0;
let head = "";
beforeAll(async () => {
  w = await reviewWorld({ actions: false });
  const pr = await w.openPull("feature", { "src/app.js": CHANGED_APP_JS });
  number = pr.number;
  head = pr.head.sha;
});
afterAll(() => w.stop());

const comment = (login: string, body: { body: string } & Record<string, unknown>) =>
  answer(
    w.gh(login).request("POST /repos/{owner}/{repo}/pulls/{pull_number}/comments", {
      ...w.repo,
      pull_number: number,
      commit_id: head,
      path: "src/app.js",
      ...body,
    }),
  );

const threads = async (login = "alice") =>
  (
    await w.gh(login).graphql<any>(
      `query($n: Int!) { repository(owner: "acme", name: "api") { pullRequest(number: $n) {
        reviewDecision
        reviews(first: 20) { nodes { author { login } state body submittedAt comments(first: 5) { nodes { body } } } }
        reviewThreads(first: 20) { nodes { id isResolved isOutdated path line originalLine diffSide
          resolvedBy { login } comments(first: 10) { nodes { author { login } body databaseId outdated replyTo { databaseId } } } } }
      } } }`,
      { n: number },
    )
  ).repository.pullRequest;

let first = 0;
describe("a comment on a line of the diff", () => {
  it("gets its own COMMENTED review, the diff hunk down to its line, and both webhooks", async () => {
    const c = await comment("ron", { body: "Off by one?", line: 13, side: "RIGHT" });
    expect(c.status).toBe(201);
    first = c.data.id;
    expect(c.data).toMatchObject({
      path: "src/app.js",
      line: 13,
      original_line: 13,
      side: "RIGHT",
      position: 13,
      subject_type: "line",
      commit_id: head,
      original_commit_id: head,
      start_line: null,
    });
    expect(c.data.diff_hunk).toMatch(
      /^@@ -10,6 \+10,7 @@.*\n line 10\n line 11\n line 12\n\+line 12\.5$/,
    );
    expect(c.data).not.toHaveProperty("in_reply_to_id");
    const r = await w.gh("ron").pulls.getReview({
      ...w.repo,
      pull_number: number,
      review_id: c.data.pull_request_review_id,
    });
    expect(r.data).toMatchObject({ state: "COMMENTED", body: "" });
    expect(
      (await w.delivered("pull_request_review_comment", "created")).at(-1)?.body.comment.id,
    ).toBe(first);
    expect((await w.delivered("pull_request_review", "submitted")).at(-1)?.body.review.id).toBe(
      r.data.id,
    );
  });

  it("takes a position or a range within one hunk", async () => {
    const byPosition = await comment("alice", { body: "This one", position: 4 });
    expect(byPosition.data).toMatchObject({ side: "LEFT", line: 5, position: 4 });
    const range = await comment("alice", { body: "These", start_line: 3, line: 7 });
    expect(range.data).toMatchObject({ start_line: 3, line: 7, start_side: "RIGHT" });
  });

  it("is refused off the diff with GitHub's 422s", async () => {
    const path = await comment("alice", { body: "x", path: "README.md", line: 1 });
    expect(path).toMatchObject({
      status: 422,
      data: { message: "Validation Failed", errors: [{ field: "path", code: "invalid" }] },
    });
    const line = await comment("alice", { body: "x", line: 9 });
    expect(line.data.errors).toEqual([
      {
        resource: "PullRequestReviewComment",
        code: "custom",
        field: "pull_request_review_thread.line",
        message: "pull_request_review_thread.line must be part of the diff",
      },
      {
        resource: "PullRequestReviewComment",
        code: "missing_field",
        field: "pull_request_review_thread.diff_hunk",
      },
    ]);
    const span = await comment("alice", { body: "x", start_line: 3, line: 11 });
    expect(span.data.errors.map((e: any) => e.message)).toEqual([
      "pull_request_review_thread.start_line must be part of the same hunk as the line.",
    ]);
    const inReview = await answer(
      w.gh("alice").pulls.createReview({
        ...w.repo,
        pull_number: number,
        event: "COMMENT",
        comments: [{ path: "src/app.js", line: 20, body: "x" }],
      }),
    );
    expect(inReview).toMatchObject({
      status: 422,
      data: {
        message: "Unprocessable Entity",
        errors: [
          "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank",
        ],
      },
    });
  });
});

describe("replies", () => {
  it("join the thread of its first comment, also when answering a reply", async () => {
    const reply = await answer(
      w.gh("will").pulls.createReplyForReviewComment({
        ...w.repo,
        pull_number: number,
        comment_id: first,
        body: "Fixed in the next push",
      }),
    );
    expect(reply.data).toMatchObject({ in_reply_to_id: first, line: 13, path: "src/app.js" });
    const nested = await comment("ron", { body: "Thanks", in_reply_to: reply.data.id });
    expect(nested.data.in_reply_to_id).toBe(first);
    const pr = await threads();
    const thread = pr.reviewThreads.nodes.find((t: any) =>
      t.comments.nodes.some((c: any) => c.databaseId === first),
    );
    expect(thread).toMatchObject({
      isResolved: false,
      isOutdated: false,
      path: "src/app.js",
      line: 13,
    });
    expect(thread.comments.nodes.map((c: any) => [c.author.login, c.body])).toEqual([
      ["ron", "Off by one?"],
      ["will", "Fixed in the next push"],
      ["ron", "Thanks"],
    ]);
    expect(pr.reviewDecision).toBeNull(); // no branch rule requires reviews
    expect(pr.reviews.nodes.map((r: any) => r.state)).toEqual(
      expect.arrayContaining(["COMMENTED"]),
    );
  });

  it("are edited and deleted by their author or a writer", async () => {
    const [root] = (await w.gh("ron").pulls.listReviewComments({ ...w.repo, pull_number: number }))
      .data;
    const edit = (login: string, body: string) =>
      answer(w.gh(login).pulls.updateReviewComment({ ...w.repo, comment_id: root!.id, body }));
    expect((await edit("tess", "Not mine")).status).toBe(403);
    expect((await edit("ron", "Off by one, surely?")).data.body).toBe("Off by one, surely?");
    const edited = await w.delivered("pull_request_review_comment", "edited");
    expect(edited.at(-1)?.body.changes).toEqual({ body: { from: "Off by one?" } });
    const extra = await comment("ron", { body: "Scratch that", line: 14 });
    const del = await answer(
      w.gh("will").pulls.deleteReviewComment({ ...w.repo, comment_id: extra.data.id }),
    );
    expect(del.status).toBe(204);
    const gone = await answer(
      w.gh("will").pulls.getReviewComment({ ...w.repo, comment_id: extra.data.id }),
    );
    expect(gone.status).toBe(404);
    expect(
      (await w.delivered("pull_request_review_comment", "deleted")).at(-1)?.body.comment.id,
    ).toBe(extra.data.id);
  });

  it("keep their thread when its first comment is deleted", async () => {
    const opener = await comment("ron", { body: "Opener", line: 6 });
    const answerIt = await comment("will", { body: "Kept", in_reply_to: opener.data.id });
    await w.gh("ron").pulls.deleteReviewComment({ ...w.repo, comment_id: opener.data.id });
    const pr = await threads();
    const thread = pr.reviewThreads.nodes.find(
      (t: any) => t.comments.nodes[0].databaseId === answerIt.data.id,
    );
    expect(thread?.comments.nodes.map((c: any) => c.body)).toEqual(["Kept"]);
  });
});

describe("threads after a push, and resolving them", () => {
  it("outdates a thread whose line changed and moves one below an insertion", async () => {
    const below = await comment("alice", { body: "And this", line: 15 });
    await w.write(
      "feature",
      { "src/app.js": CHANGED_APP_JS.replace("line 12.5\n", "line 12.5 (fixed)\nline 12.75\n") },
      "will",
    );
    const listed = (
      await w.gh("alice").pulls.listReviewComments({ ...w.repo, pull_number: number })
    ).data;
    const root = listed.find((c) => c.id === first)!;
    expect(root).toMatchObject({ line: null, position: null, original_line: 13, commit_id: head });
    const moved = listed.find((c) => c.id === below.data.id)!;
    expect(moved).toMatchObject({ line: 16, original_line: 15 });
    expect(moved.commit_id).not.toBe(head);
    const pr = await threads();
    const outdated = pr.reviewThreads.nodes.find(
      (t: any) => t.comments.nodes[0].databaseId === first,
    );
    expect(outdated).toMatchObject({ isOutdated: true, line: null, originalLine: 13 });
    expect(outdated.comments.nodes[0].outdated).toBe(true);
    const current = pr.reviewThreads.nodes.find(
      (t: any) => t.comments.nodes[0].databaseId === below.data.id,
    );
    expect(current).toMatchObject({ isOutdated: false, line: 16 });
  });

  it("lets the author or a writer resolve a thread, and says who did", async () => {
    const pr = await threads();
    const thread = pr.reviewThreads.nodes.find(
      (t: any) => t.comments.nodes[0].databaseId === first,
    );
    const resolve = (login: string) =>
      w
        .gh(login)
        .graphql<any>(
          `mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { isResolved resolvedBy { login } } } }`,
          { id: thread.id },
        )
        .catch((e: any) => e);
    const refused = await resolve("ron");
    expect(refused.errors?.[0]).toMatchObject({ type: "FORBIDDEN" });
    const done = await resolve("will");
    expect(done.resolveReviewThread.thread).toEqual({
      isResolved: true,
      resolvedBy: { login: "will" },
    });
    const hooks = await w.delivered("pull_request_review_thread", "resolved");
    expect(hooks.at(-1)?.body.thread.node_id).toBe(thread.id);
    expect(hooks.at(-1)?.body.thread.comments).toHaveLength(3);
  });

  it("takes a GraphQL reply on the thread", async () => {
    const pr = await threads();
    const thread = pr.reviewThreads.nodes.find(
      (t: any) => t.comments.nodes[0].databaseId === first,
    );
    const out = await w.gh("alice").graphql<any>(
      `mutation($id: ID!) { addPullRequestReviewThreadReply(input: {pullRequestReviewThreadId: $id, body: "Agreed"}) {
        comment { body replyTo { databaseId } pullRequestReview { state } } } }`,
      { id: thread.id },
    );
    expect(out.addPullRequestReviewThreadReply.comment).toEqual({
      body: "Agreed",
      replyTo: { databaseId: first },
      pullRequestReview: { state: "COMMENTED" },
    });
  });
});
