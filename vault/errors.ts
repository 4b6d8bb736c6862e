/** Every refusal the vault makes. Each code names one situation; the hint says what to do. */
export type VaultErrorCode =
  | "VAULT_INVALID_NAME"
  | "VAULT_INVALID_REPO"
  | "VAULT_INVALID_DATE"
  | "VAULT_EMPTY_VALUE"
  | "VAULT_MALFORMED"
  | "VAULT_UNKNOWN_FORMAT"
  | "VAULT_TAMPERED"
  | "VAULT_WRONG_REPO"
  | "VAULT_WRONG_NAME"
  | "VAULT_WRONG_HUB"
  | "VAULT_HUB_MISSING"
  | "VAULT_LEGACY_FORMAT"
  | "VAULT_NOT_RECIPIENT"
  | "VAULT_EXPIRED"
  | "VAULT_UNTRUSTED_SIGNER"
  | "VAULT_BAD_SIGNATURE"
  | "VAULT_SIGNING_KEY_MISSING"
  | "VAULT_KEY_MISSING"
  | "VAULT_KEY_EXISTS"
  | "VAULT_KEY_INVALID"
  | "VAULT_SECRET_MISSING"
  | "VAULT_NOT_GIT"
  | "VAULT_NO_HISTORY"
  | "VAULT_GITHUB_API";

/** Codes that mean the caller asked for something malformed (the CLI exits 2 on these). */
const USAGE_CODES: ReadonlySet<VaultErrorCode> = new Set([
  "VAULT_INVALID_NAME",
  "VAULT_INVALID_REPO",
  "VAULT_INVALID_DATE",
  "VAULT_EMPTY_VALUE",
  "VAULT_HUB_MISSING",
]);

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    readonly hint: string,
    /** The file the refusal is about, when there is one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = "VaultError";
  }

  /** True when the input was malformed rather than refused by a check. */
  get isUsage(): boolean {
    return USAGE_CODES.has(this.code);
  }

  /** The same refusal, naming the file it came from. */
  inFile(file: string): VaultError {
    if (this.file !== undefined) return this;
    return new VaultError(this.code, `${file}: ${this.message}`, this.hint, file);
  }
}

export function isVaultError(err: unknown): err is VaultError {
  return err instanceof VaultError;
}
