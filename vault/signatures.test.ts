import { afterEach, describe, expect, it } from "vitest";
import { VaultError } from "./errors.ts";
import { createRepoKey } from "./keygen.ts";
import { openSealedText } from "./open.ts";
import { parsePrivateKey } from "./repo-key.ts";
import { sealIntoVault } from "./seal-into-vault.ts";
import { parseSealedFile, serializeSealedFile } from "./sealed-file.ts";
import { serializeSealersFile, trustedSealer } from "./sealers-file.ts";
import { generateSigningKey, parseSigningKey } from "./signer.ts";
import { openTaskSecrets } from "./task-secrets.ts";
import { secretFilePath, sealedText, tempDir, TEST_HUB as hub, testKey } from "./test-support.ts";
import { addTrustedSealer } from "./trust-sealer.ts";

const repo = "acme/api";
const key = testKey(repo);
const alice = generateSigningKey();
const mallory = generateSigningKey();
const trusted = [trustedSealer("alice", alice.publicKey)];

function sealed(signer?: string): string {
  return sealedText({
    name: "DB_URL",
    repo,
    value: "signed-value",
    recipients: [key.recipient],
    signer: signer === undefined ? undefined : parseSigningKey(signer),
  });
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(VaultError);
    return (err as VaultError).code;
  }
  return "opened";
}

const open =
  (text: string, trustedSealers = trusted) =>
  () =>
    openSealedText(text, { hub, repo, key: parsePrivateKey(key.privateKey), trustedSealers });

describe("signatures by listed sealers", () => {
  it("opens a file signed by a trusted sealer", () => {
    const text = sealed(alice.secretKey);
    expect(parseSealedFile(text).signature?.keyId).toBe(trusted[0]!.keyId);
    expect(open(text)().toString()).toBe("signed-value");
  });

  it("refuses an unsigned file when sealers are listed", () => {
    expect(codeOf(open(sealed()))).toBe("VAULT_UNTRUSTED_SIGNER");
  });

  it("refuses a file signed by an unknown signer, naming it", () => {
    const text = sealed(mallory.secretKey);
    expect(codeOf(open(text))).toBe("VAULT_UNTRUSTED_SIGNER");
    try {
      open(text)();
    } catch (err) {
      expect((err as Error).message).toContain(trustedSealer("m", mallory.publicKey).keyId);
    }
  });

  it("refuses everything when the list is empty; without a list unsigned files open", () => {
    expect(codeOf(open(sealed(alice.secretKey), []))).toBe("VAULT_UNTRUSTED_SIGNER");
    const noList = () =>
      openSealedText(sealed(), { hub, repo, key: parsePrivateKey(key.privateKey) }).toString();
    expect(noList()).toBe("signed-value");
  });

  it("refuses a signature moved onto another file, with or without a list", () => {
    const good = parseSealedFile(sealed(alice.secretKey));
    const other = parseSealedFile(sealed());
    const transplanted = serializeSealedFile({ ...other, signature: good.signature });
    expect(codeOf(open(transplanted))).toBe("VAULT_TAMPERED");
    const withoutList = () =>
      openSealedText(transplanted, { hub, repo, key: parsePrivateKey(key.privateKey) });
    expect(codeOf(withoutList)).toBe("VAULT_TAMPERED");
  });

  it("accepts a 32-byte seed as the signing key", () => {
    const seed = Buffer.alloc(32, 7).toString("base64");
    const a = parseSigningKey(seed);
    const b = parseSigningKey(seed);
    expect(a.keyId).toBe(b.keyId);
  });
});

describe("sealers.json in the vault", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it("applies to openTaskSecrets, and the opening side can pin its own list", async () => {
    const files = [
      { path: "sealers.json", text: serializeSealersFile(trusted) },
      { path: secretFilePath(repo, "DB_URL"), text: sealed(mallory.secretKey) },
    ];
    const request = { files, hub, repo, privateKey: key.privateKey };
    const err = await openTaskSecrets({ ...request, names: ["DB_URL"] }).catch((e: unknown) => e);
    expect((err as VaultError).code).toBe("VAULT_UNTRUSTED_SIGNER");
    const pinned = [trustedSealer("mallory", mallory.publicKey)];
    const values = await openTaskSecrets({ ...request, names: ["DB_URL"], trustedSealers: pinned });
    expect(values.get("DB_URL")).toBe("signed-value");
  });

  it("makes seal refuse to write unsigned or unlisted files once sealers are listed", async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    await createRepoKey(dir, repo);
    const seal = (signingKey?: string) =>
      sealIntoVault({
        dir,
        hub,
        repo,
        name: "X",
        value: Buffer.from("v"),
        expires: null,
        signingKey,
      });
    expect((await seal()).signedBy).toBeNull();
    expect((await seal(mallory.secretKey)).signedBy).toBe(
      trustedSealer("m", mallory.publicKey).keyId,
    );
    await addTrustedSealer(dir, trusted[0]!);
    expect((await seal().catch((e: VaultError) => e)) as VaultError).toMatchObject({
      code: "VAULT_SIGNING_KEY_MISSING",
    });
    expect((await seal(mallory.secretKey).catch((e: VaultError) => e)) as VaultError).toMatchObject(
      {
        code: "VAULT_UNTRUSTED_SIGNER",
      },
    );
    expect((await seal(alice.secretKey)).signedBy).toBe(trusted[0]!.keyId);
  });
});
