/** The environment variables the vault reads, parsed once into a typed object. */
export interface VaultEnv {
  /** HAVUN_VAULT_KEY: the repository's private key. */
  privateKey: string | undefined;
  /** HAVUN_VAULT_SIGNING_KEY: the sealer's Ed25519 secret key (base64). */
  signingKey: string | undefined;
  /** HAVUN_VAULT_TRUSTED_SEALERS: sealer public keys pinned by the opening side. */
  pinnedSealers: string | undefined;
  githubToken: string | undefined;
  githubApiUrl: string;
  inActions: boolean;
}

export function vaultEnv(env: NodeJS.ProcessEnv = process.env): VaultEnv {
  const set = (value: string | undefined) => (value?.trim() ? value : undefined);
  return {
    privateKey: set(env.HAVUN_VAULT_KEY),
    signingKey: set(env.HAVUN_VAULT_SIGNING_KEY),
    pinnedSealers: set(env.HAVUN_VAULT_TRUSTED_SEALERS),
    githubToken: set(env.GITHUB_TOKEN),
    githubApiUrl: set(env.GITHUB_API_URL) ?? "https://api.github.com",
    inActions: env.GITHUB_ACTIONS === "true",
  };
}
