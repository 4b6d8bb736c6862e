/** The vault's public surface: sealed files per repository (see README.md). */
export { VaultError, isVaultError, type VaultErrorCode } from "./errors.ts";
export { normalizeHub, normalizeRepo, validateSecretName } from "./names.ts";
export {
  generateRepoKey,
  parsePrivateKey,
  recipientKey,
  type RecipientKey,
  type RepoPrivateKey,
} from "./repo-key.ts";
export { generateSigningKey, parseSigningKey, type SigningKey } from "./signer.ts";
export { trustedSealer, parseSealersFile, type TrustedSealer } from "./sealers-file.ts";
export { parsePinnedSealers } from "./pinned-sealers.ts";
export { initVault, readVaultHub, parseVaultConfig } from "./vault-config.ts";
export {
  parseSealedFile,
  serializeSealedFile,
  hubOf,
  LEGACY_SEALED_FORMAT,
  SEALED_FORMAT,
  type SealedFile,
} from "./sealed-file.ts";
export { sealSecret, type SealRequest } from "./seal.ts";
export { openSealedFile, openSealedText, type OpenRequest } from "./open.ts";
export { openTaskSecrets, type TaskSecretsRequest } from "./task-secrets.ts";
export { listSealedNames, listSecrets, describeSecrets, type SecretEntry } from "./listing.ts";
export { verifyFiles, verifyVault, type VerifyResult } from "./verify.ts";
export { rewrapSecrets, rotateRepoKey } from "./rotate.ts";
export { createRepoKey } from "./keygen.ts";
export { sealIntoVault, type SealIntoVaultRequest } from "./seal-into-vault.ts";
export { auditLog, type AuditEntry } from "./audit-log.ts";
export { storeActionsSecret } from "./actions-secret.ts";
export type { VaultFile } from "./vault-dir.ts";
