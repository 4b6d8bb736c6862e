import type { GitCommitInfo, GitIdentity } from "../../git/types.ts";
import { nodeId } from "../../state/node-id.ts";
import type { RepoRecord } from "../../state/types.ts";
import { onlyArgs } from "../args.ts";
import { paginate } from "../connection.ts";
import type { GqlContext } from "../context.ts";
import { nodeNotFound } from "../errors.ts";
import { commitObj, repoObj, userObj, type CheckSuiteObj, type CommitObj } from "../objects.ts";
import { defineType, plainType, type Resolver } from "../registry.ts";
import { rollupObj } from "./checks.ts";

const PAGE = ["first", "last", "after", "before"];

/** The parsed commit, read from git once per object. */
async function info(ctx: GqlContext, c: CommitObj): Promise<GitCommitInfo> {
  if (c.info) return c.info;
  const found = await ctx.core.git.getCommit(c.repo.id, c.oid);
  if (!found) throw nodeNotFound(nodeId("Commit", `${c.repo.id}:${c.oid}`));
  c.info = found;
  return found;
}

function gitActor(ctx: GqlContext, who: GitIdentity) {
  const user = ctx.core.store.state.accounts.find((a) => a.email && a.email === who.email);
  return {
    name: who.name,
    email: who.email,
    date: who.date ?? null,
    user: user ? userObj(user) : null,
  };
}

const fromGit =
  (read: (c: GitCommitInfo, ctx: GqlContext) => unknown): Resolver<CommitObj> =>
  async (s, _a, ctx) =>
    read(await info(ctx, s), ctx);

const webUrl = (ctx: GqlContext, c: CommitObj) =>
  `${ctx.core.urls.server}/${ctx.core.store.fullName(c.repo)}/commit/${c.oid}`;

export const commitType = defineType<CommitObj>("Commit", {
  id: (s) => nodeId("Commit", `${s.repo.id}:${s.oid}`),
  oid: (s) => s.oid,
  abbreviatedOid: (s) => s.oid.slice(0, 7),
  url: (s, _a, ctx) => webUrl(ctx, s),
  commitUrl: (s, _a, ctx) => webUrl(ctx, s),
  resourcePath: (s, _a, ctx) => new URL(webUrl(ctx, s)).pathname,
  repository: (s) => repoObj(s.repo),
  message: fromGit((c) => c.message),
  messageHeadline: fromGit((c) => c.message.split("\n")[0] ?? ""),
  messageBody: fromGit((c) => c.message.split("\n").slice(1).join("\n").trim()),
  authoredDate: fromGit((c) => c.author.date),
  committedDate: fromGit((c) => c.committer.date),
  author: fromGit((c, ctx) => gitActor(ctx, c.author)),
  committer: fromGit((c, ctx) => gitActor(ctx, c.committer)),
  parents: async (s, args, ctx, info2) => {
    onlyArgs(info2, args, PAGE);
    const c = await info(ctx, s);
    return paginate(c.parents, args, info2, (sha) => commitObj(s.repo, sha));
  },
  statusCheckRollup: (s, _a, ctx) => rollupObj(ctx, s.repo, s.oid),
  checkSuites: (s, args, ctx, info2) => {
    onlyArgs(info2, args, PAGE);
    const suites = ctx.core.store.state.checkSuites.filter(
      (x) => x.repoId === s.repo.id && x.headSha === s.oid,
    );
    return paginate(suites, args, info2, (record): CheckSuiteObj => ({
      __typename: "CheckSuite",
      record,
    }));
  },
});

export const gitActorType = plainType("GitActor", ["name", "email", "date", "user"]);

export interface RefObj {
  __typename: "Ref";
  repo: RepoRecord;
  /** The branch name (`main`). */
  name: string;
}

export const refType = defineType<RefObj>("Ref", {
  id: (s) => nodeId("Ref", `${s.repo.id}:refs/heads/${s.name}`),
  name: (s) => s.name,
  prefix: () => "refs/heads/",
  repository: (s) => repoObj(s.repo),
  target: async (s, _a, ctx) => {
    const sha = await ctx.core.git.resolve(s.repo.id, `refs/heads/${s.name}`);
    return sha ? commitObj(s.repo, sha) : null;
  },
});
