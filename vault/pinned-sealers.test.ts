import { describe, expect, it } from "vitest";
import { VaultError } from "./errors.ts";
import { parsePinnedSealers } from "./pinned-sealers.ts";
import { serializeSealersFile, trustedSealer } from "./sealers-file.ts";
import { generateSigningKey, parseSigningKey } from "./signer.ts";
import { openTaskSecrets } from "./task-secrets.ts";
import { secretFilePath, sealedText, TEST_HUB as hub, testKey } from "./test-support.ts";

const alice = generateSigningKey();
const bob = generateSigningKey();
const mallory = generateSigningKey();
const aliceId = trustedSealer("a", alice.publicKey).keyId;
const bobId = trustedSealer("b", bob.publicKey).keyId;

function refusal(run: () => unknown): VaultError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(VaultError);
    return err as VaultError;
  }
  throw new Error("expected a refusal");
}

describe("parsePinnedSealers (an Action input or HAVUN_VAULT_TRUSTED_SEALERS)", () => {
  it("reads KEYID:PUBLICKEY pairs and bare public keys, by commas, spaces or lines, with comments", () => {
    const text = `
      # who may seal for us
      ${aliceId}:${alice.publicKey}   # alice
      ${bob.publicKey}, ${aliceId}:${alice.publicKey}
    `;
    expect(parsePinnedSealers(text)).toEqual([
      { name: "pinned-1", keyId: aliceId, publicKey: alice.publicKey },
      { name: "pinned-2", keyId: bobId, publicKey: bob.publicKey },
    ]);
    expect(parsePinnedSealers(`${alice.publicKey} ${bob.publicKey}`)).toHaveLength(2);
  });

  it("gives undefined (no pins: the hub's sealers.json applies) for nothing listed", () => {
    for (const empty of [undefined, "", "  \n ", ", ,", "# only a comment\n"]) {
      expect(parsePinnedSealers(empty)).toBeUndefined();
    }
  });

  it("refuses malformed entries, naming the entry by number, never echoing it", () => {
    const cases: Array<[string, RegExp]> = [
      [aliceId, /entry 1 is the key id [0-9a-f]{16} alone, which is too short/],
      [`${alice.publicKey}, ${aliceId.toUpperCase()}:${alice.publicKey}`, /entry 2 has a key id/],
      [
        `${bobId}:${alice.publicKey}`,
        new RegExp(`entry 1 names key id ${bobId}, but its public key's id is ${aliceId}`),
      ],
      ["not-base64!", /entry 1 is not a base64 Ed25519 public key/],
      [Buffer.alloc(16, 1).toString("base64"), /entry 1 is not a base64 Ed25519 public key/],
      [alice.secretKey, /entry 1 looks like a signing SECRET key/],
    ];
    for (const [text, message] of cases) {
      const err = refusal(() => parsePinnedSealers(text));
      expect(err.code).toBe("VAULT_KEY_INVALID");
      expect(err.message).toMatch(message);
      expect(err.hint).toContain("KEYID:PUBLICKEY");
    }
    const leaked = refusal(() => parsePinnedSealers(alice.secretKey));
    expect(leaked.message + leaked.hint).not.toContain(alice.secretKey);
  });
});

describe("openTaskSecrets with pinned sealers", () => {
  const repo = "acme/api";
  const key = testKey(repo);
  const seal = (signer?: string) => ({
    path: secretFilePath(repo, "DB_URL"),
    text: sealedText({
      name: "DB_URL",
      repo,
      value: "pinned-value",
      recipients: [key.recipient],
      signer: signer === undefined ? undefined : parseSigningKey(signer),
    }),
  });
  // The hub's own list trusts mallory; the opener pins alice: the hub's list is ignored.
  const hubSealers = {
    path: "sealers.json",
    text: serializeSealersFile([trustedSealer("mallory", mallory.publicKey)]),
  };
  const open = (file: { path: string; text: string }, pins: string) =>
    openTaskSecrets({
      files: [hubSealers, file],
      hub,
      repo,
      names: ["DB_URL"],
      privateKey: key.privateKey,
      trustedSealers: parsePinnedSealers(pins),
    });
  const pinAlice = `${aliceId}:${alice.publicKey}`;

  it("opens a file signed by a pinned sealer although the hub's sealers.json does not list them", async () => {
    expect((await open(seal(alice.secretKey), pinAlice)).get("DB_URL")).toBe("pinned-value");
  });

  it("refuses a file signed by a sealer the hub lists but the opener did not pin", async () => {
    const err = await open(seal(mallory.secretKey), pinAlice).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VAULT_UNTRUSTED_SIGNER" });
    expect((err as VaultError).message).toContain(`trusted key ids: ${aliceId}`);
  });

  it("refuses an unsigned file when sealers are pinned", async () => {
    const err = await open(seal(), pinAlice).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "VAULT_UNTRUSTED_SIGNER" });
    expect((err as VaultError).message).toContain("unsigned");
  });
});
