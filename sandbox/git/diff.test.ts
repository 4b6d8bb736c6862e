import { describe, expect, it } from "vitest";
import { commit, tempRepos } from "./test-support.ts";

const lines = (n: number, tag = "") =>
  Array.from({ length: n }, (_, i) => `line ${i}${tag}\n`).join("");

describe("diffFiles", () => {
  it("lists added, removed, modified and renamed files with numstat and patches, three-dot", async () => {
    const repos = await tempRepos();
    const base = await commit(repos, "main", {
      "keep.txt": "a\nb\nc\n",
      "old-name.txt": lines(20),
      "drop.txt": "bye\n",
      "img.bin": "\0\x01binary",
    });
    await repos.updateRef(1, "feature", base, null);
    await commit(repos, "main", { "main-only.txt": "not in the pr\n" });
    const head = await commit(repos, "feature", {
      "keep.txt": "a\nB\nc\nd\n",
      "old-name.txt": null,
      "new-name.txt": lines(20).replace("line 3\n", "line three\n"),
      "drop.txt": null,
      "added.txt": "new\n",
      "img.bin": "\0\x02binary changed",
    });
    const files = await repos.diffFiles(1, "main", head);
    const byName = new Map(files.map((f) => [f.filename, f]));
    expect([...byName.keys()].sort()).toEqual([
      "added.txt",
      "drop.txt",
      "img.bin",
      "keep.txt",
      "new-name.txt",
    ]);
    expect(byName.get("added.txt")).toMatchObject({ status: "added", additions: 1, deletions: 0 });
    expect(byName.get("added.txt")?.patch).toBe("@@ -0,0 +1 @@\n+new");
    const dropped = byName.get("drop.txt");
    expect(dropped).toMatchObject({ status: "removed", additions: 0, deletions: 1, changes: 1 });
    expect(dropped?.sha).toBe((await repos.readFile(1, base, "drop.txt"))?.sha);
    const kept = byName.get("keep.txt");
    expect(kept).toMatchObject({ status: "modified", additions: 2, deletions: 1, changes: 3 });
    expect(kept?.sha).toBe((await repos.readFile(1, head, "keep.txt"))?.sha);
    expect(kept?.patch).toMatch(/^@@ -1,3 \+1,4 @@\n a\n-b\n\+B\n c\n\+d$/);
    expect(byName.get("new-name.txt")).toMatchObject({
      status: "renamed",
      previousFilename: "old-name.txt",
      additions: 1,
      deletions: 1,
    });
    const bin = byName.get("img.bin");
    expect(bin).toMatchObject({ status: "modified", additions: 0, deletions: 0 });
    expect(bin?.patch).toBeUndefined();
  });

  it("is empty when head adds nothing", async () => {
    const repos = await tempRepos();
    const sha = await commit(repos, "main", { f: "1" });
    expect(await repos.diffFiles(1, sha, sha)).toEqual([]);
  });
});

describe("compare", () => {
  it("counts ahead and behind and lists head's commits since the merge base", async () => {
    const repos = await tempRepos();
    const root = await commit(repos, "main", { f: "1" });
    await repos.updateRef(1, "feature", root, null);
    await commit(repos, "feature", { g: "1" }, "g1");
    const head = await commit(repos, "feature", { g: "2" }, "g2");
    await commit(repos, "main", { h: "1" }, "h1");
    const result = await repos.compare(1, "main", "feature");
    expect(result).toMatchObject({ aheadBy: 2, behindBy: 1, mergeBaseSha: root });
    expect(result.commits.map((c) => c.message)).toEqual(["g1", "g2"]);
    expect(result.commits[1]?.sha).toBe(head);
    expect(await repos.mergeBase(1, "main", head)).toBe(root);
    expect((await repos.commitsBetween(1, null, head)).map((c) => c.message)).toEqual([
      "change",
      "g1",
      "g2",
    ]);
  });
});
