import { execFileSync } from "node:child_process";
import { cp, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHavun } from "./cli-run.ts";
import { tempDir } from "./test-support.ts";
import { V1_FILES, V1_PRIVATE_KEY, V1_VALUE } from "./v1-fixture.ts";
import { writeAtomic } from "./vault-dir.ts";

// The real `havun vault` CLI and the hub a vault belongs to: init, seal, unseal, verify, list,
// rotate and log with vault.json and --hub; a file copied to another hub; v1 files; pinned sealers.
const CANARY = "canary-hub-Q7-never-printed";
const gitEnv = {
  GIT_AUTHOR_NAME: "Alice Admin",
  GIT_AUTHOR_EMAIL: "alice@example.com",
  GIT_COMMITTER_NAME: "Alice Admin",
  GIT_COMMITTER_EMAIL: "alice@example.com",
};

let root = "";
let cleanup = async () => {};
const havun = (args: string[], input = "", env: Record<string, string> = {}) =>
  runHavun(["vault", ...args], { cwd: root, input, env: { ...gitEnv, ...env } });
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, env: { ...process.env, ...gitEnv } });

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir("havun-vault-cli-hub-"));
});
afterAll(() => cleanup());

describe("havun vault and the hub (the real CLI)", () => {
  let apiKey = "";

  it("init --hub records the hub once in vault.json; another hub is refused", async () => {
    const first = await havun(["init", "--hub", "Acme/Hub", "--dir", "acme"]);
    expect(first).toMatchObject({ code: 0, stdout: "" });
    expect(first.stderr).toContain("acme/vault.json (hub acme/hub); commit it");
    expect(await readFile(path.join(root, "acme/vault.json"), "utf8")).toBe(
      '{\n  "format": "havun-vault-config/v1",\n  "hub": "acme/hub"\n}\n',
    );
    const [same, other, none] = await Promise.all([
      havun(["init", "--hub", "acme/hub", "--dir", "acme"]),
      havun(["init", "--hub", "acme/other", "--dir", "acme"]),
      havun(["init", "--dir", "acme"]),
    ]);
    expect(same.code).toBe(0);
    expect(same.stderr).toContain("already names hub acme/hub");
    expect(other.code).toBe(1);
    expect(other.stderr).toContain("error[VAULT_WRONG_HUB]");
    expect(other.stderr).toContain("already names hub acme/hub, not acme/other");
    expect(none.code).toBe(2);
  });

  it("seal binds to vault.json's hub; a --hub that disagrees is refused naming both", async () => {
    const key = await havun(["keygen", "--repo", "acme/api", "--dir", "acme"]);
    apiKey = key.stdout.trim();
    const sealed = await havun(["seal", "DB_URL", "--repo", "acme/api", "--dir", "acme"], CANARY);
    expect(sealed.code).toBe(0);
    expect(sealed.stderr).toContain("in hub acme/hub");
    const file = JSON.parse(
      await readFile(path.join(root, "acme/secrets/acme__api/DB_URL.sealed.json"), "utf8"),
    ) as { format: string; hub: string };
    expect([file.format, file.hub]).toEqual(["havun-vault-sealed/v2", "acme/hub"]);
    const wrong = await havun(
      ["seal", "DB_URL", "--repo", "acme/api", "--hub", "evil/hub", "--dir", "acme"],
      "x",
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("belongs to hub acme/hub (vault.json), not evil/hub");
  });

  it("a file copied into another hub's vault is refused by unseal and verify", async () => {
    await havun(["init", "--hub", "evil/hub", "--dir", "evil"]);
    await cp(path.join(root, "acme/keys"), path.join(root, "evil/keys"), { recursive: true });
    await cp(path.join(root, "acme/secrets"), path.join(root, "evil/secrets"), { recursive: true });
    const env = { HAVUN_VAULT_KEY: apiKey };
    const [unseal, verify, home, asHub, notHub] = await Promise.all([
      havun(["unseal", "DB_URL", "--repo", "acme/api", "--dir", "evil"], "", env),
      havun(["verify", "--dir", "evil"]),
      havun(["unseal", "DB_URL", "--repo", "acme/api", "--dir", "acme"], "", env),
      havun(["verify", "--dir", "acme", "--hub", "ACME/hub"]),
      havun(["verify", "--dir", "acme", "--hub", "acme/other"]),
    ]);
    expect(unseal.code).toBe(1);
    expect(unseal.stdout).toBe("");
    expect(unseal.stderr).toContain("error[VAULT_WRONG_HUB]");
    expect(unseal.stderr).toContain("was sealed for hub acme/hub, not for evil/hub");
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain("error[VAULT_WRONG_HUB]: secrets/acme__api/DB_URL.sealed.json");
    expect(home).toMatchObject({ code: 0, stdout: `${CANARY}\n` });
    expect(asHub.code).toBe(0);
    expect(notHub.code).toBe(1);
    expect(notHub.stdout).toContain("error[VAULT_WRONG_HUB]: vault.json: names hub acme/hub");
    for (const r of [unseal, verify, asHub, notHub])
      expect(r.stdout + r.stderr).not.toContain(CANARY);
  });

  it("unseal honours pinned sealers given as KEYID:PUBLICKEY, as signer-keygen prints them", async () => {
    const signer = await havun(["signer-keygen", "--name", "alice", "--dir", "acme"]);
    const pin = /to pin it where secrets are opened: ([0-9a-f]{16}:\S+)/.exec(signer.stderr)![1]!;
    const other = await havun(["signer-keygen", "--name", "bob", "--dir", "acme"]);
    const otherPin = /opened: (\S+)/.exec(other.stderr)![1]!;
    await havun(["seal", "SIGNED", "--repo", "acme/api", "--dir", "acme"], CANARY, {
      HAVUN_VAULT_SIGNING_KEY: signer.stdout.trim(),
    });
    const open = (name: string, pins: string) =>
      havun(["unseal", name, "--repo", "acme/api", "--dir", "acme"], "", {
        HAVUN_VAULT_KEY: apiKey,
        HAVUN_VAULT_TRUSTED_SEALERS: pins,
      });
    const [pinned, notPinned, unsigned, bad] = await Promise.all([
      open("SIGNED", `${otherPin}\n${pin}  # alice`),
      open("SIGNED", otherPin),
      open("DB_URL", pin),
      open("SIGNED", pin.split(":")[0]!),
    ]);
    expect(pinned).toMatchObject({ code: 0, stdout: `${CANARY}\n` });
    expect(notPinned.code).toBe(1);
    expect(notPinned.stderr).toContain("error[VAULT_UNTRUSTED_SIGNER]");
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toMatch(/error\[VAULT_UNTRUSTED_SIGNER\].*unsigned/);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      "error[VAULT_KEY_INVALID]: trusted sealers: entry 1 is the key id",
    );
  });

  it("a v1 file is refused, listed without a hub, failed by verify; rotate re-seals it bound to the hub", async () => {
    const hub = path.join(root, "v1hub");
    for (const [file, text] of Object.entries(V1_FILES)) {
      await writeAtomic(path.join(hub, "vault", file), text);
    }
    git(hub, "init", "-q");
    git(hub, "add", ".");
    git(hub, "commit", "-qm", "vault written by an older havun");
    const at = (args: string[], env: Record<string, string> = {}) =>
      runHavun(["vault", ...args], { cwd: hub, env: { ...gitEnv, ...env } });
    expect((await at(["init", "--hub", "acme/hub"])).code).toBe(0);
    const [unseal, list, verify] = await Promise.all([
      at(["unseal", "DB_URL", "--repo", "acme/api"], { HAVUN_VAULT_KEY: V1_PRIVATE_KEY }),
      at(["list"]),
      at(["verify"]),
    ]);
    expect(unseal.code).toBe(1);
    expect(unseal.stderr).toContain("error[VAULT_LEGACY_FORMAT]");
    expect(unseal.stderr).toContain("havun vault rotate --repo acme/api");
    expect(list.stdout).toMatch(
      /DB_URL\s+acme\/api\s+v1\s+never\s+unsigned\s+none \(v1: re-seal\)/,
    );
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain("error[VAULT_LEGACY_FORMAT]");

    const rotated = await at(["rotate", "--repo", "acme/api"], { HAVUN_VAULT_KEY: V1_PRIVATE_KEY });
    expect(rotated.code).toBe(0);
    git(hub, "add", ".");
    git(hub, "commit", "-qm", "re-seal bound to the hub");
    const [opened, verified, log] = await Promise.all([
      at(["unseal", "DB_URL", "--repo", "acme/api"], { HAVUN_VAULT_KEY: rotated.stdout.trim() }),
      at(["verify"]),
      at(["log", "DB_URL", "--repo", "acme/api", "--json"]),
    ]);
    expect(opened).toMatchObject({ code: 0, stdout: `${V1_VALUE}\n` });
    expect(verified.code).toBe(0);
    const entries = JSON.parse(log.stdout) as Array<{ action: string; hub: string | null }>;
    expect(entries.map((e) => [e.action, e.hub])).toEqual([
      ["rotated", "acme/hub"],
      ["sealed", null],
    ]);
  });
});
