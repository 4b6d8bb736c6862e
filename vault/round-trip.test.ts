import { describe, expect, it } from "vitest";
import { openSealedText } from "./open.ts";
import { parsePrivateKey } from "./repo-key.ts";
import { parseSealedFile, SEALED_FORMAT } from "./sealed-file.ts";
import { sealedText, TEST_HUB as hub, testKey } from "./test-support.ts";

const repo = "acme/api";

function open(text: string, privateKey: string, name = "DB_URL"): string {
  const key = parsePrivateKey(privateKey);
  try {
    return openSealedText(text, { hub, repo, name, key }).toString("utf8");
  } finally {
    key.dispose();
  }
}

describe("seal and open", () => {
  const key = testKey(repo);

  it.each([
    ["one byte", "x"],
    ["31 bytes", "a".repeat(31)],
    ["32 bytes", "b".repeat(32)],
    ["33 bytes", "c".repeat(33)],
    ["unicode and newlines", "päss\nwörd ✓\n"],
    ["10 KiB", "z".repeat(10 * 1024)],
  ])("round-trips %s", (_, value) => {
    const text = sealedText({ name: "DB_URL", repo, value, recipients: [key.recipient] });
    expect(open(text, key.privateKey)).toBe(value);
  });

  it("writes readable JSON in a fixed key order with a trailing newline, and no plaintext", () => {
    const text = sealedText({
      name: "DB_URL",
      repo,
      value: "canary-value-123",
      version: 4,
      expires: "2099-12-31",
      recipients: [key.recipient],
    });
    expect(text.endsWith("}\n")).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual([
      "format",
      "hub",
      "name",
      "repo",
      "version",
      "expires",
      "recipients",
      "nonce",
      "ciphertext",
      "signature",
    ]);
    const file = parseSealedFile(text);
    expect(file).toMatchObject({
      format: SEALED_FORMAT,
      hub,
      name: "DB_URL",
      repo,
      version: 4,
      expires: "2099-12-31",
    });
    expect(file.recipients[0]!.keyId).toBe(key.recipient.keyId);
    expect(text).not.toContain("canary");
  });

  it("uses a fresh data key and nonce per seal", () => {
    const a = parseSealedFile(
      sealedText({ name: "DB_URL", repo, value: "same", recipients: [key.recipient] }),
    );
    const b = parseSealedFile(
      sealedText({ name: "DB_URL", repo, value: "same", recipients: [key.recipient] }),
    );
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.recipients[0]!.wrappedKey).not.toBe(b.recipients[0]!.wrappedKey);
  });

  it("pads values so the file shows only a 32-byte length range", () => {
    const length = (value: string) =>
      parseSealedFile(sealedText({ name: "DB_URL", repo, value, recipients: [key.recipient] }))
        .ciphertext.length;
    expect(length("a")).toBe(length("a".repeat(31)));
    expect(length("a".repeat(32))).toBeGreaterThan(length("a".repeat(31)));
  });

  it("wraps the data key for every recipient; each can open", () => {
    const second = testKey(repo);
    const text = sealedText({
      name: "DB_URL",
      repo,
      value: "shared",
      recipients: [key.recipient, second.recipient],
    });
    expect(parseSealedFile(text).recipients).toHaveLength(2);
    expect(open(text, key.privateKey)).toBe("shared");
    expect(open(text, second.privateKey)).toBe("shared");
  });

  it("normalises the target repository's case", () => {
    const text = sealedText({
      name: "DB_URL",
      repo: "Acme/API",
      value: "v",
      recipients: [key.recipient],
    });
    expect(parseSealedFile(text).repo).toBe("acme/api");
  });
});
