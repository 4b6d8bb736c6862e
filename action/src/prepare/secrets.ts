import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const SODIUM_VERSION = "5.1.0";

type VaultOpen = typeof import("../vault-open.ts");

/** Loads the vault's opening code, installing sodium-native next to the bundle if it is missing. */
async function loadVault(): Promise<VaultOpen> {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, "vault-open.mjs");
  if (!existsSync(bundled)) {
    // Running from source (tests): a computed specifier keeps esbuild from bundling it.
    const source = "../vault-open.ts";
    return (await import(source)) as VaultOpen;
  }
  const actionDir = dirname(here);
  if (!existsSync(join(actionDir, "node_modules", "sodium-native"))) {
    await new Promise<void>((resolve, reject) => {
      const npm = spawn(
        "npm",
        [
          "install",
          "--no-save",
          "--no-audit",
          "--no-fund",
          "--prefix",
          actionDir,
          `sodium-native@${SODIUM_VERSION}`,
        ],
        { stdio: ["ignore", "inherit", "inherit"] },
      );
      npm.on("error", reject);
      npm.on("exit", (c) =>
        c === 0 ? resolve() : reject(new Error(`installing sodium-native failed (${c})`)),
      );
    });
  }
  return (await import(pathToFileURL(bundled).href)) as VaultOpen;
}

/**
 * The task's secrets: the sealed files the App sent (read by the App from the hub the signed
 * spec names), opened with this repository's key, bound to that hub, signed by a pinned sealer
 * when the calling workflow pins any. All or nothing.
 */
export async function openSecrets(o: {
  hub: string;
  repo: string;
  names: string[];
  files: { path: string; text: string }[];
  privateKey: string;
  trustedSealers: string;
}): Promise<Map<string, string>> {
  if (o.names.length === 0) return new Map();
  if (!o.privateKey)
    throw Object.assign(
      new Error(`the task needs secrets (${o.names.join(", ")}) but no vault key was given`),
      {
        code: "VAULT_MISSING_KEY",
        hint: "store this repository's private key as the secret HAVUN_VAULT_KEY (havun vault keygen --set-secret) and pass it to HavunCore's agent workflow",
      },
    );
  const vault = await loadVault();
  return vault.openTaskSecrets({
    files: o.files,
    hub: o.hub,
    repo: o.repo,
    names: o.names,
    privateKey: o.privateKey,
    trustedSealers: vault.parsePinnedSealers(o.trustedSealers || undefined),
  });
}
