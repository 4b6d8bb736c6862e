import { describe, expect, it } from "vitest";
import type { GitRepos } from "./git-repos.ts";
import { alice, bob, commit, tempRepos } from "./test-support.ts";
import type { MergeMethod } from "./types.ts";

/** main: base.txt; feature (from main): two commits; main then moves on with an unrelated file. */
async function diverged(repos: GitRepos) {
  const root = await commit(repos, "main", { "base.txt": "base\n", "shared.txt": "1\n2\n3\n" });
  await repos.updateRef(1, "feature", root, null);
  await commit(repos, "feature", { "feature.txt": "f1\n" }, "feature one");
  const head = await commit(repos, "feature", { "shared.txt": "1\n2\n3 changed\n" }, "feature two");
  const mainHead = await commit(repos, "main", { "main.txt": "m\n" }, "main moves");
  return { root, head, mainHead };
}

const mergeInput = (head: string, method: MergeMethod) => ({
  base: "main",
  head,
  method,
  message: `Merge via ${method}`,
  author: bob,
});

describe("merge", () => {
  it("merge: a commit with two parents holding both sides' changes", async () => {
    const repos = await tempRepos();
    const { head, mainHead } = await diverged(repos);
    expect(await repos.mergeable(1, "main", head)).toBe(true);
    const outcome = await repos.merge(1, mergeInput(head, "merge"));
    if (!outcome.ok) throw new Error("expected a merge");
    expect(await repos.resolve(1, "main")).toBe(outcome.sha);
    const merged = await repos.getCommit(1, outcome.sha);
    expect(merged?.parents).toEqual([mainHead, head]);
    expect(merged?.message).toBe("Merge via merge");
    expect(merged?.committer.name).toBe("Bob");
    const shared = await repos.readFile(1, outcome.sha, "shared.txt");
    expect(shared?.content.toString()).toBe("1\n2\n3 changed\n");
    expect(await repos.pathType(1, outcome.sha, "main.txt")).toBe("file");
    expect(await repos.pathType(1, outcome.sha, "feature.txt")).toBe("file");
  });

  it("squash: one parent, head's changes", async () => {
    const repos = await tempRepos();
    const { head, mainHead } = await diverged(repos);
    const outcome = await repos.merge(1, mergeInput(head, "squash"));
    if (!outcome.ok) throw new Error("expected a merge");
    const squashed = await repos.getCommit(1, outcome.sha);
    expect(squashed?.parents).toEqual([mainHead]);
    expect(await repos.pathType(1, outcome.sha, "feature.txt")).toBe("file");
    expect(await repos.isAncestor(1, head, outcome.sha)).toBe(false);
  });

  it("rebase: head's commits replayed linearly on the base, authors and messages kept", async () => {
    const repos = await tempRepos();
    const { head, mainHead } = await diverged(repos);
    const outcome = await repos.merge(1, mergeInput(head, "rebase"));
    if (!outcome.ok) throw new Error("expected a merge");
    const replayed = await repos.commitsBetween(1, mainHead, outcome.sha);
    expect(replayed.map((c) => c.message)).toEqual(["feature one", "feature two"]);
    expect(replayed.map((c) => c.parents.length)).toEqual([1, 1]);
    expect(replayed[0]?.parents).toEqual([mainHead]);
    expect(replayed[0]?.author.name).toBe("Alice");
    expect(replayed[1]?.committer.name).toBe("Bob");
    const firstShared = await repos.readFile(1, replayed[0]!.sha, "shared.txt");
    expect(firstShared?.content.toString()).toBe("1\n2\n3\n"); // a cherry-pick, not the whole head
    expect(await repos.resolve(1, "main")).toBe(outcome.sha);
    const tree = await repos.listTree(1, outcome.sha);
    expect(tree?.map((e) => e.path)).toEqual(["base.txt", "feature.txt", "main.txt", "shared.txt"]);
  });

  it("a conflict is reported with its files, and no ref moves", async () => {
    const repos = await tempRepos();
    const { head } = await diverged(repos);
    const mainHead = await commit(repos, "main", { "shared.txt": "1\n2\n3 on main\n" });
    expect(await repos.mergeable(1, "main", head)).toBe(false);
    for (const method of ["merge", "squash", "rebase"] as const) {
      const outcome = await repos.merge(1, mergeInput(head, method));
      expect(outcome).toEqual({ ok: false, reason: "conflict", files: ["shared.txt"] });
      expect(await repos.resolve(1, "main")).toBe(mainHead);
    }
  });

  it("mergeable is false for a missing branch", async () => {
    const repos = await tempRepos();
    const sha = await commit(repos, "main", { f: "1" });
    expect(await repos.mergeable(1, "nope", sha)).toBe(false);
    await expect(repos.merge(1, { ...mergeInput(sha, "merge"), base: "nope" })).rejects.toThrow(
      /no branch/,
    );
  });
});
