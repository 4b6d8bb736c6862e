import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, reviewWorld } from "./review-fixture.ts";

/**
 * Draft pull requests as GitHub has them: `draft: true` on create is kept (REST `draft`, GraphQL
 * `isDraft`, `mergeable_state: draft`); the REST update takes no `draft` (only GraphQL's
 * `markPullRequestReadyForReview` and `convertPullRequestToDraft` change it, for the author or
 * someone with write access), each with its `pull_request` webhook; merging a draft answers 405
 * "Pull Request is still a draft".
 */
let w: Awaited<ReturnType<typeof reviewWorld>>;
let pr: { number: number; node_id: string };
beforeAll(async () => {
  w = await reviewWorld({ actions: false });
  pr = await w.openPull("wip", { "notes.md": "work in progress\n" }, { draft: true });
});
afterAll(() => w.stop());

const get = async () => (await w.gh("alice").pulls.get({ ...w.repo, pull_number: pr.number })).data;
const isDraft = async () =>
  (
    await w
      .gh("alice")
      .graphql<any>(
        `query($n: Int!) { repository(owner: "acme", name: "api") { pullRequest(number: $n) { isDraft } } }`,
        { n: pr.number },
      )
  ).repository.pullRequest.isDraft;

const mutate = (login: string | "app", name: string) =>
  (async () => {
    const client = login === "app" ? await w.app() : w.gh(login);
    return client.graphql<any>(
      `mutation($id: ID!) { ${name}(input: {pullRequestId: $id}) { pullRequest { isDraft } } }`,
      { id: pr.node_id },
    );
  })().catch((e: any) => e);

describe("a draft pull request", () => {
  it("stays a draft as created, and cannot be merged", async () => {
    expect(await get()).toMatchObject({ draft: true, mergeable_state: "draft" });
    expect(await isDraft()).toBe(true);
    const merge = await answer(w.gh("alice").pulls.merge({ ...w.repo, pull_number: pr.number }));
    expect(merge).toMatchObject({
      status: 405,
      data: { message: "Pull Request is still a draft" },
    });
  });

  it("ignores `draft` in a REST update", async () => {
    const patched = await answer(
      w.gh("alice").request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
        ...w.repo,
        pull_number: pr.number,
        title: "Work in progress",
        draft: false,
      } as any),
    );
    expect(patched).toMatchObject({
      status: 200,
      data: { title: "Work in progress", draft: true },
    });
  });

  it("is marked ready by its author or a writer, not by a reader", async () => {
    const refused = await mutate("ron", "markPullRequestReadyForReview");
    expect(refused.errors?.[0]).toMatchObject({ type: "FORBIDDEN" });
    expect(await isDraft()).toBe(true);
    const ready = await mutate("will", "markPullRequestReadyForReview");
    expect(ready.markPullRequestReadyForReview.pullRequest).toEqual({ isDraft: false });
    expect(await get()).toMatchObject({ draft: false, mergeable_state: "clean" });
    const hooks = await w.delivered("pull_request", "ready_for_review");
    expect(hooks.at(-1)?.body).toMatchObject({ number: pr.number, pull_request: { draft: false } });
  });

  it("is converted back to a draft by an App with pull_requests: write", async () => {
    const back = await mutate("app", "convertPullRequestToDraft");
    expect(back.convertPullRequestToDraft.pullRequest).toEqual({ isDraft: true });
    const hooks = await w.delivered("pull_request", "converted_to_draft");
    expect(hooks.at(-1)?.body.sender.login).toBe("reviewer[bot]");
    expect(hooks.at(-1)?.body.pull_request.draft).toBe(true);
    await mutate("app", "markPullRequestReadyForReview");
    const merged = await answer(w.gh("alice").pulls.merge({ ...w.repo, pull_number: pr.number }));
    expect(merged).toMatchObject({ status: 200, data: { merged: true } });
  });
});
