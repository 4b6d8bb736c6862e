import type { Actor, SandboxCore } from "../core.ts";
import { validationFailed } from "../http/github-error.ts";
import { renderRepo } from "../render/repo.ts";
import type { RepoRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";

export const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Renames a repository (PATCH `name`): the name must be valid and free on its owner; the old
 * name is kept so that GitHub's redirects lead there from it (until a new repository takes
 * that name); `repository.renamed` follows.
 */
export function renameRepo(core: SandboxCore, actor: Actor, repo: RepoRecord, name: string): void {
  if (name === repo.name) return;
  if (!REPO_NAME.test(name) || name === "." || name === "..")
    throw validationFailed(
      "Repository",
      "name",
      "invalid",
      "name may only contain letters, digits, '.', '-' and '_'",
    );
  const owner = core.store.accountById(repo.ownerId);
  const taken = core.store.repo(owner.login, name);
  if (taken && taken.id !== repo.id)
    throw validationFailed("Repository", "name", "custom", "name already exists on this account");
  const from = repo.name;
  repo.previousNames = [...(repo.previousNames ?? []), from.toLowerCase()].filter(
    (n) => n !== name.toLowerCase(),
  );
  repo.name = name;
  emitEvent(core, actor, "repository", "renamed", repo.id, {
    repository: renderRepo(core, repo),
    changes: { repository: { name: { from } } },
  });
}

/** The repository that `owner/name` used to name, when no repository has that name now. */
export function renamedFrom(core: SandboxCore, owner: string, name: string): RepoRecord | null {
  if (core.store.repo(owner, name)) return null;
  const account = core.store.account(owner);
  if (!account) return null;
  const lower = name.toLowerCase();
  return (
    core.store.state.repos.find(
      (r) => r.ownerId === account.id && (r.previousNames ?? []).includes(lower),
    ) ?? null
  );
}

/** Archives or unarchives; `repository.archived` / `repository.unarchived` follows. */
export function setArchived(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  archived: boolean,
): void {
  if ((repo.archived ?? false) === archived) return;
  repo.archived = archived;
  emitEvent(core, actor, "repository", archived ? "archived" : "unarchived", repo.id, {
    repository: renderRepo(core, repo),
  });
}
