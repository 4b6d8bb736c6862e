import { randomBytes } from "node:crypto";
import type { Dirent } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { VaultError } from "./errors.ts";
import { KEYS_DIR, keyPath, SEALERS_FILE, SECRETS_DIR, secretPath } from "./layout.ts";
import { parsePublicKeyFile, serializePublicKeyFile } from "./public-key-file.ts";
import type { RecipientKey } from "./repo-key.ts";
import { parseSealersFile, type TrustedSealer } from "./sealers-file.ts";

/** A file of the vault: its path relative to the vault directory (with /) and its text. */
export interface VaultFile {
  path: string;
  text: string;
}

/** Reads a file, or undefined when it does not exist. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temp, text, { mode: 0o644 });
  await rename(temp, file);
}

export async function readRecipientKey(
  dir: string,
  repo: string,
): Promise<RecipientKey | undefined> {
  const file = keyPath(repo);
  const text = await readIfExists(path.join(dir, file));
  return text === undefined ? undefined : parsePublicKeyFile(text, file);
}

export async function requireRecipientKey(dir: string, repo: string): Promise<RecipientKey> {
  const key = await readRecipientKey(dir, repo);
  if (key !== undefined) return key;
  throw new VaultError(
    "VAULT_KEY_MISSING",
    `no public key for ${repo} in ${path.join(dir, KEYS_DIR)}`,
    `create one with \`havun vault keygen --repo ${repo}\` (or pass --dir to the hub's vault)`,
  );
}

export async function writeRecipientKey(dir: string, key: RecipientKey): Promise<string> {
  const file = path.join(dir, keyPath(key.repo));
  await writeAtomic(file, serializePublicKeyFile(key));
  return file;
}

/** The trusted sealers listed in the vault, or undefined when it lists none (no sealers.json). */
export async function readTrustedSealers(dir: string): Promise<TrustedSealer[] | undefined> {
  const text = await readIfExists(path.join(dir, SEALERS_FILE));
  return text === undefined ? undefined : parseSealersFile(text, SEALERS_FILE);
}

export async function readSecretFile(
  dir: string,
  repo: string,
  name: string,
): Promise<VaultFile | undefined> {
  const file = secretPath(repo, name);
  const text = await readIfExists(path.join(dir, file));
  return text === undefined ? undefined : { path: file, text };
}

export async function deleteSecretFile(dir: string, repo: string, name: string): Promise<string> {
  const file = path.join(dir, secretPath(repo, name));
  if ((await readIfExists(file)) === undefined) throw missingSecret(dir, repo, name);
  await rm(file);
  await rmdir(path.dirname(file)).catch(() => undefined);
  return file;
}

/** Every file under `secrets/` and its repository folders, sealed or not (verify reports strays). */
export async function readSecretFiles(dir: string): Promise<VaultFile[]> {
  const files: VaultFile[] = [];
  for (const entry of await entries(path.join(dir, SECRETS_DIR))) {
    const relative = `${SECRETS_DIR}/${entry.name}`;
    if (!entry.isDirectory()) {
      files.push(...(await readFiles(dir, [relative])));
      continue;
    }
    const inner = await entries(path.join(dir, relative));
    const names = inner.filter((e) => !e.isDirectory() && !e.name.endsWith(".tmp"));
    files.push(
      ...(await readFiles(
        dir,
        names.map((e) => `${relative}/${e.name}`),
      )),
    );
  }
  return files;
}

/** Every file under `keys/`. */
export async function readKeyFiles(dir: string): Promise<VaultFile[]> {
  const names = (await entries(path.join(dir, KEYS_DIR))).filter((e) => !e.isDirectory());
  return readFiles(
    dir,
    names.map((e) => `${KEYS_DIR}/${e.name}`),
  );
}

async function readFiles(dir: string, relatives: string[]): Promise<VaultFile[]> {
  const files: VaultFile[] = [];
  for (const relative of relatives) {
    const text = await readIfExists(path.join(dir, relative));
    if (text !== undefined) files.push({ path: relative, text });
  }
  return files;
}

async function entries(folder: string): Promise<Dirent[]> {
  try {
    const found = await readdir(folder, { withFileTypes: true });
    return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw err;
  }
}

export function missingSecret(dir: string, repo: string, name: string): VaultError {
  return new VaultError(
    "VAULT_SECRET_MISSING",
    `no secret ${name} for ${repo} (looked for ${path.join(dir, secretPath(repo, name))})`,
    `seal it with \`havun vault seal ${name} --repo ${repo}\`; \`havun vault list\` shows what exists`,
  );
}
