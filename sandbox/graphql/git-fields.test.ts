import { describe, expect, it } from "vitest";
import { alice, tempRepos } from "../git/test-support.ts";
import { createIssue } from "../ops/issues.ts";
import { graphqlFixture } from "./test-fixture.ts";

/** The fields that read git (refs, commits, blobs) against real bare repositories. */
describe("GraphQL fields backed by git", () => {
  it("reads the default branch, a file, and a pull request's commits", async () => {
    const f = graphqlFixture();
    const git = await tempRepos();
    f.core.git = git;
    const repoId = f.repos.api.id;
    await git.init(repoId, "main");
    const base = await git.commitFiles(repoId, {
      branch: "main",
      parentSha: null,
      changes: [{ path: "README.md", content: "# api\n" }],
      message: "Initial commit",
      author: alice,
    });
    await git.updateRef(repoId, "refs/heads/task", base.commit.sha);
    const shas: string[] = [];
    for (const n of [1, 2]) {
      const c = await git.commitFiles(repoId, {
        branch: "task",
        changes: [{ path: `src/${n}.ts`, content: `export const n = ${n};\n` }],
        message: `Step ${n}\n\nDetails ${n}`,
        author: alice,
      });
      shas.push(c.commit.sha);
    }
    const actor = { accountId: f.accounts.alice.id, via: "user" as const, appId: null };
    const pr = createIssue(f.core, actor, f.repos.api, { title: "Task" }, { isPull: true });
    f.store.state.pulls.push({
      issueId: pr.id,
      repoId,
      headRef: "task",
      headSha: shas[1] ?? "",
      headRepoId: repoId,
      baseRef: "main",
      baseSha: base.commit.sha,
      draft: false,
      merged: false,
      mergedAt: null,
      mergedById: null,
      mergeCommitSha: null,
      maintainerCanModify: true,
      mergeable: true,
      stats: { additions: 2, deletions: 0, changedFiles: 2, commits: 2 },
    });

    const body = await f.gql(`{
      repository(owner: "acme", name: "api") {
        defaultBranchRef { name target { ... on Commit { oid messageHeadline author { name email } } } }
        readme: object(expression: "main:README.md") { ... on Blob { text byteSize isBinary } }
        missing: object(expression: "main:nope.md") { id }
        pullRequest(number: 1) {
          commits(first: 10) { totalCount nodes { commit { oid messageHeadline messageBody } } }
          head: commits(last: 1) { nodes { commit { oid } } }
        }
      }
    }`);
    expect(body.errors).toBeUndefined();
    const repo = body.data.repository;
    expect(repo.defaultBranchRef).toEqual({
      name: "main",
      target: {
        oid: base.commit.sha,
        messageHeadline: "Initial commit",
        author: { name: "Alice", email: "alice@example.com" },
      },
    });
    expect(repo.readme).toEqual({ text: "# api\n", byteSize: 6, isBinary: false });
    expect(repo.missing).toBeNull();
    expect(repo.pullRequest.commits).toEqual({
      totalCount: 2,
      nodes: [
        { commit: { oid: shas[0], messageHeadline: "Step 1", messageBody: "Details 1" } },
        { commit: { oid: shas[1], messageHeadline: "Step 2", messageBody: "Details 2" } },
      ],
    });
    expect(repo.pullRequest.head.nodes).toEqual([{ commit: { oid: shas[1] } }]);
  });
});
