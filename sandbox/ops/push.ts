import type { Actor, SandboxCore } from "../core.ts";
import type { RefUpdate } from "../git/types.ts";
import { renderPull } from "../render/pull.ts";
import type { RepoRecord } from "../state/types.ts";
import { emitEvent } from "./emit.ts";
import { refreshPull } from "./pulls.ts";
import { closingReferences } from "./closing-references.ts";
import { setState } from "./issues.ts";

const ZERO = "0".repeat(40);

async function commitSummary(core: SandboxCore, repo: RepoRecord, sha: string, distinct: boolean) {
  const c = await core.git.getCommit(repo.id, sha);
  if (!c) return null;
  const files = c.parents[0] ? await core.git.diffFiles(repo.id, c.parents[0], sha) : [];
  const full = core.store.fullName(repo);
  const who = (p: { name: string; email: string }) => {
    const acc = core.store.state.accounts.find((a) => a.email === p.email);
    return { name: p.name, email: p.email, ...(acc ? { username: acc.login } : {}) };
  };
  return {
    id: c.sha,
    tree_id: c.tree,
    distinct,
    message: c.message,
    timestamp: c.committer.date,
    url: `${core.urls.server}/${full}/commit/${c.sha}`,
    author: who(c.author),
    committer: who(c.committer),
    added: files.filter((f) => f.status === "added").map((f) => f.filename),
    removed: files.filter((f) => f.status === "removed").map((f) => f.filename),
    modified: files
      .filter((f) => f.status === "modified" || f.status === "renamed")
      .map((f) => f.filename),
  };
}

/**
 * What GitHub does after refs move (a git push, the contents API, a ref update, a merge):
 * a `push` event per ref, and open pull requests on those branches brought up to date.
 */
export async function afterPush(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  updates: RefUpdate[],
): Promise<void> {
  const full = core.store.fullName(repo);
  const pusher = core.store.accountById(actor.accountId > 0 ? actor.accountId : repo.ownerId);
  for (const u of updates) {
    const created = u.oldSha === ZERO;
    const deleted = u.newSha === ZERO;
    let commits: NonNullable<Awaited<ReturnType<typeof commitSummary>>>[] = [];
    if (!deleted) {
      const list = await core.git.commitsBetween(repo.id, created ? null : u.oldSha, u.newSha);
      const recent = created ? list.slice(-20) : list.slice(-2048);
      for (const c of recent) {
        const s = await commitSummary(core, repo, c.sha, true);
        if (s) commits.push(s);
      }
    }
    const forced =
      !created && !deleted && !(await core.git.isAncestor(repo.id, u.oldSha, u.newSha));
    repo.pushedAt = core.store.now();
    emitEvent(core, actor, "push", null, repo.id, {
      ref: u.ref,
      before: u.oldSha,
      after: u.newSha,
      created,
      deleted,
      forced,
      base_ref: null,
      compare: `${core.urls.server}/${full}/compare/${created ? u.newSha.slice(0, 12) : `${u.oldSha.slice(0, 12)}...${u.newSha.slice(0, 12)}`}`,
      commits,
      head_commit: deleted
        ? null
        : (commits.at(-1) ?? (await commitSummary(core, repo, u.newSha, false))),
      pusher: {
        name: pusher.login,
        email: pusher.email ?? `${pusher.login}@users.noreply.localhost`,
      },
    });
    if (!u.ref.startsWith("refs/heads/")) continue;
    const branch = u.ref.slice("refs/heads/".length);
    if (branch === repo.defaultBranch && !deleted) closeFromCommits(core, actor, repo, commits);
    for (const pr of core.store.state.pulls) {
      const issue = core.store.issueById(pr.issueId);
      if (!issue || issue.state !== "open") continue;
      if (pr.headRepoId === repo.id && pr.headRef === branch && !deleted) {
        // Opened on this very commit while the push was being processed (pushes are handled
        // after git's answer): nothing new reaches the pull request, so it is not synchronized.
        if (pr.headSha === u.newSha) continue;
        const before = pr.headSha;
        pr.headSha = u.newSha;
        await refreshPull(core, pr);
        issue.updatedAt = core.store.now();
        emitEvent(core, actor, "pull_request", "synchronize", pr.repoId, {
          number: issue.number,
          before,
          after: u.newSha,
          pull_request: renderPull(core, issue),
        });
      } else if (pr.repoId === repo.id && pr.baseRef === branch && !deleted) {
        pr.baseSha = u.newSha;
        await refreshPull(core, pr);
      }
    }
  }
  core.store.changed();
}

/**
 * GitHub closes an issue when a commit whose message carries a closing keyword for it reaches
 * the default branch ("Linking a pull request to an issue": keywords in commit messages work
 * when the commit is merged into the default branch); the ClosedEvent's closer is the commit.
 */
function closeFromCommits(
  core: SandboxCore,
  actor: Actor,
  repo: RepoRecord,
  commits: { id: string; message: string }[],
): void {
  for (const c of commits) {
    for (const ref of closingReferences(c.message)) {
      const target = ref.owner && ref.repo ? core.store.repo(ref.owner, ref.repo) : repo;
      const issue = target ? core.store.issue(target.id, ref.number) : undefined;
      if (!issue || issue.isPull || issue.state !== "open" || !target) continue;
      if (target.ownerId !== repo.ownerId && target.private) continue;
      setState(core, actor, issue, "closed", "completed", {
        kind: "commit",
        repoId: repo.id,
        sha: c.id,
      });
    }
  }
}
