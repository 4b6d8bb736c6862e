import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer, reviewWorld } from "./review-fixture.ts";

/**
 * "Update a pull request branch" as GitHub's REST reference states it: it merges the base
 * branch's head into the pull request's branch (202 "Updating pull request branch."), refuses with
 * 422 when `expected_head_sha` is not the head, when the base has nothing new, or on a conflict;
 * the merge is a push by the caller, so an App's update starts workflow runs. A pull request's
 * mergeability follows its base: once a conflicting change lands there it is CONFLICTING.
 */
const ci = `name: CI
on:
  pull_request:
    types: [synchronize]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: echo "head \${{ github.event.pull_request.head.sha }}"
`;

let w: Awaited<ReturnType<typeof reviewWorld>>;
beforeAll(async () => {
  w = await reviewWorld();
  await w.write("main", { ".github/workflows/ci.yml": ci });
});
afterAll(() => w.stop());

const update = (login: string | "app", pull_number: number, expected_head_sha?: string) =>
  (async () => {
    const client = login === "app" ? await w.app() : w.gh(login);
    return answer(client.pulls.updateBranch({ ...w.repo, pull_number, expected_head_sha }));
  })();

describe("updating a pull request's branch", () => {
  it("merges the base into the head as the App's push, which starts workflow runs", async () => {
    const pr = await w.openPull("behind", { "feature.txt": "feature\n" });
    await w.write("main", { "other.txt": "landed meanwhile\n" });
    const main = (await w.gh("alice").git.getRef({ ...w.repo, ref: "heads/main" })).data.object.sha;
    expect((await update("ron", pr.number)).status).toBe(403);
    const stale = await update("app", pr.number, main);
    expect(stale).toMatchObject({
      status: 422,
      data: { message: "expected head sha didn’t match current head ref." },
    });

    const done = await update("app", pr.number, pr.head.sha);
    expect(done).toMatchObject({
      status: 202,
      data: {
        message: "Updating pull request branch.",
        url: `${w.sb.serverUrl}/repos/acme/api/pulls/${pr.number}`,
      },
    });
    const after = (await w.gh("alice").pulls.get({ ...w.repo, pull_number: pr.number })).data;
    const merge = await w.gh("alice").git.getCommit({ ...w.repo, commit_sha: after.head.sha });
    expect(merge.data.parents.map((p) => p.sha)).toEqual([pr.head.sha, main]);
    expect(merge.data.message).toBe("Merge branch 'main' into behind");
    expect(merge.data.author.email).toMatch(/\+reviewer\[bot\]@/);
    expect(merge.data.committer.name).toBe("GitHub");

    const pushes = await w.delivered("push");
    expect(pushes.at(-1)?.body).toMatchObject({
      ref: "refs/heads/behind",
      before: pr.head.sha,
      after: after.head.sha,
      sender: { login: "reviewer[bot]" },
    });
    const sync = await w.delivered("pull_request", "synchronize");
    expect(sync.at(-1)?.body).toMatchObject({ before: pr.head.sha, after: after.head.sha });

    await w.sb.actions!.idle();
    const runs = await w.gh("alice").actions.listWorkflowRunsForRepo({ ...w.repo });
    const run = runs.data.workflow_runs.find((r) => r.head_sha === after.head.sha);
    expect(run).toMatchObject({ event: "pull_request", conclusion: "success" });
    expect(run?.triggering_actor?.login).toBe("reviewer[bot]");

    const again = await update("will", pr.number);
    expect(again).toMatchObject({
      status: 422,
      data: { message: "There are no new commits on the base branch." },
    });
  });
});

describe("mergeability when the base moves", () => {
  it("turns CONFLICTING once a conflicting pull request merges, and the update is refused", async () => {
    const a = await w.openPull("readme-a", { "README.md": "# api, by A\n" });
    const b = await w.openPull("readme-b", { "README.md": "# api, by B\n" });
    const state = async (n: number) => {
      const rest = (await w.gh("alice").pulls.get({ ...w.repo, pull_number: n })).data;
      const gql = await w
        .gh("alice")
        .graphql<any>(
          `query($n: Int!) { repository(owner: "acme", name: "api") { pullRequest(number: $n) { mergeable } } }`,
          { n },
        );
      return [rest.mergeable, rest.mergeable_state, gql.repository.pullRequest.mergeable];
    };
    expect(await state(b.number)).toEqual([true, "clean", "MERGEABLE"]);
    await w.gh("alice").pulls.merge({ ...w.repo, pull_number: a.number });
    expect(await state(b.number)).toEqual([false, "dirty", "CONFLICTING"]);
    const head = (await w.gh("alice").pulls.get({ ...w.repo, pull_number: b.number })).data.head
      .sha;
    const refused = await update("will", b.number);
    expect(refused).toMatchObject({
      status: 422,
      data: { message: "merge conflict between base and head" },
    });
    const still = (await w.gh("alice").pulls.get({ ...w.repo, pull_number: b.number })).data.head
      .sha;
    expect(still).toBe(head);
  });
});
