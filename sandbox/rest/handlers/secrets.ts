import type { SandboxCore } from "../../core.ts";
import { checkActionsName } from "../../ops/environment-secrets.ts";
import { newSealKey, openSealed } from "../../ops/sealed-box.ts";
import { GitHubError, notFound } from "../../http/github-error.ts";
import type { RepoKeyRecord, RepoRecord } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { noContent, ok, type HandlerTable } from "../types.ts";

/** The repository's Actions key pair (curve25519), made on first use like GitHub's. */
export function repoKey(core: SandboxCore, repo: RepoRecord): RepoKeyRecord {
  let key = core.store.state.repoKeys.find((k) => k.repoId === repo.id);
  if (!key) {
    key = { repoId: repo.id, ...newSealKey() };
    core.store.state.repoKeys.push(key);
    core.store.changed();
  }
  return key;
}

/** Opens a secret value sealed to the repository's key (for the Actions runner). */
export function openRepoSecret(core: SandboxCore, repo: RepoRecord, name: string): string | null {
  const s = core.store.state.repoSecrets.find(
    (x) => x.repoId === repo.id && x.name === name.toUpperCase(),
  );
  if (!s) return null;
  return openSealed(repoKey(core, repo), s.encryptedValue);
}

export const secretHandlers: HandlerTable = {
  "actions/get-repo-public-key": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "secrets", "read");
    const key = repoKey(req.core, repo);
    return ok({ key_id: key.keyId, key: key.publicKey });
  },
  "actions/create-or-update-repo-secret": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "secrets", "write");
    const name = checkActionsName("Secret", String(req.params.secret_name));
    const key = repoKey(req.core, repo);
    if (String(req.body.key_id) !== key.keyId)
      throw new GitHubError(
        422,
        "Bad request - the key_id does not match the repository's public key.",
      );
    const opens = openSealed(key, String(req.body.encrypted_value ?? "")) !== null;
    if (!opens)
      throw new GitHubError(
        422,
        "Bad request - encrypted_value is not a sealed box for this repository's key.",
      );
    const now = req.core.store.now();
    const existing = req.core.store.state.repoSecrets.find(
      (s) => s.repoId === repo.id && s.name === name,
    );
    if (existing)
      Object.assign(existing, {
        encryptedValue: String(req.body.encrypted_value),
        keyId: key.keyId,
        updatedAt: now,
      });
    else
      req.core.store.state.repoSecrets.push({
        repoId: repo.id,
        name,
        encryptedValue: String(req.body.encrypted_value),
        keyId: key.keyId,
        createdAt: now,
        updatedAt: now,
      });
    req.core.store.changed();
    return existing ? noContent() : ok({}, 201);
  },
  "actions/list-repo-secrets": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "secrets", "read");
    const all = req.core.store.state.repoSecrets.filter((s) => s.repoId === repo.id);
    const { page, headers } = paginate(req, all);
    return {
      status: 200,
      headers,
      body: {
        total_count: all.length,
        secrets: page.map((s) => ({
          name: s.name,
          created_at: s.createdAt,
          updated_at: s.updatedAt,
        })),
      },
    };
  },
  "actions/get-repo-secret": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "secrets", "read");
    const s = req.core.store.state.repoSecrets.find(
      (x) => x.repoId === repo.id && x.name === String(req.params.secret_name).toUpperCase(),
    );
    if (!s) throw notFound();
    return ok({ name: s.name, created_at: s.createdAt, updated_at: s.updatedAt });
  },
  "actions/delete-repo-secret": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "secrets", "write");
    const st = req.core.store.state;
    const before = st.repoSecrets.length;
    st.repoSecrets = st.repoSecrets.filter(
      (x) => !(x.repoId === repo.id && x.name === String(req.params.secret_name).toUpperCase()),
    );
    if (st.repoSecrets.length === before) throw notFound();
    req.core.store.changed();
    return noContent();
  },
};
