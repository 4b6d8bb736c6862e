import path from "node:path";
import type { Command } from "commander";
import { auditLog } from "../../vault/audit-log.ts";
import { parseExpiryDate } from "../../vault/expiry.ts";
import { createRepoKey } from "../../vault/keygen.ts";
import { listSecrets } from "../../vault/listing.ts";
import { normalizeRepo, validateSecretName } from "../../vault/names.ts";
import { auditTable, secretsTable, verifyReport } from "../../vault/report.ts";
import { readSecretValue } from "../../vault/read-value.ts";
import { rotateRepoKey } from "../../vault/rotate.ts";
import { sealIntoVault } from "../../vault/seal-into-vault.ts";
import { parsePinnedSealers } from "../../vault/pinned-sealers.ts";
import { trustedSealer } from "../../vault/sealers-file.ts";
import { wipe } from "../../vault/secure.ts";
import { generateSigningKey } from "../../vault/signer.ts";
import { openTaskSecrets } from "../../vault/task-secrets.ts";
import { addTrustedSealer } from "../../vault/trust-sealer.ts";
import { deleteSecretFile } from "../../vault/vault-dir.ts";
import { hubMissing, initVault, readVaultHub } from "../../vault/vault-config.ts";
import { verifyVault } from "../../vault/verify.ts";
import { vaultEnv } from "../../vault/env.ts";
import {
  dirOf,
  guard,
  KEY_SECRET,
  note,
  out,
  requirePrivateKey,
  secretTarget,
  storeKey,
  withSecretOptions,
  type DirOptions,
  type RepoOptions,
  type SecretSetOptions,
} from "./vault-support.ts";

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
  const hubOption = [
    "--hub <owner/name>",
    "the hub whose vault/ this is (default: the vault's vault.json; recorded there if it has none)",
  ] as const;

  vault
    .command("init")
    .description("record which hub the vault belongs to (writes vault.json; commit it)")
    .requiredOption("--hub <owner/name>", "the hub repository whose vault/ this is")
    .option(...dirOption)
    .action(
      guard(async (o: DirOptions & { hub: string }) => {
        const r = await initVault(dirOf(o), o.hub);
        note(
          r.created
            ? `wrote ${r.file} (hub ${r.hub}); commit it: sealed files are bound to this hub`
            : `${r.file} already names hub ${r.hub}`,
        );
      }),
    );

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
    .option(...hubOption)
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
            hub: o.hub,
            repo: o.repo,
            name,
            value,
            expires,
            signingKey: env.signingKey,
          });
          const signed = r.signedBy === null ? "unsigned" : `signed by ${r.signedBy}`;
          note(
            `sealed ${name} v${r.version} for key ${r.keyId} in hub ${r.hub} (${signed}): ${r.file}; commit it`,
          );
          if (r.configFile !== null) note(`wrote ${r.configFile} (hub ${r.hub}); commit it too`);
        } finally {
          wipe(value);
        }
      }),
    );

  vault
    .command("unseal <NAME>")
    .description(`print a secret's value (private key from ${KEY_SECRET})`)
    .requiredOption(...repoOption)
    .option("--hub <owner/name>", "the hub the files must be bound to (default: vault.json's)")
    .option(...dirOption)
    .action(
      guard(async (name: string, o: RepoOptions) => {
        const dir = dirOf(o);
        const hub = o.hub ?? (await readVaultHub(dir));
        if (hub === undefined) throw hubMissing(dir);
        const values = await openTaskSecrets({
          files: dir,
          hub,
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
    .option("--hub <owner/name>", "the hub this vault must belong to (vault.json must name it)")
    .option(...dirOption)
    .action(
      guard(async (o: DirOptions) => {
        const dir = dirOf(o);
        const result = await verifyVault(dir, new Date(), o.hub);
        for (const w of result.warnings) note(`warning: ${w}`);
        out(verifyReport(result, dir, { annotate: env.inActions, cwd: process.cwd() }));
        if (result.problems.length > 0) process.exitCode = 1;
      }),
    );

  withSecretOptions(
    vault.command("rotate").description("new key pair; re-seal the repository's secrets to it"),
  )
    .requiredOption(...repoOption)
    .option(...hubOption)
    .option(...dirOption)
    .action(
      guard(async (o: SecretSetOptions) => {
        const target = secretTarget(o, env);
        const r = await rotateRepoKey({
          dir: dirOf(o),
          hub: o.hub,
          repo: o.repo,
          oldPrivateKey: requirePrivateKey(env),
          signingKey: env.signingKey,
        });
        out(r.privateKey);
        note(
          `rotated ${normalizeRepo(o.repo)}: key ${r.oldKeyId} → ${r.keyId}; re-sealed ${r.files.length} secret(s)`,
        );
        note(`commit ${r.keyFile} and the secrets; the old key opens none of them`);
        if (r.configFile !== null) note(`wrote ${r.configFile} (hub ${r.hub}); commit it too`);
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
        note(`to pin it where secrets are opened: ${sealer.keyId}:${sealer.publicKey}`);
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
