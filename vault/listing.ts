import { isVaultError, type VaultError } from "./errors.ts";
import { secretFromPath } from "./layout.ts";
import { hubOf, parseSealedFile } from "./sealed-file.ts";
import type { TrustedSealer } from "./sealers-file.ts";
import { readSecretFiles, readTrustedSealers, type VaultFile } from "./vault-dir.ts";

/** What may be shown about a sealed secret without opening it — never its value. */
export interface SecretEntry {
  file: string;
  name: string;
  repo: string;
  /** The hub the file is bound to; null for a v1 file (bound to none, refused when opened). */
  hub: string | null;
  version: number;
  expires: string | null;
  recipients: string[];
  /** The signing sealer's key id and, when listed in sealers.json, name; null when unsigned. */
  sealer: { keyId: string; name: string | null } | null;
}

/** Describes each sealed file; files that do not parse come back as problems. */
export function describeSecrets(
  files: VaultFile[],
  sealers: TrustedSealer[] = [],
): { entries: SecretEntry[]; problems: VaultError[] } {
  const entries: SecretEntry[] = [];
  const problems: VaultError[] = [];
  for (const file of files.filter((f) => secretFromPath(f.path) !== undefined)) {
    try {
      const sealed = parseSealedFile(file.text);
      const signature = sealed.signature;
      entries.push({
        file: file.path,
        name: sealed.name,
        repo: sealed.repo,
        hub: hubOf(sealed),
        version: sealed.version,
        expires: sealed.expires,
        recipients: sealed.recipients.map((r) => r.keyId),
        sealer:
          signature === null
            ? null
            : {
                keyId: signature.keyId,
                name: sealers.find((s) => s.keyId === signature.keyId)?.name ?? null,
              },
      });
    } catch (err) {
      if (!isVaultError(err)) throw err;
      problems.push(err.inFile(file.path));
    }
  }
  return { entries, problems };
}

export async function listSecrets(dir: string) {
  const sealers = (await readTrustedSealers(dir)) ?? [];
  return describeSecrets(await readSecretFiles(dir), sealers);
}

/**
 * Names and targets of the sealed secrets in a vault directory — for the planner, which must
 * know what a task may ask for but never sees a value. Unreadable files are skipped
 * (`havun vault verify` reports them).
 */
export async function listSealedNames(
  dir: string,
): Promise<Array<{ name: string; repo: string; expires: string | null }>> {
  const { entries } = describeSecrets(await readSecretFiles(dir));
  return entries.map(({ name, repo, expires }) => ({ name, repo, expires }));
}
