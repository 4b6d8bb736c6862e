import path from "node:path";
import { VaultError } from "./errors.ts";
import { keyPath } from "./layout.ts";
import { normalizeRepo } from "./names.ts";
import { generateRepoKey } from "./repo-key.ts";
import { readRecipientKey, writeRecipientKey } from "./vault-dir.ts";

/** Creates a repository's key pair, writes the public key into the vault, returns the private key. */
export async function createRepoKey(
  dir: string,
  repoInput: string,
): Promise<{ file: string; keyId: string; privateKey: string }> {
  const repo = normalizeRepo(repoInput);
  const existing = await readRecipientKey(dir, repo);
  if (existing !== undefined) {
    throw new VaultError(
      "VAULT_KEY_EXISTS",
      `${repo} already has key ${existing.keyId} (${path.join(dir, keyPath(repo))})`,
      `to replace it and re-wrap its secrets, run \`havun vault rotate --repo ${repo}\``,
    );
  }
  const { recipient, privateKey } = generateRepoKey(repo);
  const file = await writeRecipientKey(dir, recipient);
  return { file, keyId: recipient.keyId, privateKey };
}
