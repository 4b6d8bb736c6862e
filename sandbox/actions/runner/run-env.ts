import type { SandboxCore } from "../../core.ts";
import { openRepoSecret } from "../../rest/handlers/secrets.ts";
import type { RepoRecord, WorkflowRunRecord } from "../../state/types.ts";
import type { JobResult, RunEnv } from "./types.ts";

/** The repository's Actions secrets, opened (a run reads them once, when it starts). */
function openSecrets(core: SandboxCore, repo: RepoRecord): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const s of core.store.state.repoSecrets.filter((x) => x.repoId === repo.id)) {
    const value = openRepoSecret(core, repo, s.name);
    if (value !== null) secrets[s.name] = value;
  }
  return secrets;
}

/** What one attempt of a run shares: the machine's slots and groups, secrets, vars, a cancel. */
export function runEnv(
  shared: Pick<RunEnv, "core" | "ids" | "dirs" | "slots" | "groups" | "keepFailedWorkspaces">,
  repo: RepoRecord,
  run: WorkflowRunRecord,
  reuse: Map<string, JobResult>,
): RunEnv {
  const vars = Object.fromEntries(
    shared.core.store.state.repoVariables
      .filter((v) => v.repoId === repo.id)
      .map((v) => [v.name, v.value]),
  );
  return {
    ...shared,
    repo,
    run,
    trigger: run.trigger,
    cancel: new AbortController(),
    secrets: openSecrets(shared.core, repo),
    vars,
    reuse,
  };
}
