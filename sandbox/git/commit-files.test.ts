import { describe, expect, it } from "vitest";
import { isGitError } from "./errors.ts";
import { alice, bob, commit, tempRepos } from "./test-support.ts";

describe("commitFiles", () => {
  it("makes a root commit on an unborn branch, with nested paths and binary content", async () => {
    const repos = await tempRepos();
    const binary = Buffer.from([0, 1, 2, 255, 254, 0, 10]);
    const result = await repos.commitFiles(1, {
      branch: "main",
      changes: [
        { path: "README.md", content: "hello\n" },
        { path: "src/deep/nested/file.ts", content: "export {};\n" },
        { path: "bin/data.bin", content: binary },
        { path: "run.sh", content: "#!/bin/sh\n", mode: "100755" },
      ],
      message: "Initial commit",
      author: alice,
      committer: bob,
    });
    const { commit: c, blobs } = result;
    expect(c.parents).toEqual([]);
    expect(c.message).toBe("Initial commit");
    expect(c.author.name).toBe("Alice");
    expect(c.author.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(c.committer).toEqual({ ...bob, date: "2024-05-01T10:00:00Z" });
    expect(await repos.resolve(1, "main")).toBe(c.sha);
    expect(Object.keys(blobs).sort()).toEqual([
      "README.md",
      "bin/data.bin",
      "run.sh",
      "src/deep/nested/file.ts",
    ]);
    const file = await repos.readFile(1, c.sha, "bin/data.bin");
    expect(file?.content.equals(binary)).toBe(true);
    expect(file?.sha).toBe(blobs["bin/data.bin"]);
    expect((await repos.readFile(1, "main", "run.sh"))?.mode).toBe("100755");
  });

  it("builds on the branch head: updates, deletes, keeps modes, and can empty the tree", async () => {
    const repos = await tempRepos();
    const first = await commit(repos, "main", { "a/b/c.txt": "c", "a/d.txt": "d", "top.txt": "t" });
    await repos.commitFiles(1, {
      branch: "main",
      changes: [{ path: "tool", content: "x", mode: "100755" }],
      message: "tool",
      author: alice,
    });
    const second = await commit(repos, "main", { "a/b/c.txt": null, "a/d.txt": "d2", tool: "y" });
    const info = await repos.getCommit(1, second);
    expect(info?.parents).toHaveLength(1);
    expect(await repos.isAncestor(1, first, second)).toBe(true);
    expect(await repos.pathType(1, second, "a/b")).toBeNull();
    expect((await repos.readFile(1, second, "a/d.txt"))?.content.toString()).toBe("d2");
    expect((await repos.readFile(1, second, "tool"))?.mode).toBe("100755");

    const empty = await commit(repos, "main", { "a/d.txt": null, "top.txt": null, tool: null });
    expect(await repos.listTree(1, empty)).toEqual([]);
    expect((await repos.getCommit(1, empty))?.tree).toBe(
      "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
    );
  });

  it("refuses with ref_update_failed when the branch moved (compare-and-swap)", async () => {
    const repos = await tempRepos();
    const first = await commit(repos, "main", { "f.txt": "1" });
    const second = await commit(repos, "main", { "f.txt": "2" });
    const stale = repos.commitFiles(1, {
      branch: "main",
      parentSha: first,
      changes: [{ path: "f.txt", content: "3" }],
      message: "stale",
      author: alice,
    });
    await expect(stale).rejects.toSatisfy((e) => isGitError(e, "ref_update_failed"));
    expect(await repos.resolve(1, "main")).toBe(second);

    const notNew = repos.commitFiles(1, {
      branch: "main",
      parentSha: null,
      changes: [{ path: "g.txt", content: "g" }],
      message: "root",
      author: alice,
    });
    await expect(notNew).rejects.toSatisfy((e) => isGitError(e, "ref_update_failed"));
  });

  it("rejects paths git would misread", async () => {
    const repos = await tempRepos();
    for (const path of ["../x", "a/../b", ".git/config", ""]) {
      await expect(commit(repos, "main", { [path]: "x" })).rejects.toSatisfy((e) =>
        isGitError(e, "invalid_input"),
      );
    }
  });
});
