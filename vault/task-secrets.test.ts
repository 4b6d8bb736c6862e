import { afterEach, describe, expect, it } from "vitest";
import { VaultError } from "./errors.ts";
import { createRepoKey } from "./keygen.ts";
import { listSealedNames } from "./listing.ts";
import { sealIntoVault } from "./seal-into-vault.ts";
import { openTaskSecrets } from "./task-secrets.ts";
import { secretFilePath, sealedText, tempDir, TEST_HUB as hub, testKey } from "./test-support.ts";
import { writeAtomic } from "./vault-dir.ts";
import path from "node:path";

const api = testKey("acme/api");
const web = testKey("acme/web");
const files = [
  {
    path: secretFilePath("acme/api", "DB_URL"),
    text: sealedText({
      name: "DB_URL",
      repo: "acme/api",
      value: "db",
      recipients: [api.recipient],
    }),
  },
  {
    path: secretFilePath("acme/api", "TOKEN"),
    text: sealedText({
      name: "TOKEN",
      repo: "acme/api",
      value: "tok",
      recipients: [api.recipient],
    }),
  },
  {
    path: secretFilePath("acme/web", "TOKEN"),
    text: sealedText({
      name: "TOKEN",
      repo: "acme/web",
      value: "web-tok",
      recipients: [web.recipient],
    }),
  },
];

describe("openTaskSecrets", () => {
  it("opens exactly the named secrets of the run's repository", async () => {
    const values = await openTaskSecrets({
      hub,
      files,
      repo: "ACME/Api",
      names: ["TOKEN"],
      privateKey: api.privateKey,
    });
    expect([...values]).toEqual([["TOKEN", "tok"]]);
    const webValues = await openTaskSecrets({
      hub,
      files,
      repo: "acme/web",
      names: ["TOKEN"],
      privateKey: web.privateKey,
    });
    expect(webValues.get("TOKEN")).toBe("web-tok");
  });

  it("returns nothing when one of the names is refused", async () => {
    const err = await openTaskSecrets({
      hub,
      files,
      repo: "acme/api",
      names: ["TOKEN", "MISSING"],
      privateKey: api.privateKey,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VaultError);
    expect((err as VaultError).code).toBe("VAULT_SECRET_MISSING");
  });

  it("refuses invalid names with a clear error", async () => {
    const err = await openTaskSecrets({
      hub,
      files,
      repo: "acme/api",
      names: ["db-url"],
      privateKey: api.privateKey,
    }).catch((e: unknown) => e);
    expect((err as VaultError).code).toBe("VAULT_INVALID_NAME");
    expect((err as VaultError).hint).toContain("STRIPE_API_KEY");
  });
});

describe("listSealedNames", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it("gives names, targets and expiry only, skipping unreadable files", async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    await createRepoKey(dir, "acme/api");
    await sealIntoVault({
      dir,
      hub,
      repo: "acme/api",
      name: "DB_URL",
      value: Buffer.from("canary-secret"),
      expires: "2099-01-01",
    });
    await writeAtomic(path.join(dir, secretFilePath("acme/api", "BROKEN")), "{}\n");
    const names = await listSealedNames(dir);
    expect(names).toEqual([{ name: "DB_URL", repo: "acme/api", expires: "2099-01-01" }]);
    expect(JSON.stringify(names)).not.toContain("canary");
  });

  it("is empty for a vault without secrets", async () => {
    const { dir, cleanup } = await tempDir();
    cleanups.push(cleanup);
    expect(await listSealedNames(dir)).toEqual([]);
  });
});
