import path from "node:path";
import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { auditLog } from "../../vault/audit-log.ts";
import { isVaultError, type VaultErrorCode } from "../../vault/errors.ts";
import { parseExpiryDate } from "../../vault/expiry.ts";
import { createRepoKey } from "../../vault/keygen.ts";
import { listSecrets } from "../../vault/listing.ts";
import { normalizeRepo, validateSecretName } from "../../vault/names.ts";
import { auditTable, secretsTable, verifyReport } from "../../vault/report.ts";
import { readSecretValue } from "../../vault/read-value.ts";
import { rotateRepoKey } from "../../vault/rotate.ts";
import { sealIntoVault } from "../../vault/seal-into-vault.ts";
import { parsePinnedSealers, trustedSealer } from "../../vault/sealers-file.ts";
import { wipe } from "../../vault/secure.ts";
import { generateSigningKey } from "../../vault/signer.ts";
import { openTaskSecrets } from "../../vault/task-secrets.ts";
import { addTrustedSealer } from "../../vault/trust-sealer.ts";
import { deleteSecretFile } from "../../vault/vault-dir.ts";
import { verifyVault } from "../../vault/verify.ts";
import { vaultEnv, type VaultEnv } from "../../vault/env.ts";

/** A usage error (exit 2) that still prints a vault code and hint. */
class VaultUsageError extends CliError {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message, 2);
  }
}

interface DirOptions {
  dir?: string;
}
interface RepoOptions extends DirOptions {
  repo: string;
}
interface SecretSetOptions extends RepoOptions {
  setSecret?: boolean;
  token?: string;
  apiUrl?: string;
}

const KEY_SECRET = "HAVUN_VAULT_KEY";

export function registerVault(program: Command): void {
  const env = vaultEnv();
  const vault = program
    .command("vault")
    .description("sealed secrets per repository: keys, seal, unseal, verify, rotate, audit");
  const dirOption = [
    "--dir <dir>",
    "the vault directory (default: vault/ of the current directory)",
  ] as const;
  const repoOption = ["--repo <owner/name>", "the repository the secret is for"] as const;

  withSecretOptions(vault.command("keygen").description("create a repository's key pair"))
    .requiredOption(...repoOption)
    .option(...dirOption)
    .action(
      guard(async (o: SecretSetOptions) => {
        const target = secretTarget(o, env);
        const key = await createRepoKey(dirOf(o), o.repo);
        out(key.privateKey);
        note(`wrote ${key.file} (key ${key.keyId}); commit it to the hub`);
        await storeKey(target, key.privateKey);
      }),
    );

  vault
    .command("seal <NAME>")
    .description("seal the value read from stdin for a repository")
    .requiredOption(...repoOption)
    .option("--expires <YYYY-MM-DD>", "last day the secret may be opened (UTC)")
    .option(...dirOption)
    .action(
      guard(async (name: string, o: RepoOptions & { expires?: string }) => {
        validateSecretName(name);
        normalizeRepo(o.repo);
        const expires = o.expires === undefined ? null : parseExpiryDate(o.expires);
        if (process.stdin.isTTY) note("reading the value from stdin (end with Ctrl-D)");
        const value = await readSecretValue(process.stdin);
        try {
          const r = await sealIntoVault({
            dir: dirOf(o),
            repo: o.repo,
            name,
            value,
            expires,
            signingKey: env.signingKey,
          });
          const signed = r.signedBy === null ? "unsigned" : `signed by ${r.signedBy}`;
          note(`sealed ${name} v${r.version} for key ${r.keyId} (${signed}): ${r.file}; commit it`);
        } finally {
          wipe(value);
        }
      }),
    );

  vault
    .command("unseal <NAME>")
    .description(`print a secret's value (private key from ${KEY_SECRET})`)
    .requiredOption(...repoOption)
    .option(...dirOption)
    .action(
      guard(async (name: string, o: RepoOptions) => {
        const values = await openTaskSecrets({
          files: dirOf(o),
          repo: o.repo,
          names: [name],
          privateKey: requirePrivateKey(env),
          trustedSealers: parsePinnedSealers(env.pinnedSealers),
        });
        out(values.get(name) ?? "");
      }),
    );

  vault
    .command("list")
    .description("names, targets, versions, expiry and sealers — never values")
    .option(...dirOption)
    .option("--json", "print JSON")
    .action(
      guard(async (o: DirOptions & { json?: boolean }) => {
        const { entries, problems } = await listSecrets(dirOf(o));
        out(o.json ? JSON.stringify(entries, null, 2) : secretsTable(entries));
        for (const p of problems) note(`unreadable: ${p.message} (see \`havun vault verify\`)`);
      }),
    );

  vault
    .command("verify")
    .description("check every vault file (for CI); exits 1 on any problem")
    .option(...dirOption)
    .action(
      guard(async (o: DirOptions) => {
        const dir = dirOf(o);
        const result = await verifyVault(dir);
        for (const w of result.warnings) note(`warning: ${w}`);
        out(verifyReport(result, dir, { annotate: env.inActions, cwd: process.cwd() }));
        if (result.problems.length > 0) process.exitCode = 1;
      }),
    );

  withSecretOptions(
    vault.command("rotate").description("new key pair; re-seal the repository's secrets to it"),
  )
    .requiredOption(...repoOption)
    .option(...dirOption)
    .action(
      guard(async (o: SecretSetOptions) => {
        const target = secretTarget(o, env);
        const r = await rotateRepoKey({
          dir: dirOf(o),
          repo: o.repo,
          oldPrivateKey: requirePrivateKey(env),
          signingKey: env.signingKey,
        });
        out(r.privateKey);
        note(
          `rotated ${normalizeRepo(o.repo)}: key ${r.oldKeyId} → ${r.keyId}; re-sealed ${r.files.length} secret(s)`,
        );
        note(`commit ${r.keyFile} and the secrets; the old key opens none of them`);
        await storeKey(target, r.privateKey);
      }),
    );

  vault
    .command("delete <NAME>")
    .description("remove a sealed secret")
    .requiredOption(...repoOption)
    .option(...dirOption)
    .action(
      guard(async (name: string, o: RepoOptions) => {
        const file = await deleteSecretFile(dirOf(o), normalizeRepo(o.repo), name);
        note(`deleted ${file}; commit it to record the deletion in the audit trail`);
      }),
    );

  vault
    .command("log <NAME>")
    .description("the audit trail of a secret, from git history")
    .requiredOption(...repoOption)
    .option(...dirOption)
    .option("--json", "print JSON")
    .action(
      guard(async (name: string, o: RepoOptions & { json?: boolean }) => {
        const entries = await auditLog(dirOf(o), o.repo, name);
        out(o.json ? JSON.stringify(entries, null, 2) : auditTable(entries));
      }),
    );

  vault
    .command("signer-keygen")
    .description("create a sealer's Ed25519 key pair (secret key on stdout)")
    .option("--name <name>", "who holds the key", "sealer")
    .option("--trust", "add the public key to the vault's sealers.json")
    .option(...dirOption)
    .action(
      guard(async (o: DirOptions & { name: string; trust?: boolean }) => {
        const key = generateSigningKey();
        const sealer = trustedSealer(o.name, key.publicKey);
        out(key.secretKey);
        note(`signer ${sealer.keyId}: set HAVUN_VAULT_SIGNING_KEY to the line above when sealing`);
        if (!o.trust) {
          note(
            `to trust it, add to ${path.join(dirOf(o), "sealers.json")} "sealers" (or rerun with --trust):`,
          );
          note(JSON.stringify(sealer));
          return;
        }
        const { file, created } = await addTrustedSealer(dirOf(o), sealer);
        note(`added to ${file}; commit it through a reviewed pull request`);
        if (created)
          note("sealers.json is new: from now on unsigned files are refused — re-seal them signed");
      }),
    );
}

function withSecretOptions(command: Command): Command {
  return command
    .option(
      "--set-secret",
      `store the private key as the repository's Actions secret ${KEY_SECRET}`,
    )
    .option("--token <token>", "GitHub token for --set-secret (default: env GITHUB_TOKEN)")
    .option(
      "--api-url <url>",
      "GitHub REST API (default: env GITHUB_API_URL or https://api.github.com)",
    );
}

/** Checks the --set-secret options before any key is made. */
function secretTarget(
  o: SecretSetOptions,
  env: VaultEnv,
): { repo: string; token: string; apiUrl: string } | undefined {
  if (!o.setSecret) return undefined;
  const token = o.token ?? env.githubToken;
  if (token === undefined || token === "") {
    throw new CliError("--set-secret needs --token TOKEN or env GITHUB_TOKEN");
  }
  const apiUrl = o.apiUrl ?? env.githubApiUrl;
  return { repo: normalizeRepo(o.repo), token, apiUrl };
}

async function storeKey(
  target: ReturnType<typeof secretTarget>,
  privateKey: string,
): Promise<void> {
  if (target === undefined) {
    note(
      `store the line on stdout as the repository's Actions secret ${KEY_SECRET} (or use --set-secret)`,
    );
    return;
  }
  const { storeActionsSecret } = await import("../../vault/actions-secret.ts"); // loads Octokit only when needed
  await storeActionsSecret({ ...target, name: KEY_SECRET, value: privateKey });
  note(`stored as Actions secret ${KEY_SECRET} of ${target.repo}`);
}

function requirePrivateKey(env: VaultEnv): string {
  if (env.privateKey !== undefined) return env.privateKey;
  throw new VaultUsageError(
    "VAULT_KEY_MISSING",
    `${KEY_SECRET} is not set`,
    `set ${KEY_SECRET} to the repository's private key (printed by \`havun vault keygen\` or \`rotate\`)`,
  );
}

function dirOf(o: DirOptions): string {
  return path.resolve(o.dir ?? "vault");
}

function out(text: string): void {
  process.stdout.write(text + "\n");
}

function note(text: string): void {
  process.stderr.write(text + "\n");
}

/** Vault errors about malformed input become usage errors (exit 2); other refusals exit 1. */
function guard<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args) => {
    try {
      await action(...args);
    } catch (err) {
      if (isVaultError(err) && err.isUsage)
        throw new VaultUsageError(err.code, err.message, err.hint);
      throw err;
    }
  };
}
