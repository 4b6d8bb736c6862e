import { describe, expect, it } from "vitest";
import { parseCommit } from "./commit-object.ts";
import { gitDate } from "./identity.ts";

describe("parseCommit", () => {
  it("reads parents, identities in UTC, and the message, skipping signatures", () => {
    const raw = [
      "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904",
      `parent ${"a".repeat(40)}`,
      `parent ${"b".repeat(40)}`,
      "author Ann Example <ann@example.com> 1700000000 +0200",
      "committer GitHub <noreply@github.com> 1700003600 -0500",
      "gpgsig -----BEGIN PGP SIGNATURE-----",
      " ",
      " abc",
      " -----END PGP SIGNATURE-----",
      "",
      "Subject line",
      "",
      "Body.",
      "",
    ].join("\n");
    expect(parseCommit("c".repeat(40), raw)).toEqual({
      sha: "c".repeat(40),
      tree: "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
      parents: ["a".repeat(40), "b".repeat(40)],
      author: { name: "Ann Example", email: "ann@example.com", date: "2023-11-14T22:13:20Z" },
      committer: { name: "GitHub", email: "noreply@github.com", date: "2023-11-14T23:13:20Z" },
      message: "Subject line\n\nBody.",
    });
  });

  it("turns ISO dates into git's internal format, keeping the offset", () => {
    expect(gitDate("2023-11-14T22:13:20Z")).toBe("@1700000000 +0000");
    expect(gitDate("2023-11-15T00:13:20+02:00")).toBe("@1700000000 +0200");
    expect(() => gitDate("yesterday")).toThrow(/ISO 8601/);
  });
});
