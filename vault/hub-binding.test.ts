import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { VaultError } from "./errors.ts";
import { createRepoKey } from "./keygen.ts";
import { openSealedText } from "./open.ts";
import { parsePrivateKey } from "./repo-key.ts";
import { sealSecret } from "./seal.ts";
import { sealIntoVault } from "./seal-into-vault.ts";
import { parseSealedFile, serializeSealedFile } from "./sealed-file.ts";
import { serializeSealersFile, trustedSealer } from "./sealers-file.ts";
import { generateSigningKey } from "./signer.ts";
import { openTaskSecrets } from "./task-secrets.ts";
import { secretFilePath, sealedText, tempDir, testKey } from "./test-support.ts";
import { readSecretFiles, readIfExists, type VaultFile } from "./vault-dir.ts";
import { serializeVaultConfig } from "./vault-config.ts";

const repo = "acme/api";
const HUB = "acme/hub";
const EVIL = "evil/hub";
const path_ = secretFilePath(repo, "DB_URL");
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function refusal(promise: Promise<unknown>): Promise<VaultError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VaultError);
  return err as VaultError;
}

/** A hub's vault on disk with one secret, sealed with the real CLI's library call. */
async function hubVault(signingKey?: string) {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  const { privateKey } = await createRepoKey(dir, repo);
  const value = Buffer.from("postgres://acme-only");
  const sealed = await sealIntoVault({
    dir,
    hub: "Acme/Hub",
    repo,
    name: "DB_URL",
    value,
    expires: null,
    signingKey,
  });
  return { dir, privateKey, sealed, files: await readSecretFiles(dir) };
}

describe("sealed files are bound to their hub", () => {
  it("round-trips through the hub it was sealed in (any case), recording the hub once", async () => {
    const { dir, privateKey, sealed } = await hubVault();
    expect(sealed).toMatchObject({ hub: HUB, configFile: path.join(dir, "vault.json") });
    expect(await readFile(path.join(dir, "vault.json"), "utf8")).toBe(serializeVaultConfig(HUB));
    const text = await readFile(sealed.file, "utf8");
    expect(parseSealedFile(text)).toMatchObject({ format: "havun-vault-sealed/v2", hub: HUB });
    const values = await openTaskSecrets({
      files: dir,
      hub: "ACME/hub",
      repo,
      names: ["DB_URL"],
      privateKey,
    });
    expect(values.get("DB_URL")).toBe("postgres://acme-only");
    const again = await sealIntoVault({
      dir,
      repo,
      name: "DB_URL",
      value: Buffer.from("2"),
      expires: null,
    });
    expect(again).toMatchObject({ hub: HUB, version: 2, configFile: null });
  });

  it("refuses a file copied into another hub's vault, even signed by a pinned sealer", async () => {
    const alice = generateSigningKey();
    const { privateKey, files } = await hubVault(alice.secretKey);
    const pinned = [trustedSealer("alice", alice.publicKey)];
    // The attacker's hub holds the copy, and a vault.json claiming to be acme/hub: only the
    // hub the opener read the files from counts.
    const copied: VaultFile[] = [
      ...files,
      { path: "vault.json", text: serializeVaultConfig(HUB) },
      { path: "sealers.json", text: serializeSealersFile(pinned) },
    ];
    const request = { files: copied, repo, names: ["DB_URL"], privateKey, trustedSealers: pinned };
    const err = await refusal(openTaskSecrets({ ...request, hub: EVIL }));
    expect(err.code).toBe("VAULT_WRONG_HUB");
    expect(err.message).toContain("sealed for hub acme/hub, not for evil/hub");
    expect(err.file).toBe(path_);
    expect((await openTaskSecrets({ ...request, hub: HUB })).get("DB_URL")).toBe(
      "postgres://acme-only",
    );
  });

  it("refuses a copy whose hub field was rewritten to the new hub (the hub is bound as associated data)", async () => {
    const unsigned = await hubVault();
    const signer = generateSigningKey();
    const signed = await hubVault(signer.secretKey);
    for (const { files, privateKey } of [unsigned, signed]) {
      const file = parseSealedFile(files[0]!.text);
      const rebound = serializeSealedFile({ ...file, hub: EVIL } as typeof file);
      const err = await refusal(
        openTaskSecrets({
          files: [{ path: path_, text: rebound }],
          hub: EVIL,
          repo,
          names: ["DB_URL"],
          privateKey,
        }),
      );
      expect(err.code).toBe("VAULT_TAMPERED");
    }
  });

  it("needs the hub to seal and to open: VAULT_HUB_MISSING, not a silent default", async () => {
    const key = testKey(repo);
    const text = sealedText({ name: "DB_URL", repo, value: "v", recipients: [key.recipient] });
    const noHub = {
      files: [{ path: path_, text }],
      repo,
      names: ["DB_URL"],
      privateKey: key.privateKey,
    };
    // A JavaScript caller (the bundled Action) can still leave it out.
    const missing = await refusal(
      openTaskSecrets({ ...noHub } as Parameters<typeof openTaskSecrets>[0]),
    );
    expect(missing.code).toBe("VAULT_HUB_MISSING");
    const bad = await refusal(openTaskSecrets({ ...noHub, hub: "not a repo" }));
    expect(bad).toMatchObject({ code: "VAULT_INVALID_REPO", hint: expect.stringContaining("hub") });
    const value = Buffer.from("v");
    expect(() =>
      sealSecret({
        hub: "",
        name: "X",
        repo,
        value,
        version: 1,
        expires: null,
        recipients: [key.recipient],
      }),
    ).toThrowError(expect.objectContaining({ code: "VAULT_HUB_MISSING" }));
  });

  it("sealIntoVault refuses a --hub other than vault.json's, and records nothing when the seal fails", async () => {
    const { dir } = await hubVault();
    const err = await refusal(
      sealIntoVault({ dir, hub: EVIL, repo, name: "X", value: Buffer.from("v"), expires: null }),
    );
    expect(err.code).toBe("VAULT_WRONG_HUB");
    expect(err.message).toContain("belongs to hub acme/hub");
    expect(err.message).toContain("not evil/hub");

    const empty = await tempDir();
    cleanups.push(empty.cleanup);
    const noKey = await refusal(
      sealIntoVault({
        dir: empty.dir,
        hub: HUB,
        repo,
        name: "X",
        value: Buffer.from("v"),
        expires: null,
      }),
    );
    expect(noKey.code).toBe("VAULT_KEY_MISSING");
    expect(await readIfExists(path.join(empty.dir, "vault.json"))).toBeUndefined();
    const noHub = await refusal(
      sealIntoVault({ dir: empty.dir, repo, name: "X", value: Buffer.from("v"), expires: null }),
    );
    expect(noHub).toMatchObject({ code: "VAULT_HUB_MISSING", isUsage: true });
    expect(noHub.hint).toContain("havun vault init --hub OWNER/NAME");
  });

  it("openSealedText checks the hub too", () => {
    const key = testKey(repo);
    const text = sealedText({
      hub: HUB,
      name: "DB_URL",
      repo,
      value: "v",
      recipients: [key.recipient],
    });
    const k = parsePrivateKey(key.privateKey);
    expect(openSealedText(text, { hub: HUB, repo, key: k }).toString()).toBe("v");
    expect(() => openSealedText(text, { hub: EVIL, repo, key: k })).toThrowError(
      expect.objectContaining({ code: "VAULT_WRONG_HUB" }),
    );
  });
});
