import { describe, expect, it } from "vitest";
import { VaultError } from "./errors.ts";
import { openSealedText, type OpenRequest } from "./open.ts";
import { parsePrivateKey } from "./repo-key.ts";
import { trustedSealer } from "./sealers-file.ts";
import { generateSigningKey, parseSigningKey } from "./signer.ts";
import { sealedText, TEST_HUB as hub, testKey } from "./test-support.ts";

const repo = "acme/api";
const value = "tamper-canary-value";
// Each byte is changed several ways: low bit, another bit, ASCII case, high bit (invalid UTF-8).
const FLIPS = [0x01, 0x02, 0x20, 0x80];

/** Changes every byte of the file every way in FLIPS; returns the refusal codes seen. */
function changeEveryByte(text: string, request: OpenRequest): Map<string, number> {
  const original = Buffer.from(text, "utf8");
  const codes = new Map<string, number>();
  for (let at = 0; at < original.length; at++) {
    for (const flip of FLIPS) {
      const changed = Buffer.from(original);
      changed[at] = changed[at]! ^ flip;
      let opened: string | undefined;
      try {
        opened = openSealedText(changed, request).toString("utf8");
      } catch (err) {
        if (!(err instanceof VaultError))
          throw new Error(`byte ${at} ^${flip}: untyped error ${String(err)}`);
        codes.set(err.code, (codes.get(err.code) ?? 0) + 1);
        continue;
      }
      throw new Error(
        `byte ${at} ^ 0x${flip.toString(16)} was accepted (opened ${opened === value ? "the old value" : "a value"})`,
      );
    }
  }
  return codes;
}

describe("every single-byte change of a sealed file is refused", () => {
  const key = testKey(repo);

  it("unsigned file", () => {
    const text = sealedText({
      name: "DB_URL",
      repo,
      value,
      expires: "2099-12-31",
      recipients: [key.recipient],
    });
    const privateKey = parsePrivateKey(key.privateKey);
    expect(openSealedText(text, { hub, repo, name: "DB_URL", key: privateKey }).toString()).toBe(
      value,
    );
    const codes = changeEveryByte(text, { hub, repo, name: "DB_URL", key: privateKey });
    const total = [...codes.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(Buffer.byteLength(text) * FLIPS.length);
    expect(codes.get("VAULT_TAMPERED")).toBeGreaterThan(0);
    expect(codes.get("VAULT_MALFORMED")).toBeGreaterThan(0);
  });

  it("signed file, with and without a trusted-sealers list", () => {
    const signing = generateSigningKey();
    const signer = parseSigningKey(signing.secretKey);
    const text = sealedText({ name: "DB_URL", repo, value, recipients: [key.recipient], signer });
    const privateKey = parsePrivateKey(key.privateKey);
    const trusted = [trustedSealer("alice", signing.publicKey)];
    const request = { hub, repo, name: "DB_URL", key: privateKey, trustedSealers: trusted };
    expect(openSealedText(text, request).toString()).toBe(value);
    const codes = changeEveryByte(text, request);
    expect(codes.get("VAULT_TAMPERED")).toBeGreaterThan(0);
    // Without a list a present signature is still checked for integrity.
    changeEveryByte(text, { hub, repo, name: "DB_URL", key: privateKey });
  });
});
