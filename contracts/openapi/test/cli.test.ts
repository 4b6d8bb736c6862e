import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { petStore, tempDir, tempRepo } from "./fixtures.ts";

const BIN = fileURLToPath(new URL("../../../cli/bin/havun.js", import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`node cli/bin/havun.js contracts …`) in `cwd`. */
function havun(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, "contracts", ...args], { cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe.concurrent("havun contracts diff", () => {
  const dir = tempDir({ "v1.yaml": petStore(1), "v2.yaml": petStore(2), "same.json": petStore(1) });

  it("exits 0 when nothing breaks, 1 when something does", async () => {
    const [same, broken] = await Promise.all([
      havun(dir, "diff", "v1.yaml", "same.json"),
      havun(dir, "diff", "v1.yaml", "v2.yaml"),
    ]);
    expect([same.code, same.stdout.trim()]).toEqual([
      0,
      "v1.yaml → same.json: No differences that matter to clients.",
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /ERR {2}response-enum-value-added \[[0-9a-f]{10}\] {2}GET \/pets\/\{id\}/,
    );
  });

  it("--fail-on moves the threshold", async () => {
    const [err, warn] = await Promise.all([
      havun(dir, "diff", "v2.yaml", "v1.yaml"),
      havun(dir, "diff", "v2.yaml", "v1.yaml", "--fail-on", "WARN"),
    ]);
    expect([err.code, warn.code]).toEqual([0, 1]);
  });

  it("prints json, markdown and github formats", async () => {
    const format = (f: string) => havun(dir, "diff", "v1.yaml", "v2.yaml", "--format", f);
    const [json, md, gh] = await Promise.all([
      format("json"),
      format("markdown"),
      format("github"),
    ]);
    expect(JSON.parse(json.stdout).summary).toEqual({ ERR: 1, WARN: 0, INFO: 1, operations: 1 });
    expect(md.stdout).toContain("| `response-enum-value-added` |");
    expect(gh.stdout).toMatch(
      /^::error file=v2.yaml,line=\d+,title=response-enum-value-added \[[0-9a-f]{10}\] \(GET \/pets\/\{id\}\)::/,
    );
  });

  it("compares git revisions", async () => {
    const repo = tempRepo({ "openapi.yaml": petStore(1) }, { "openapi.yaml": petStore(2) });
    const r = await havun(
      repo,
      "diff",
      "HEAD~1:openapi.yaml",
      "HEAD:openapi.yaml",
      "--format",
      "json",
    );
    expect([r.code, JSON.parse(r.stdout).findings.length]).toEqual([1, 2]);
  });

  it("exits 2 with the reason and the fix on unusable input", async () => {
    const [missing, rev, format] = await Promise.all([
      havun(dir, "diff", "v1.yaml", "nope.yaml"),
      havun(dir, "diff", "nosuch:v1.yaml", "v1.yaml"),
      havun(dir, "diff", "v1.yaml", "v2.yaml", "--format", "xml"),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "havun: error[CONTRACT_FILE_NOT_FOUND]: cannot read nope.yaml",
    );
    expect(missing.stderr).toContain("REV:PATH");
    expect([rev.code, rev.stderr]).toEqual([
      2,
      expect.stringContaining("error[CONTRACT_GIT_REVISION]"),
    ]);
    expect([format.code, format.stderr]).toEqual([
      2,
      expect.stringContaining("Allowed choices are text, json, markdown, github"),
    ]);
  });
});

describe("havun contracts validate", () => {
  it("exits 0 for a good registry, 1 with problems listed, 2 without a folder", async () => {
    const good = tempDir({
      "contracts/api/contract.yml": { provider: "acme/api" },
      "contracts/api/openapi.yaml": petStore(1),
    });
    const bad = tempDir({ "reg/api/openapi.yaml": petStore(1) });
    const [ok, r, none] = await Promise.all([
      havun(good, "validate"),
      havun(bad, "validate", "reg"),
      havun(bad, "validate", "nowhere"),
    ]);
    expect(ok).toMatchObject({ code: 0, stdout: "1 service, 0 problems\n" });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "reg/api/contract.yml: missing\n  fix: Create it with `provider: owner/name`",
    );
    expect(none.code).toBe(2);
  });
});
