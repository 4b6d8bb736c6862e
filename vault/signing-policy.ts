import { VaultError } from "./errors.ts";
import type { TrustedSealer } from "./sealers-file.ts";
import { parseSigningKey, type SigningKey } from "./signer.ts";

/**
 * Decides how new files are signed: with the given key (HAVUN_VAULT_SIGNING_KEY) if any. When the
 * vault lists sealers, a key is required and must be listed — havun never writes a file that
 * `verify` or the Action would refuse.
 */
export function resolveSigner(
  signingKey: string | undefined,
  trusted: TrustedSealer[] | undefined,
): SigningKey | undefined {
  if (signingKey === undefined || signingKey.trim() === "") {
    if (trusted === undefined) return undefined;
    throw new VaultError(
      "VAULT_SIGNING_KEY_MISSING",
      "this vault lists trusted sealers, so sealed files must be signed",
      "set HAVUN_VAULT_SIGNING_KEY to your signer secret key (from `havun vault signer-keygen`)",
    );
  }
  const key = parseSigningKey(signingKey);
  if (trusted !== undefined && !trusted.some((s) => s.keyId === key.keyId)) {
    key.dispose();
    throw new VaultError(
      "VAULT_UNTRUSTED_SIGNER",
      `your signing key ${key.keyId} is not in the vault's sealers.json`,
      "add it through a reviewed change (`havun vault signer-keygen` prints the entry), or use a listed key",
    );
  }
  return key;
}
