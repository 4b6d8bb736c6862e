import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openRepoSecret } from "../sandbox/rest/handlers/secrets.ts";
import type { Sandbox } from "../sandbox/index.ts";
import { acmeSandbox } from "./sandbox/fixtures.ts";

const run = promisify(execFile);
let sb: Sandbox;
let dir: string;
beforeAll(async () => {
  sb = await acmeSandbox();
  dir = await mkdtemp(join(tmpdir(), "havun-vault-gh-"));
});
afterAll(async () => {
  await sb.stop();
  await rm(dir, { recursive: true, force: true });
});

it("vault keygen --set-secret stores the private key as the repository's Actions secret through GitHub's API", async () => {
  const { stdout } = await run(process.execPath, [
    "cli/bin/havun.js",
    "vault",
    "keygen",
    "--repo",
    "acme/api",
    "--dir",
    dir,
    "--set-secret",
    "--token",
    sb.token("alice"),
    "--api-url",
    sb.apiUrl,
  ]);
  const privateKey = stdout.trim();
  expect(privateKey.length).toBeGreaterThan(20);
  const repo = sb.core.store.repo("acme", "api")!;
  // The sandbox opens the sealed box with the repository's own key, as GitHub would.
  expect(openRepoSecret(sb.core, repo, "HAVUN_VAULT_KEY")).toBe(privateKey);
});

it("a reader of the repository cannot set it", async () => {
  const res = run(process.execPath, [
    "cli/bin/havun.js",
    "vault",
    "keygen",
    "--repo",
    "acme/portal",
    "--dir",
    dir,
    "--set-secret",
    "--token",
    sb.token("bob"),
    "--api-url",
    sb.apiUrl,
  ]);
  await expect(res).rejects.toMatchObject({ code: 1 });
  expect(
    sb.core.store.state.repoSecrets.filter(
      (s) => s.repoId === sb.core.store.repo("acme", "portal")!.id,
    ),
  ).toHaveLength(0);
});
