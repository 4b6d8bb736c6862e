import { describe, expect, it } from "vitest";
import { VaultError } from "./errors.ts";
import { openSealedText } from "./open.ts";
import { parsePrivateKey } from "./repo-key.ts";
import { parseSealedFile, serializeSealedFile } from "./sealed-file.ts";
import { openTaskSecrets } from "./task-secrets.ts";
import { secretFilePath, sealedText, TEST_HUB as hub, testKey } from "./test-support.ts";

const repo = "acme/api";
const key = testKey(repo);

async function refusal(promise: Promise<unknown>): Promise<VaultError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VaultError);
  return err as VaultError;
}

function syncRefusal(run: () => unknown): VaultError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(VaultError);
    return err as VaultError;
  }
  throw new Error("expected a refusal");
}

const text = sealedText({ name: "DB_URL", repo, value: "v1", recipients: [key.recipient] });

describe("a sealed file is bound to its name and repository", () => {
  it("refuses a file copied to another name", async () => {
    const files = [{ path: secretFilePath(repo, "OTHER"), text }];
    const err = await refusal(
      openTaskSecrets({ files, hub, repo, names: ["OTHER"], privateKey: key.privateKey }),
    );
    expect(err.code).toBe("VAULT_WRONG_NAME");
    expect(err.message).toContain("secrets/acme__api/OTHER.sealed.json");
  });

  it("refuses a file copied to another repository's folder", async () => {
    const web = testKey("acme/web");
    const files = [{ path: secretFilePath("acme/web", "DB_URL"), text }];
    const err = await refusal(
      openTaskSecrets({
        files,
        hub,
        repo: "acme/web",
        names: ["DB_URL"],
        privateKey: web.privateKey,
      }),
    );
    expect(err.code).toBe("VAULT_WRONG_REPO");
    expect(err.message).toContain("sealed for acme/api, not for acme/web");
  });

  it("refuses a file whose name or repository field was rewritten to match its new place", () => {
    const file = parseSealedFile(text);
    const renamed = serializeSealedFile({ ...file, name: "OTHER" });
    const moved = serializeSealedFile({ ...file, repo: "acme/web" });
    const k = parsePrivateKey(key.privateKey);
    expect(
      syncRefusal(() => openSealedText(renamed, { hub, repo, name: "OTHER", key: k })).code,
    ).toBe("VAULT_TAMPERED");
    expect(syncRefusal(() => openSealedText(moved, { hub, repo: "acme/web", key: k })).code).toBe(
      "VAULT_TAMPERED",
    );
  });

  it("refuses edits to version or expiry", () => {
    const file = parseSealedFile(
      sealedText({
        name: "DB_URL",
        repo,
        value: "v",
        expires: "2030-01-01",
        recipients: [key.recipient],
      }),
    );
    const k = parsePrivateKey(key.privateKey);
    const now = new Date("2029-06-01T00:00:00Z");
    for (const edited of [
      { ...file, version: 2 },
      { ...file, expires: "2099-01-01" },
      { ...file, expires: null },
    ]) {
      expect(
        syncRefusal(() => openSealedText(serializeSealedFile(edited), { hub, repo, key: k, now }))
          .code,
      ).toBe("VAULT_TAMPERED");
    }
  });
});

describe("refusals carry their codes", () => {
  it("a key that is not a recipient: VAULT_NOT_RECIPIENT naming the expected key ids", () => {
    const other = testKey(repo);
    const err = syncRefusal(() =>
      openSealedText(text, { hub, repo, key: parsePrivateKey(other.privateKey) }),
    );
    expect(err.code).toBe("VAULT_NOT_RECIPIENT");
    expect(err.message).toContain(`expected key id ${key.recipient.keyId}`);
    expect(err.message).toContain(other.recipient.keyId);
    expect(err.hint).toMatch(/HAVUN_VAULT_KEY/);
  });

  it("another repository's key: VAULT_WRONG_REPO before anything is opened", async () => {
    const web = testKey("acme/web");
    const files = [{ path: secretFilePath(repo, "DB_URL"), text }];
    const err = await refusal(
      openTaskSecrets({ files, hub, repo, names: ["DB_URL"], privateKey: web.privateKey }),
    );
    expect(err.code).toBe("VAULT_WRONG_REPO");
  });

  it("past its date: VAULT_EXPIRED saying since when", () => {
    const sealed = sealedText({
      name: "DB_URL",
      repo,
      value: "old",
      expires: "2030-01-31",
      recipients: [key.recipient],
      now: new Date("2030-01-01T00:00:00Z"),
    });
    const k = parsePrivateKey(key.privateKey);
    const lastDay = new Date("2030-01-31T23:59:59Z");
    expect(openSealedText(sealed, { hub, repo, key: k, now: lastDay }).toString()).toBe("old");
    const err = syncRefusal(() =>
      openSealedText(sealed, { hub, repo, key: k, now: new Date("2030-02-01T00:00:00Z") }),
    );
    expect(err.code).toBe("VAULT_EXPIRED");
    expect(err.message).toContain("expired since 2030-02-01T00:00:00.000Z");
  });

  it("an unknown format: VAULT_UNKNOWN_FORMAT", () => {
    const future = text.replace("havun-vault-sealed/v2", "havun-vault-sealed/v3");
    const err = syncRefusal(() => parseSealedFile(future));
    expect(err.code).toBe("VAULT_UNKNOWN_FORMAT");
    expect(syncRefusal(() => parseSealedFile("[]")).code).toBe("VAULT_UNKNOWN_FORMAT");
  });

  it("a secret not sealed for this repository: VAULT_SECRET_MISSING", async () => {
    const files = [{ path: secretFilePath(repo, "DB_URL"), text }];
    const web = testKey("acme/web");
    const err = await refusal(
      openTaskSecrets({
        files,
        hub,
        repo: "acme/web",
        names: ["DB_URL"],
        privateKey: web.privateKey,
      }),
    );
    expect(err.code).toBe("VAULT_SECRET_MISSING");
    expect(err.message).toContain("sealed only for acme/api");
  });

  it("a malformed private key: VAULT_KEY_INVALID", () => {
    expect(syncRefusal(() => parsePrivateKey("not a key")).code).toBe("VAULT_KEY_INVALID");
  });
});
