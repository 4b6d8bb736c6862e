import { describe, expect, it } from "vitest";
import { isGitError } from "./errors.ts";
import { commit, tempRepos } from "./test-support.ts";

describe("reading trees", () => {
  it("reads files, lists directories with sizes and paths from the root, and tells files from dirs", async () => {
    const repos = await tempRepos();
    const sha = await commit(repos, "main", { "a/b/c.txt": "ccc", "a/d.txt": "dd", "e.txt": "e" });
    const file = await repos.readFile(1, sha, "/a/d.txt");
    expect(file).toMatchObject({ size: 2, mode: "100644" });
    expect(file?.content.toString()).toBe("dd");
    expect(await repos.readFile(1, sha, "a")).toBeNull();
    expect(await repos.readFile(1, sha, "nope.txt")).toBeNull();
    expect(await repos.readFile(1, "no-such-branch", "e.txt")).toBeNull();

    const top = await repos.listTree(1, "main");
    expect(top?.map((e) => [e.path, e.type, e.size])).toEqual([
      ["a", "tree", undefined],
      ["e.txt", "blob", 1],
    ]);
    const sub = await repos.listTree(1, sha, "a");
    expect(sub?.map((e) => e.path)).toEqual(["a/b", "a/d.txt"]);
    const all = await repos.listTree(1, sha, "", true);
    expect(all?.map((e) => e.path)).toEqual(["a", "a/b", "a/b/c.txt", "a/d.txt", "e.txt"]);
    expect(await repos.listTree(1, sha, "e.txt")).toBeNull();

    expect(await repos.pathType(1, sha, "a/b")).toBe("dir");
    expect(await repos.pathType(1, sha, "")).toBe("dir");
    expect(await repos.pathType(1, sha, "a/b/c.txt")).toBe("file");
    expect(await repos.pathType(1, sha, "a/x")).toBeNull();
  });
});

describe("writeTree", () => {
  it("applies nested entries, deletions and subtree replacements on top of base_tree", async () => {
    const repos = await tempRepos();
    const sha = await commit(repos, "main", {
      "a/b/c.txt": "c",
      "a/keep.txt": "k",
      "gone/x.txt": "x",
      "lib/one.txt": "1",
    });
    const base = (await repos.getCommit(1, sha))!.tree;
    const blob = await repos.writeBlob(1, "blob by sha");
    const libTree = (await repos.listTree(1, base))!.find((e) => e.path === "lib")!.sha;
    const tree = await repos.writeTree(
      1,
      [
        { path: "a/b/new.txt", mode: "100644", type: "blob", content: "new" },
        { path: "a/b/c.txt", mode: "100755", type: "blob", sha: blob },
        { path: "gone", mode: "040000", type: "tree", sha: null },
        { path: "copy/of/lib", mode: "040000", type: "tree", sha: libTree },
      ],
      base,
    );
    const listing = await repos.listTree(1, tree, "", true);
    expect(listing?.filter((e) => e.type === "blob").map((e) => [e.path, e.mode])).toEqual([
      ["a/b/c.txt", "100755"],
      ["a/b/new.txt", "100644"],
      ["a/keep.txt", "100644"],
      ["copy/of/lib/one.txt", "100644"],
      ["lib/one.txt", "100644"],
    ]);
    expect((await repos.readFile(1, tree, "a/b/c.txt"))?.content.toString()).toBe("blob by sha");
  });

  it("without base_tree builds from nothing; an empty list is the empty tree", async () => {
    const repos = await tempRepos();
    const tree = await repos.writeTree(1, [
      { path: "x/y.txt", mode: "100644", type: "blob", content: "y" },
    ]);
    expect((await repos.listTree(1, tree, "", true))?.map((e) => e.path)).toEqual(["x", "x/y.txt"]);
    expect(await repos.writeTree(1, [])).toBe("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
  });

  it("rejects a missing object, a sha of the wrong type and a mode that does not fit", async () => {
    const repos = await tempRepos();
    const blob = await repos.writeBlob(1, "b");
    const bad = [
      { path: "f", mode: "100644", type: "blob", sha: "1".repeat(40) },
      { path: "f", mode: "040000", type: "tree", sha: blob },
      { path: "f", mode: "040000", type: "blob", sha: blob },
      { path: "f", mode: "100644", type: "blob", sha: "main" },
    ] as const;
    for (const entry of bad) {
      await expect(repos.writeTree(1, [entry])).rejects.toSatisfy((e) =>
        isGitError(e, "invalid_input"),
      );
    }
  });

  it("writes commits with given parents, dates and messages kept exactly", async () => {
    const repos = await tempRepos();
    const tree = await repos.writeTree(1, [
      { path: "f", mode: "100644", type: "blob", content: "f" },
    ]);
    const author = { name: "A", email: "a@x", date: "2020-02-03T04:05:06-05:00" };
    const root = await repos.writeCommit(1, { tree, parents: [], message: "root\n\nbody", author });
    const child = await repos.writeCommit(1, { tree, parents: [root], message: "child", author });
    const info = await repos.getCommit(1, child);
    expect(info).toMatchObject({ tree, parents: [root], message: "child" });
    expect(info?.author.date).toBe("2020-02-03T09:05:06Z");
    expect((await repos.getCommit(1, root))?.message).toBe("root\n\nbody");
    expect(await repos.resolve(1, "main")).toBeNull(); // no ref moved
    await expect(
      repos.writeCommit(1, { tree: root, parents: [], message: "m", author }),
    ).rejects.toSatisfy((e) => isGitError(e, "invalid_input"));
    await expect(
      repos.writeCommit(1, { tree, parents: ["3".repeat(40)], message: "m", author }),
    ).rejects.toSatisfy((e) => isGitError(e, "invalid_input"));
  });
});
