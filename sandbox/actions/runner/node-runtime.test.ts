import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkNode24, node24, NODE24_PACKAGE } from "./node-runtime.ts";

const dir = mkdtempSync(join(tmpdir(), "node-runtime-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string, mode: number): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, mode);
  return file;
}

describe("Node 24 for JavaScript actions", () => {
  it("is the pinned package's own binary, and it runs as 24.x", () => {
    const found = node24();
    expect(found.path).toMatch(new RegExp(`/node_modules/${NODE24_PACKAGE}/bin/node$`));
    expect(found.version).toMatch(/^v24\.\d+\.\d+$/);
  });

  it("refuses a binary that is not executable, saying to run npm ci", () => {
    const file = script("node", "echo v24.0.0", 0o644);
    expect(() => checkNode24(file)).toThrow(/without an executable bin\/node.*`npm ci`/);
  });

  it("refuses a binary that is another Node, naming its version", () => {
    const file = script("node20", "echo v20.18.0", 0o755);
    expect(() => checkNode24(file)).toThrow(/is Node v20\.18\.0, not 24\.x.*`npm ci`/);
  });

  it("refuses a binary that does not start", () => {
    const file = script("broken", "exit 3", 0o755);
    expect(() => checkNode24(file)).toThrow(/does not start.*`npm ci`/);
  });
});
