import type { GitCommitInfo } from "../../git/types.ts";
import { issueHtmlUrl } from "../../render/issue.ts";
import { onlyArgs } from "../args.ts";
import { paginate } from "../connection.ts";
import { canReadIssue, type GqlContext } from "../context.ts";
import { closingIssues } from "../linked-pulls.ts";
import {
  accountObj,
  commitObj,
  issueLikeObj,
  repoObj,
  type CommitObj,
  type PullObj,
} from "../objects.ts";
import { defineType } from "../registry.ts";
import { issueLikeFields } from "./issue-like.ts";
import { pullReviewFields } from "./pull-reviews.ts";
import { rollupObj } from "./checks.ts";

const PAGE = ["first", "last", "after", "before"];

interface PullCommitObj {
  __typename: "PullRequestCommit";
  pull: PullObj;
  commit: CommitObj;
}

function pullCommit(
  ctx: GqlContext,
  pull: PullObj,
  oid: string,
  info?: GitCommitInfo,
): PullCommitObj {
  const commit = commitObj(ctx.core.store.repoById(pull.pull.headRepoId), oid, info);
  return { __typename: "PullRequestCommit", pull, commit };
}

export const pullRequestType = defineType<PullObj>("PullRequest", {
  ...issueLikeFields,
  ...pullReviewFields,
  state: (s) => (s.pull.merged ? "MERGED" : s.record.state.toUpperCase()),
  merged: (s) => s.pull.merged,
  mergedAt: (s) => s.pull.mergedAt,
  mergedBy: (s, _a, ctx) =>
    s.pull.mergedById != null ? accountObj(ctx.core.store.accountById(s.pull.mergedById)) : null,
  mergeCommit: (s, _a, ctx) =>
    s.pull.mergeCommitSha
      ? commitObj(ctx.core.store.repoById(s.pull.repoId), s.pull.mergeCommitSha)
      : null,
  headRefName: (s) => s.pull.headRef,
  headRefOid: (s) => s.pull.headSha,
  baseRefName: (s) => s.pull.baseRef,
  baseRefOid: (s) => s.pull.baseSha,
  headRepository: (s, _a, ctx) => repoObj(ctx.core.store.repoById(s.pull.headRepoId)),
  baseRepository: (s, _a, ctx) => repoObj(ctx.core.store.repoById(s.pull.repoId)),
  isCrossRepository: (s) => s.pull.headRepoId !== s.pull.repoId,
  isDraft: (s) => s.pull.draft,
  maintainerCanModify: (s) => s.pull.maintainerCanModify,
  mergeable: (s) =>
    s.pull.mergeable === null ? "UNKNOWN" : s.pull.mergeable ? "MERGEABLE" : "CONFLICTING",
  additions: (s) => s.pull.stats.additions,
  deletions: (s) => s.pull.stats.deletions,
  changedFiles: (s) => s.pull.stats.changedFiles,
  permalink: (s, _a, ctx) => issueHtmlUrl(ctx.core, s.record),
  closingIssuesReferences: (s, args, ctx, info) => {
    onlyArgs(info, args, [...PAGE, "userLinkedOnly"]);
    const issues = args.userLinkedOnly
      ? []
      : closingIssues(ctx.core, s.record).filter((i) => canReadIssue(ctx, i));
    return paginate(issues, args, info, (i) => issueLikeObj(ctx.core, i));
  },
  statusCheckRollup: (s, _a, ctx) =>
    rollupObj(ctx, ctx.core.store.repoById(s.pull.headRepoId), s.pull.headSha),
  /** `last: 1` (the head commit) needs no git; other windows list the commits from git. */
  commits: async (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const headOnly =
      args.first == null && args.after == null && args.before == null && Number(args.last) <= 1;
    if (headOnly) {
      const all = Array.from({ length: Math.max(1, s.pull.stats.commits) }, (_, i) => i);
      return paginate(all, args, info, () => pullCommit(ctx, s, s.pull.headSha));
    }
    const commits = await ctx.core.git.commitsBetween(
      s.pull.headRepoId,
      s.pull.baseSha,
      s.pull.headSha,
    );
    return paginate(commits, args, info, (c) => pullCommit(ctx, s, c.sha, c));
  },
});

export const pullRequestCommitType = defineType<PullCommitObj>("PullRequestCommit", {
  commit: (s) => s.commit,
  pullRequest: (s) => s.pull,
  url: (s, _a, ctx) => `${issueHtmlUrl(ctx.core, s.pull.record)}/commits/${s.commit.oid}`,
});
