import { describe, expect, it } from "vitest";
import { inflateRawSync } from "node:zlib";
import { parseCommand } from "./commands.ts";
import { parseEnvFile } from "./env-file.ts";
import { Masker } from "./masker.ts";
import { tokenPermissions, capPermissions } from "./permissions.ts";
import { zipFiles } from "./zip.ts";

describe("workflow commands", () => {
  it("reads the name, escaped properties and value", () => {
    expect(
      parseCommand("::error file=a%2Cb.js,line=3,title=Bad%3A thing::50%25 broke%0Anext"),
    ).toEqual({
      name: "error",
      params: { file: "a,b.js", line: "3", title: "Bad: thing" },
      value: "50% broke\nnext",
    });
    expect(parseCommand("::add-mask::s3cr3t")).toEqual({
      name: "add-mask",
      params: {},
      value: "s3cr3t",
    });
    expect(parseCommand("plain :: text")).toBeNull();
  });
});

describe("GITHUB_ENV / GITHUB_OUTPUT files", () => {
  it("reads name=value and heredoc values, later ones winning", () => {
    expect(parseEnvFile("A=1\nB<<EOF\nline 1\nline=2\nEOF\nA=3\n", "GITHUB_ENV")).toEqual([
      ["A", "1"],
      ["B", "line 1\nline=2"],
      ["A", "3"],
    ]);
  });

  it("says what to write when a delimiter is missing or a line is not name=value", () => {
    expect(() => parseEnvFile("B<<EOF\nx\n", "GITHUB_OUTPUT")).toThrow(
      /matching delimiter not found 'EOF'/,
    );
    expect(() => parseEnvFile("just words\n", "GITHUB_ENV")).toThrow(/write name=value/);
  });
});

describe("masking", () => {
  it("masks every registered value and each line of a multi-line one, longest first", () => {
    const m = new Masker();
    m.add("abc");
    m.add("abcdef");
    m.add("one\ntwo");
    expect(m.mask("x abcdef y abc z")).toBe("x *** y *** z");
    expect(m.mask("two lines: one")).toBe("*** lines: ***");
  });
});

describe("GITHUB_TOKEN permissions", () => {
  it("defaults to GitHub's permissive set; a block grants only what it names (metadata always read)", () => {
    expect(tokenPermissions(undefined)).toMatchObject({
      contents: "write",
      issues: "write",
      metadata: "read",
    });
    expect(
      tokenPermissions({ contents: "read", "pull-requests": "write", issues: "none" }),
    ).toEqual({
      metadata: "read",
      contents: "read",
      pull_requests: "write",
    });
    expect(tokenPermissions("read-all").contents).toBe("read");
    expect(tokenPermissions({})).toEqual({ metadata: "read" });
  });

  it("caps a called workflow's jobs at the caller's permissions", () => {
    expect(capPermissions({ contents: "write", issues: "write" }, { contents: "read" })).toEqual({
      contents: "read",
    });
  });
});

describe("zip", () => {
  it("writes entries readable back (deflate, CRC, central directory)", () => {
    const zip = zipFiles([{ name: "0_build.txt", content: "hello\n".repeat(50) }]);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    const nameLength = zip.readUInt16LE(26);
    const size = zip.readUInt32LE(18);
    const data = zip.subarray(30 + nameLength, 30 + nameLength + size);
    expect(inflateRawSync(data).toString()).toBe("hello\n".repeat(50));
    expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);
  });
});
