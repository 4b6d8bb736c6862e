import type { Actor, SandboxCore } from "../core.ts";
import { validationFailed } from "../http/github-error.ts";
import { renderRepo } from "../render/repo.ts";
import type { AccountRecord, RepoRecord } from "../state/types.ts";
import { DEFAULT_LABELS } from "./default-labels.ts";
import { emitEvent } from "./emit.ts";

export interface RepoInput {
  name: string;
  description?: string | null;
  private?: boolean;
  homepage?: string | null;
  hasIssues?: boolean;
  defaultBranch?: string;
  autoInit?: boolean;
}

/** Creates a repository (a real bare git repository behind it); emits `repository.created`. */
export async function createRepo(
  core: SandboxCore,
  actor: Actor,
  owner: AccountRecord,
  input: RepoInput,
): Promise<RepoRecord> {
  const name = String(input.name ?? "").trim();
  if (!name) throw validationFailed("Repository", "name", "missing_field");
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name) || name === "." || name === "..") {
    throw validationFailed(
      "Repository",
      "name",
      "invalid",
      "name may only contain letters, digits, '.', '-' and '_'",
    );
  }
  if (core.store.repo(owner.login, name)) {
    throw validationFailed("Repository", "name", "custom", "name already exists on this account");
  }
  const now = core.store.now();
  const repo: RepoRecord = {
    id: core.store.newId(),
    ownerId: owner.id,
    name,
    description: input.description ?? null,
    private: input.private ?? false,
    defaultBranch: input.defaultBranch ?? "main",
    homepage: input.homepage ?? null,
    hasIssues: input.hasIssues ?? true,
    createdAt: now,
    updatedAt: now,
    pushedAt: null,
    collaborators: {},
    nextNumber: 1,
  };
  await core.git.init(repo.id, repo.defaultBranch);
  core.store.state.repos.push(repo);
  for (const [n, color, description] of DEFAULT_LABELS) {
    core.store.state.labels.push({
      id: core.store.newId(),
      repoId: repo.id,
      name: n,
      color,
      description,
      default: true,
    });
  }
  if (input.autoInit) {
    const author = { name: "sandbox", email: "sandbox@users.noreply.localhost" };
    await core.git.commitFiles(repo.id, {
      branch: repo.defaultBranch,
      changes: [{ path: "README.md", content: `# ${name}\n\n${input.description ?? ""}\n` }],
      message: "Initial commit",
      author,
    });
    repo.pushedAt = now;
  }
  for (const inst of core.store.state.installations) {
    if (inst.accountId === owner.id && inst.repositorySelection === "all")
      inst.repositoryIds.push(repo.id);
  }
  emitEvent(core, actor, "repository", "created", repo.id, { repository: renderRepo(core, repo) });
  core.store.changed();
  return repo;
}
