import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { VaultError } from "./errors.ts";
import { describeSecrets } from "./listing.ts";
import { openSealedText } from "./open.ts";
import { parsePrivateKey } from "./repo-key.ts";
import { rotateRepoKey } from "./rotate.ts";
import { LEGACY_SEALED_FORMAT, parseSealedFile } from "./sealed-file.ts";
import { openTaskSecrets } from "./task-secrets.ts";
import { tempDir } from "./test-support.ts";
import { V1_FILES, V1_PRIVATE_KEY, V1_VALUE } from "./v1-fixture.ts";
import { readSecretFiles, writeAtomic } from "./vault-dir.ts";
import { initVault } from "./vault-config.ts";
import { verifyVault } from "./verify.ts";

// A v1 file binds no hub, so nothing says which hub it belongs to: it is never opened for a run,
// whatever hub the caller names. `rotate` (run in the hub, with the repository's key) re-seals
// it as v2 bound to that hub.
const repo = "acme/api";
const hub = "acme/hub";
const v1Path = "secrets/acme__api/DB_URL.sealed.json";
const v1Text = V1_FILES[v1Path]!;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function v1Vault(): Promise<string> {
  const { dir, cleanup } = await tempDir();
  cleanups.push(cleanup);
  for (const [file, text] of Object.entries(V1_FILES))
    await writeAtomic(path.join(dir, file), text);
  return dir;
}

describe("v1 sealed files (bound to no hub)", () => {
  it("still parse, and list shows them with no hub", () => {
    expect(parseSealedFile(v1Text).format).toBe(LEGACY_SEALED_FORMAT);
    const { entries } = describeSecrets([{ path: v1Path, text: v1Text }]);
    expect(entries).toEqual([expect.objectContaining({ name: "DB_URL", repo, hub: null })]);
  });

  it("are refused by openTaskSecrets for any hub, with a hint to re-seal", async () => {
    for (const asked of [hub, "evil/hub"]) {
      const err = await openTaskSecrets({
        files: [{ path: v1Path, text: v1Text }],
        hub: asked,
        repo,
        names: ["DB_URL"],
        privateKey: V1_PRIVATE_KEY,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VaultError);
      expect(err).toMatchObject({ code: "VAULT_LEGACY_FORMAT", file: v1Path });
      expect((err as VaultError).message).toContain("havun-vault-sealed/v1");
      expect((err as VaultError).hint).toContain("havun vault rotate --repo acme/api");
    }
  });

  it("open only where rotation asks for them explicitly (the v1 binding still holds)", () => {
    const key = parsePrivateKey(V1_PRIVATE_KEY);
    const opened = openSealedText(v1Text, { hub, repo, key, allowLegacy: true });
    expect(opened.toString()).toBe(V1_VALUE);
    const renamed = v1Text.replace('"repo": "acme/api"', '"repo": "acme/web"');
    expect(() =>
      openSealedText(renamed, { hub, repo: "acme/web", key, allowLegacy: true }),
    ).toThrowError(expect.objectContaining({ code: "VAULT_TAMPERED" }));
  });

  it("fail verify; rotate re-seals them as v2 bound to the hub, then they open and verify passes", async () => {
    const dir = await v1Vault();
    await initVault(dir, hub);
    const before = await verifyVault(dir);
    expect(before.problems.map((p) => [p.file, p.code])).toEqual([[v1Path, "VAULT_LEGACY_FORMAT"]]);

    const rotated = await rotateRepoKey({ dir, repo, oldPrivateKey: V1_PRIVATE_KEY });
    expect(rotated).toMatchObject({ hub, files: [v1Path], configFile: null });
    const [file] = await readSecretFiles(dir);
    expect(parseSealedFile(file!.text)).toMatchObject({
      format: "havun-vault-sealed/v2",
      hub,
      version: 2,
    });
    const values = await openTaskSecrets({
      files: dir,
      hub,
      repo,
      names: ["DB_URL"],
      privateKey: rotated.privateKey,
    });
    expect(values.get("DB_URL")).toBe(V1_VALUE);
    expect((await verifyVault(dir)).problems).toEqual([]);
  });

  it("rotate without a known hub says how to name it, changing nothing", async () => {
    const dir = await v1Vault();
    const err = await rotateRepoKey({ dir, repo, oldPrivateKey: V1_PRIVATE_KEY }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "VAULT_HUB_MISSING" });
    expect((await readSecretFiles(dir))[0]!.text).toBe(v1Text);
  });
});
