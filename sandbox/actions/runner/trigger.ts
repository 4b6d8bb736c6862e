import type { SandboxCore } from "../../core.ts";
import type { SandboxEvent } from "../../state/store.ts";
import type { RepoRecord, RunTrigger } from "../../state/types.ts";
import type { TriggerEvent } from "../workflow/index.ts";

const ZERO = "0".repeat(40);

export interface Triggered {
  trigger: RunTrigger;
  /** What `on:` filters are matched against. */
  match: TriggerEvent;
  headBranch: string | null;
}

type Payload = Record<string, any>;

async function pushPaths(core: SandboxCore, repo: RepoRecord, p: Payload): Promise<string[]> {
  if (p.before && p.before !== ZERO) {
    const files = await core.git.diffFiles(repo.id, p.before, p.after).catch(() => null);
    if (files)
      return files.flatMap((f) => [
        f.filename,
        ...(f.previousFilename ? [f.previousFilename] : []),
      ]);
  }
  const commits = (p.commits ?? []) as { added: string[]; removed: string[]; modified: string[] }[];
  return [...new Set(commits.flatMap((c) => [...c.added, ...c.removed, ...c.modified]))];
}

async function defaultBranchHead(
  core: SandboxCore,
  repo: RepoRecord,
  ref?: string,
): Promise<{ ref: string; sha: string } | null> {
  const full = ref ?? `refs/heads/${repo.defaultBranch}`;
  const sha = await core.git.resolve(repo.id, full).catch(() => null);
  return sha ? { ref: full, sha } : null;
}

/**
 * The commit and ref an event runs workflows at, as GitHub picks them: push → the pushed
 * commit; pull_request → the head commit (ref `refs/pull/N/merge`); pull_request_target →
 * the base branch; workflow_dispatch → the dispatched ref; everything else → the default branch.
 */
export async function triggerFor(
  core: SandboxCore,
  repo: RepoRecord,
  e: SandboxEvent,
  payload: Payload,
): Promise<Triggered | null> {
  const base = { event: e.name, payload, headRef: null, baseRef: null };
  switch (e.name) {
    case "push": {
      if (payload.deleted || payload.after === ZERO) return null;
      const ref = String(payload.ref);
      const changedPaths = await pushPaths(core, repo, payload);
      const headBranch = ref.replace(/^refs\/(heads|tags)\//, "");
      return {
        trigger: { ...base, ref, sha: String(payload.after) },
        match: { name: "push", ref, changedPaths },
        headBranch,
      };
    }
    case "pull_request":
    case "pull_request_target": {
      const pr = payload.pull_request as Payload;
      const number = Number(payload.number ?? pr.number);
      const headSha = String(pr.head.sha);
      const baseRef = String(pr.base.ref);
      const mb = await core.git.mergeBase(repo.id, String(pr.base.sha), headSha).catch(() => null);
      const files = mb ? await core.git.diffFiles(repo.id, mb, headSha).catch(() => []) : [];
      const match: TriggerEvent = {
        name: e.name,
        action: e.action,
        baseRef,
        changedPaths: files.map((f) => f.filename),
      };
      const refs = { headRef: String(pr.head.ref), baseRef };
      if (e.name === "pull_request")
        return {
          trigger: { ...base, ...refs, ref: `refs/pull/${number}/merge`, sha: headSha },
          match,
          headBranch: String(pr.head.ref),
        };
      const head = await defaultBranchHead(core, repo, `refs/heads/${baseRef}`);
      return head ? { trigger: { ...base, ...refs, ...head }, match, headBranch: baseRef } : null;
    }
    case "workflow_dispatch": {
      const head = await defaultBranchHead(core, repo, String(payload.ref));
      if (!head) return null;
      return {
        trigger: { ...base, ...head },
        match: { name: e.name, workflowFile: String(payload.workflow ?? "") },
        headBranch: head.ref.replace(/^refs\/(heads|tags)\//, ""),
      };
    }
    default: {
      const head = await defaultBranchHead(core, repo);
      if (!head) return null;
      const match: TriggerEvent = { name: e.name, action: e.action };
      if (e.name === "workflow_run") {
        const wr = payload.workflow_run as Payload;
        match.workflowName = String(wr.name);
        match.ref = `refs/heads/${String(wr.head_branch)}`;
      }
      return { trigger: { ...base, ...head }, match, headBranch: repo.defaultBranch };
    }
  }
}
