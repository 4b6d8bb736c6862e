import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ActionOctokit } from "./github.ts";

export const SODIUM_VERSION = "5.1.0";

type VaultOpen = typeof import("./vault-open.ts");

/** Loads the vault's opening code, installing sodium-native next to the bundle if it is missing. */
async function loadVault(): Promise<VaultOpen> {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, "vault-open.mjs");
  if (!existsSync(bundled)) {
    // Running from source (tests): a computed specifier keeps esbuild from bundling it.
    const source = "./vault-open.ts";
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
 * The task's secrets: the sealed files it names, read from the hub's `vault/` through the API,
 * opened with this repository's key. Only secrets sealed for this repository open.
 */
export async function openSecrets(
  gh: ActionOctokit,
  o: { hub: string; repo: string; names: string[]; privateKey: string },
): Promise<Map<string, string>> {
  if (o.names.length === 0) return new Map();
  if (!o.privateKey) {
    throw Object.assign(
      new Error(`the task needs secrets (${o.names.join(", ")}) but no vault_key was given`),
      {
        code: "VAULT_MISSING_KEY",
        hint: "store this repository's private key as the secret HAVUN_VAULT_KEY (havun vault keygen --set-secret) and pass it as vault_key",
      },
    );
  }
  const vault = await loadVault();
  const [owner = "", repo = ""] = o.hub.split("/");
  const files = [];
  for (const name of o.names) {
    const path = vault.secretPath(o.repo, name);
    const r = await gh.rest.repos
      .getContent({ owner, repo, path: `vault/${path}` })
      .catch((e: { status?: number }) => {
        if (e.status === 404)
          throw Object.assign(
            new Error(`the secret ${name} is not sealed for ${o.repo} in ${o.hub}`),
            {
              code: "VAULT_MISSING_SECRET",
              hint: `seal it: havun vault seal ${name} --repo ${o.repo}`,
            },
          );
        throw e;
      });
    if (!("content" in r.data)) throw new Error(`vault/${path} in ${o.hub} is not a file`);
    files.push({ path, text: Buffer.from(r.data.content, "base64").toString("utf8") });
  }
  const sealers = await gh.rest.repos.getContent({ owner, repo, path: "vault/sealers.json" }).then(
    (r) =>
      "content" in r.data
        ? [{ path: "sealers.json", text: Buffer.from(r.data.content, "base64").toString("utf8") }]
        : [],
    () => [],
  );
  return vault.openTaskSecrets({
    files: [...files, ...sealers],
    repo: o.repo,
    names: o.names,
    privateKey: o.privateKey,
  });
}
