import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zipFiles } from "../runner/zip.ts";
import { nameMatcher } from "./file-glob.ts";
import { unzip } from "./unzip.ts";
import { findFilesToUpload } from "./upload-search.ts";

let ws: string;
beforeAll(() => {
  ws = mkdtempSync(join(tmpdir(), "havun-upload-search-"));
  for (const f of [
    "dist/app.js",
    "dist/lib/util.js",
    "dist/lib/notes.md",
    "dist/.env",
    "dist/.cache/blob",
    "reports/junit.xml",
    "reports/cov/index.html",
    "single/only.txt",
    ".hidden/inside.txt",
  ]) {
    mkdirSync(dirname(join(ws, f)), { recursive: true });
    writeFileSync(join(ws, f), f);
  }
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

function upload(path: string, hidden = false) {
  const r = findFilesToUpload(path, ws, "/nonexistent-home", hidden);
  return { root: relative(ws, r.root), files: r.files.map((f) => relative(r.root, f)).sort() };
}

describe("upload-artifact's path rules (its README and search.ts)", () => {
  it("a directory uploads what is below it, relative to it; hidden files only when asked", () => {
    expect(upload("dist/")).toEqual({
      root: "dist",
      files: ["app.js", "lib/notes.md", "lib/util.js"],
    });
    expect(upload("dist", true).files).toEqual([
      ".cache/blob",
      ".env",
      "app.js",
      "lib/notes.md",
      "lib/util.js",
    ]);
  });

  it("a single file's root is its directory", () => {
    expect(upload("single/only.txt")).toEqual({ root: "single", files: ["only.txt"] });
  });

  it("a wildcard's root is the path before the first wildcard; `!` excludes", () => {
    expect(upload("dist/**/*.js")).toEqual({ root: "dist", files: ["app.js", "lib/util.js"] });
    expect(upload("dist/\n!dist/**/*.md")).toEqual({
      root: "dist",
      files: ["app.js", "lib/util.js"],
    });
  });

  it("several paths are rooted at their least common ancestor", () => {
    expect(upload("dist/lib/util.js\nreports/cov/")).toEqual({
      root: "",
      files: ["dist/lib/util.js", "reports/cov/index.html"],
    });
    expect(upload("reports/junit.xml\nreports/cov/*.html")).toEqual({
      root: "reports",
      files: ["cov/index.html", "junit.xml"],
    });
  });

  it("a hidden directory named in the path is skipped unless include-hidden-files", () => {
    expect(upload(".hidden/").files).toEqual([]);
    expect(upload(".hidden/", true).files).toEqual(["inside.txt"]);
  });

  it("nothing found is an empty list, not an error", () => {
    expect(upload("nope/*.txt").files).toEqual([]);
  });
});

describe("artifact archives", () => {
  it("zip then unzip gives back the files at every compression level", () => {
    const files = [
      { name: "a.txt", content: "hello\n".repeat(100) },
      { name: "dir/b.bin", content: Buffer.from([0, 1, 2, 255]) },
    ];
    for (const level of [0, 6, 9]) {
      const back = unzip(zipFiles(files, new Date(), level));
      expect(back.map((e) => [e.name, e.content.toString("base64")])).toEqual(
        files.map((f) => [f.name, Buffer.from(f.content).toString("base64")]),
      );
    }
  });

  it("download-artifact's pattern matches names like minimatch", () => {
    const m = nameMatcher("build-{linux,mac}-*");
    expect(["build-linux-x64", "build-mac-arm", "build-win-x64", "build-linux"].map(m)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
