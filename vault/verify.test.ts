import { describe, expect, it } from "vitest";
import { serializePublicKeyFile } from "./public-key-file.ts";
import { serializeSealersFile, trustedSealer } from "./sealers-file.ts";
import { generateSigningKey, parseSigningKey } from "./signer.ts";
import { secretFilePath, sealedText, TEST_HUB, testKey } from "./test-support.ts";
import { serializeVaultConfig } from "./vault-config.ts";
import { verifyFiles } from "./verify.ts";
import { verifyReport } from "./report.ts";

const repo = "acme/api";
const key = testKey(repo);
const now = new Date("2030-06-15T12:00:00Z");
const keyFiles = [{ path: "keys/acme__api.pub.json", text: serializePublicKeyFile(key.recipient) }];
const configText = serializeVaultConfig(TEST_HUB);
const seal = (
  name: string,
  extra: { expires?: string; signer?: string; recipients?: (typeof key.recipient)[] } = {},
) => ({
  path: secretFilePath(repo, name),
  text: sealedText({
    name,
    repo,
    value: "canary",
    expires: extra.expires ?? null,
    recipients: extra.recipients ?? [key.recipient],
    signer: extra.signer === undefined ? undefined : parseSigningKey(extra.signer),
    now: new Date("2030-01-01T00:00:00Z"),
  }),
});

function problems(input: Partial<Parameters<typeof verifyFiles>[0]>) {
  const result = verifyFiles({ secretFiles: [], keyFiles, configText, now, ...input });
  return result.problems.map((p) => [p.file, p.code]);
}

describe("verifyFiles", () => {
  it("passes a good vault and warns about secrets expiring soon", () => {
    const result = verifyFiles({
      secretFiles: [seal("A"), seal("B", { expires: "2030-06-20" })],
      keyFiles,
      configText,
      now,
    });
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(4);
    expect(result.warnings).toEqual([
      expect.stringContaining("B.sealed.json: expires 2030-06-20 (5 day(s) left)"),
    ]);
  });

  it("reports each problem with its file", () => {
    const moved = { ...seal("A"), path: secretFilePath(repo, "B") };
    const other = testKey(repo);
    expect(
      problems({
        secretFiles: [
          seal("OLD", { expires: "2030-02-01" }),
          moved,
          seal("STALE", { recipients: [other.recipient] }),
          { path: secretFilePath(repo, "BAD"), text: seal("BAD").text.replace("\n}", "}") },
          { path: "secrets/acme__api/notes.txt", text: "hello" },
          { path: secretFilePath("acme/web", "X"), text: seal("X").text },
        ],
      }),
    ).toEqual([
      ["secrets/acme__api/OLD.sealed.json", "VAULT_EXPIRED"],
      ["secrets/acme__api/B.sealed.json", "VAULT_WRONG_NAME"],
      ["secrets/acme__api/STALE.sealed.json", "VAULT_NOT_RECIPIENT"],
      ["secrets/acme__api/BAD.sealed.json", "VAULT_TAMPERED"],
      ["secrets/acme__api/notes.txt", "VAULT_MALFORMED"],
      ["secrets/acme__web/X.sealed.json", "VAULT_WRONG_REPO"],
    ]);
  });

  it("with sealers listed, reports unsigned and unknown-signer files", () => {
    const alice = generateSigningKey();
    const mallory = generateSigningKey();
    const sealersText = serializeSealersFile([trustedSealer("alice", alice.publicKey)]);
    expect(
      problems({
        sealersText,
        secretFiles: [
          seal("OK", { signer: alice.secretKey }),
          seal("UNSIGNED"),
          seal("EVIL", { signer: mallory.secretKey }),
        ],
      }),
    ).toEqual([
      ["secrets/acme__api/UNSIGNED.sealed.json", "VAULT_UNTRUSTED_SIGNER"],
      ["secrets/acme__api/EVIL.sealed.json", "VAULT_UNTRUSTED_SIGNER"],
    ]);
  });

  it("reports missing and misplaced keys and a broken sealers list", () => {
    expect(problems({ keyFiles: [], secretFiles: [seal("A")] })).toEqual([
      ["secrets/acme__api/A.sealed.json", "VAULT_KEY_MISSING"],
    ]);
    expect(problems({ keyFiles: [{ ...keyFiles[0]!, path: "keys/acme__web.pub.json" }] })).toEqual([
      ["keys/acme__web.pub.json", "VAULT_WRONG_REPO"],
    ]);
    expect(problems({ sealersText: "{" })).toEqual([["sealers.json", "VAULT_MALFORMED"]]);
  });
});

describe("verifyFiles and the vault's hub", () => {
  const fromHub = (hub: string, name = "COPIED") => ({
    path: secretFilePath(repo, name),
    text: sealedText({ hub, name, repo, value: "canary", recipients: [key.recipient] }),
  });

  it("reports a file sealed for another hub, and passes the vault's own", () => {
    expect(problems({ secretFiles: [seal("OK"), fromHub("evil/hub")] })).toEqual([
      ["secrets/acme__api/COPIED.sealed.json", "VAULT_WRONG_HUB"],
    ]);
    const [problem] = verifyFiles({
      secretFiles: [fromHub("evil/hub")],
      keyFiles,
      configText,
      now,
    }).problems;
    expect(problem!.message).toContain("sealed for hub evil/hub, not for acme/hub");
  });

  it("checks that vault.json names the hub given (e.g. the hub's own CI)", () => {
    expect(problems({ hub: "Acme/Hub", secretFiles: [seal("OK")] })).toEqual([]);
    expect(problems({ hub: "acme/other", secretFiles: [seal("OK")] })).toEqual([
      ["vault.json", "VAULT_WRONG_HUB"],
      ["secrets/acme__api/OK.sealed.json", "VAULT_WRONG_HUB"],
    ]);
    expect(problems({ configText: '{"hub":"acme/hub"}' })).toEqual([
      ["vault.json", "VAULT_MALFORMED"],
    ]);
  });

  it("without vault.json: a vault with secrets must say its hub; --hub stands in for it", () => {
    expect(problems({ configText: undefined, secretFiles: [seal("OK")] })).toEqual([
      ["vault.json", "VAULT_HUB_MISSING"],
    ]);
    expect(problems({ configText: undefined, secretFiles: [] })).toEqual([]);
    expect(
      problems({
        configText: undefined,
        hub: TEST_HUB,
        secretFiles: [seal("OK"), fromHub("evil/hub")],
      }),
    ).toEqual([["secrets/acme__api/COPIED.sealed.json", "VAULT_WRONG_HUB"]]);
  });
});

describe("verifyReport", () => {
  it("names file, code and hint, and adds GitHub annotations inside Actions", () => {
    const result = verifyFiles({
      secretFiles: [seal("OLD", { expires: "2030-02-01" })],
      keyFiles,
      configText,
      now,
    });
    const text = verifyReport(result, "/hub/vault", { annotate: true, cwd: "/hub" });
    expect(text).toContain(
      "error[VAULT_EXPIRED]: secrets/acme__api/OLD.sealed.json: expired since 2030-02-02",
    );
    expect(text).toContain("::error file=vault/secrets/acme__api/OLD.sealed.json::VAULT_EXPIRED");
    expect(text).toContain("checked 3 file(s) in /hub/vault: 1 problem(s)");
    expect(text).not.toContain("canary");
  });
});
