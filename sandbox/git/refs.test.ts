import { describe, expect, it } from "vitest";
import { isGitError } from "./errors.ts";
import { commit, tempRepos } from "./test-support.ts";

describe("refs", () => {
  it("initialises idempotently with HEAD on the default branch", async () => {
    const repos = await tempRepos();
    expect(await repos.exists(1)).toBe(true);
    expect(await repos.exists(2)).toBe(false);
    await repos.init(1, "other");
    expect(await repos.headBranch(1)).toBe("main");
    await repos.setHead(1, "trunk");
    expect(await repos.headBranch(1)).toBe("trunk");
    expect(await repos.refs(1)).toEqual(new Map());
    await repos.remove(1);
    expect(await repos.exists(1)).toBe(false);
  });

  it("lists, resolves, updates with compare-and-swap, and deletes refs", async () => {
    const repos = await tempRepos();
    const one = await commit(repos, "main", { f: "1" });
    const two = await commit(repos, "main", { f: "2" });
    await repos.updateRef(1, "refs/heads/feature", one, null);
    await repos.updateRef(1, "refs/tags/v1", one);
    expect(await repos.refs(1)).toEqual(
      new Map([
        ["refs/heads/feature", one],
        ["refs/heads/main", two],
        ["refs/tags/v1", one],
      ]),
    );
    expect(await repos.resolve(1, "main")).toBe(two);
    expect(await repos.resolve(1, "refs/heads/feature")).toBe(one);
    expect(await repos.resolve(1, "v1")).toBe(one);
    expect(await repos.resolve(1, two)).toBe(two);
    expect(await repos.resolve(1, two.slice(0, 10))).toBe(two);
    expect(await repos.resolve(1, "main~1")).toBe(one);
    expect(await repos.resolve(1, "nope")).toBeNull();
    expect(await repos.resolve(1, "1".repeat(40))).toBeNull();
    await expect(repos.resolve(1, "--output=x")).rejects.toSatisfy((e) =>
      isGitError(e, "invalid_input"),
    );

    await expect(repos.updateRef(1, "feature", two, two)).rejects.toSatisfy((e) =>
      isGitError(e, "ref_update_failed"),
    );
    await expect(repos.updateRef(1, "feature", two, null)).rejects.toSatisfy((e) =>
      isGitError(e, "ref_update_failed"),
    );
    await expect(repos.updateRef(1, "feature", "2".repeat(40))).rejects.toSatisfy((e) =>
      isGitError(e, "ref_update_failed"),
    );
    await expect(repos.updateRef(1, "bad..name", two)).rejects.toSatisfy((e) =>
      isGitError(e, "invalid_input"),
    );
    await repos.updateRef(1, "feature", two, one);
    expect(await repos.resolve(1, "feature")).toBe(two);

    await expect(repos.deleteRef(1, "feature", one)).rejects.toSatisfy((e) =>
      isGitError(e, "ref_update_failed"),
    );
    expect(await repos.deleteRef(1, "feature")).toBe(true);
    expect(await repos.deleteRef(1, "feature")).toBe(false);
    expect(await repos.resolve(1, "feature")).toBeNull();
  });
});
