import { afterEach, describe, expect, it } from "vitest";
import { VaultError } from "./errors.ts";
import { createRepoKey } from "./keygen.ts";
import { openSealedText } from "./open.ts";
import { parsePrivateKey } from "./repo-key.ts";
import { rotateRepoKey } from "./rotate.ts";
import { sealIntoVault } from "./seal-into-vault.ts";
import { parseSealedFile } from "./sealed-file.ts";
import { openTaskSecrets } from "./task-secrets.ts";
import { tempDir, TEST_HUB as hub } from "./test-support.ts";
import { readSecretFiles, requireRecipientKey } from "./vault-dir.ts";
import { initVault } from "./vault-config.ts";

const repo = "acme/api";
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function vaultWith(values: Record<string, string>) {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  const { privateKey } = await createRepoKey(dir, repo);
  await initVault(dir, hub);
  for (const [name, value] of Object.entries(values)) {
    await sealIntoVault({ dir, repo, name, value: Buffer.from(value), expires: null });
  }
  return { dir, privateKey };
}

describe("rotate", () => {
  it("re-seals every secret to the new key; the old key opens none of them", async () => {
    const values = { DB_URL: "postgres://x", API_TOKEN: "tok-123", SMTP_PASSWORD: "hunter2" };
    const { dir, privateKey: oldKey } = await vaultWith(values);
    await createRepoKey(dir, "acme/web");
    await sealIntoVault({
      dir,
      repo: "acme/web",
      name: "OTHER",
      value: Buffer.from("x"),
      expires: null,
    });
    const otherBefore = (await readSecretFiles(dir)).find((f) => f.path.includes("acme__web"));
    const before = new Map(
      (await readSecretFiles(dir)).map((f) => [f.path, parseSealedFile(f.text)]),
    );

    const result = await rotateRepoKey({ dir, repo, oldPrivateKey: oldKey });

    expect(result.files).toHaveLength(3);
    expect(result.keyId).not.toBe(result.oldKeyId);
    expect((await requireRecipientKey(dir, repo)).keyId).toBe(result.keyId);
    const names = Object.keys(values);
    const opened = await openTaskSecrets({
      hub,
      files: dir,
      repo,
      names,
      privateKey: result.privateKey,
    });
    expect(Object.fromEntries(opened)).toEqual(values);
    const after = await readSecretFiles(dir);
    expect(after.find((f) => f.path.includes("acme__web"))).toEqual(otherBefore);
    const old = parsePrivateKey(oldKey);
    for (const file of after.filter((f) => f.path.includes("acme__api"))) {
      const sealed = parseSealedFile(file.text);
      expect(sealed.version).toBe(before.get(file.path)!.version + 1);
      expect(() => openSealedText(file.text, { hub, repo, key: old })).toThrowError(
        expect.objectContaining({ code: "VAULT_NOT_RECIPIENT" }),
      );
    }
  });

  it("re-wraps expired secrets too, keeping their date", async () => {
    const { dir, privateKey: oldKey } = await vaultWith({ LIVE: "a" });
    await sealIntoVault({
      dir,
      repo,
      name: "OLD",
      value: Buffer.from("b"),
      expires: "2020-01-01",
      now: new Date("2019-12-01T00:00:00Z"),
    });
    const { privateKey } = await rotateRepoKey({ dir, repo, oldPrivateKey: oldKey });
    const file = (await readSecretFiles(dir)).find((f) => f.path.endsWith("OLD.sealed.json"))!;
    expect(parseSealedFile(file.text).expires).toBe("2020-01-01");
    const key = parsePrivateKey(privateKey);
    expect(openSealedText(file.text, { hub, repo, key, allowExpired: true }).toString()).toBe("b");
    expect(() => openSealedText(file.text, { hub, repo, key })).toThrowError(
      expect.objectContaining({ code: "VAULT_EXPIRED" }),
    );
  });

  it("refuses a key that is not the repository's current one, changing nothing", async () => {
    const { dir } = await vaultWith({ DB_URL: "x" });
    const before = await readSecretFiles(dir);
    const elsewhere = await tempDir();
    cleanups.push(elsewhere.cleanup);
    const { privateKey: stranger } = await createRepoKey(elsewhere.dir, repo);
    const err = await rotateRepoKey({ dir, repo, oldPrivateKey: stranger }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe("VAULT_NOT_RECIPIENT");
    expect(await readSecretFiles(dir)).toEqual(before);
  });
});
