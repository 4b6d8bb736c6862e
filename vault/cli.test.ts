import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHavun } from "./cli-run.ts";
import { sealIntoVault } from "./seal-into-vault.ts";
import { tempDir } from "./test-support.ts";

const CANARY = "canary-Zq8-value-never-printed";
const KEY_LINE = /^havun-vault-key\/v1:acme\/api:[A-Za-z0-9+/=]+\n$/;
const gitEnv = {
  GIT_AUTHOR_NAME: "Alice Admin",
  GIT_AUTHOR_EMAIL: "alice@example.com",
  GIT_COMMITTER_NAME: "Alice Admin",
  GIT_COMMITTER_EMAIL: "alice@example.com",
};

let dir = "";
let cleanup = async () => {};
const havun = (args: string[], input?: string, env: Record<string, string | undefined> = {}) =>
  runHavun(["vault", ...args], { cwd: dir, input, env: { ...gitEnv, ...env } });
const git = (...args: string[]) =>
  execFileSync("git", args, { cwd: dir, env: { ...process.env, ...gitEnv } });

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("havun-vault-cli-"));
  git("init", "-q");
});
afterAll(() => cleanup());

describe("havun vault (the real CLI)", () => {
  let privateKey = "";

  it("keygen prints only the private key on stdout and writes the public key", async () => {
    const r = await havun(["keygen", "--repo", "Acme/API"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(KEY_LINE);
    expect(r.stderr).toContain("vault/keys/acme__api.pub.json");
    privateKey = r.stdout.trim();
    const again = await havun(["keygen", "--repo", "acme/api"]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("error[VAULT_KEY_EXISTS]");
  });

  it("seal needs the hub: without vault.json or --hub it says what to do (exit 2)", async () => {
    const r = await havun(["seal", "DB_URL", "--repo", "acme/api"], CANARY);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[VAULT_HUB_MISSING]");
    expect(r.stderr).toContain("havun vault init --hub OWNER/NAME");
    await expect(
      readFile(path.join(dir, "vault/secrets/acme__api/DB_URL.sealed.json")),
    ).rejects.toThrow(/ENOENT/);
  });

  it("seal reads stdin (one trailing newline stripped); the first --hub is recorded; unseal prints the value", async () => {
    const sealed = await havun(
      ["seal", "DB_URL", "--repo", "acme/api", "--hub", "Acme/Hub", "--expires", "2099-12-31"],
      `${CANARY}\n`,
    );
    expect(sealed.code).toBe(0);
    expect(sealed.stdout).toBe("");
    expect(sealed.stderr).toContain("in hub acme/hub");
    expect(sealed.stderr).toContain("vault/vault.json (hub acme/hub); commit it too");
    expect(JSON.parse(await readFile(path.join(dir, "vault/vault.json"), "utf8"))).toEqual({
      format: "havun-vault-config/v1",
      hub: "acme/hub",
    });
    const file = await readFile(
      path.join(dir, "vault/secrets/acme__api/DB_URL.sealed.json"),
      "utf8",
    );
    expect(JSON.parse(file)).toMatchObject({ format: "havun-vault-sealed/v2", hub: "acme/hub" });
    expect(file).not.toContain(CANARY);
    const opened = await havun(["unseal", "DB_URL", "--repo", "acme/api"], "", {
      HAVUN_VAULT_KEY: privateKey,
    });
    expect(opened).toMatchObject({ code: 0, stdout: `${CANARY}\n` });
  });

  it("list and verify never print a value", async () => {
    const [list, json, verify] = await Promise.all([
      havun(["list"]),
      havun(["list", "--json"]),
      havun(["verify"]),
    ]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/DB_URL\s+acme\/api\s+v1\s+2099-12-31\s+unsigned\s+acme\/hub/);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ name: "DB_URL", repo: "acme/api", hub: "acme/hub", version: 1 }),
    ]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain("0 problem(s)");
    for (const r of [list, json, verify]) expect(r.stdout + r.stderr).not.toContain(CANARY);
  });

  it("refuses usage errors with exit 2 and refusals with exit 1, with codes and hints", async () => {
    const [empty, badName, noKey, wrongRepo, missingOption] = await Promise.all([
      havun(["seal", "EMPTY", "--repo", "acme/api"], "\n"),
      havun(["seal", "db-url", "--repo", "acme/api"], "x"),
      havun(["unseal", "DB_URL", "--repo", "acme/api"]),
      havun(["unseal", "DB_URL", "--repo", "acme/web"], "", { HAVUN_VAULT_KEY: privateKey }),
      havun(["seal", "X"], "x"),
    ]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("error[VAULT_EMPTY_VALUE]");
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain("error[VAULT_INVALID_NAME]");
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain("error[VAULT_KEY_MISSING]");
    expect(wrongRepo.code).toBe(1);
    expect(wrongRepo.stderr).toContain("error[VAULT_WRONG_REPO]");
    expect(missingOption.code).toBe(2);
  });

  it("verify exits 1 naming each bad file (tampered, expired)", async () => {
    await sealIntoVault({
      dir: path.join(dir, "vault"),
      repo: "acme/api",
      name: "OLD_TOKEN",
      value: Buffer.from(CANARY),
      expires: "2020-01-01",
      now: new Date("2019-12-01T00:00:00Z"),
    });
    const copy = path.join(dir, "vault/secrets/acme__api/COPY.sealed.json");
    await writeFile(
      copy,
      await readFile(path.join(dir, "vault/secrets/acme__api/DB_URL.sealed.json")),
    );
    const r = await havun(["verify"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "error[VAULT_EXPIRED]: secrets/acme__api/OLD_TOKEN.sealed.json: expired since 2020-01-02",
    );
    expect(r.stdout).toContain("error[VAULT_WRONG_NAME]: secrets/acme__api/COPY.sealed.json");
    expect(r.stdout).not.toContain(CANARY);
    await havun(["delete", "OLD_TOKEN", "--repo", "acme/api"]);
    await havun(["delete", "COPY", "--repo", "acme/api"]);
  });

  it("rotate prints only the new key; the old one opens nothing; log shows the trail from git", async () => {
    git("add", "vault");
    git("commit", "-qm", "seal DB_URL");
    await havun(["seal", "DB_URL", "--repo", "acme/api"], "second");
    git("commit", "-qam", "re-seal DB_URL");
    const rotated = await havun(["rotate", "--repo", "acme/api"], "", {
      HAVUN_VAULT_KEY: privateKey,
    });
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(KEY_LINE);
    expect(rotated.stderr).toContain("re-sealed 1 secret(s)");
    git("commit", "-qam", "rotate acme/api");
    const old = await havun(["unseal", "DB_URL", "--repo", "acme/api"], "", {
      HAVUN_VAULT_KEY: privateKey,
    });
    expect(old.code).toBe(1);
    expect(old.stderr).toContain("error[VAULT_NOT_RECIPIENT]");
    const fresh = await havun(["unseal", "DB_URL", "--repo", "acme/api"], "", {
      HAVUN_VAULT_KEY: rotated.stdout,
    });
    expect(fresh.stdout).toBe("second\n");
    await havun(["delete", "DB_URL", "--repo", "acme/api"]);
    git("commit", "-qam", "drop DB_URL");

    const log = await havun(["log", "DB_URL", "--repo", "acme/api", "--json"]);
    expect(log.code).toBe(0);
    const entries = JSON.parse(log.stdout) as Array<{
      action: string;
      version: number | null;
      hub: string | null;
      author: string;
    }>;
    expect(entries.map((e) => [e.action, e.version, e.hub])).toEqual([
      ["deleted", null, null],
      ["rotated", 3, "acme/hub"],
      ["re-sealed", 2, "acme/hub"],
      ["sealed", 1, "acme/hub"],
    ]);
    expect(entries[0]!.author).toBe("Alice Admin");
    const table = await havun(["log", "DB_URL", "--repo", "acme/api"]);
    expect(table.stdout).toMatch(/rotated\s+v3\s+acme\/hub\s+Alice Admin <alice@example.com>/);
  });

  it("log outside a git repository says so", async () => {
    const outside = await tempDir("havun-vault-nogit-");
    try {
      const r = await runHavun(["vault", "log", "X", "--repo", "acme/api", "--dir", outside.dir], {
        cwd: outside.dir,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("error[VAULT_NOT_GIT]");
    } finally {
      await outside.cleanup();
    }
  });

  it("signer-keygen --trust lists a sealer; seal then signs and list names the sealer", async () => {
    const signer = await havun(["signer-keygen", "--name", "alice", "--trust"]);
    expect(signer.code).toBe(0);
    expect(signer.stdout).toMatch(/^[A-Za-z0-9+/=]{88}\n$/);
    const unsigned = await havun(["seal", "API_TOKEN", "--repo", "acme/api"], CANARY);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain("error[VAULT_SIGNING_KEY_MISSING]");
    const signed = await havun(["seal", "API_TOKEN", "--repo", "acme/api"], CANARY, {
      HAVUN_VAULT_SIGNING_KEY: signer.stdout.trim(),
    });
    expect(signed.code).toBe(0);
    const list = await havun(["list"]);
    expect(list.stdout).toMatch(/API_TOKEN\s+acme\/api\s+v1\s+never\s+alice \([0-9a-f]{16}\)/);
    expect((await havun(["verify"])).code).toBe(0);
  });
});
