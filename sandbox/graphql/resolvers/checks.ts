import { latestStatuses } from "../../ops/statuses.ts";
import { nodeId } from "../../state/node-id.ts";
import type { CheckRunRecord, CommitStatusRecord, RepoRecord } from "../../state/types.ts";
import { onlyArgs } from "../args.ts";
import { paginate } from "../connection.ts";
import type { GqlContext } from "../context.ts";
import { GqlError } from "../errors.ts";
import {
  accountObj,
  commitObj,
  repoObj,
  type AppObj,
  type CheckRunObj,
  type CheckSuiteObj,
} from "../objects.ts";
import { defineType } from "../registry.ts";

const PAGE = ["first", "last", "after", "before"];
const FAILING = [
  "failure",
  "timed_out",
  "cancelled",
  "action_required",
  "startup_failure",
  "stale",
];

export interface RollupObj {
  __typename: "StatusCheckRollup";
  repo: RepoRecord;
  oid: string;
  runs: CheckRunRecord[];
  /** The latest commit status of each context. */
  statuses: CommitStatusRecord[];
}

export interface StatusContextObj {
  __typename: "StatusContext";
  repo: RepoRecord;
  record: CommitStatusRecord;
}

/** The latest run of each check (per App and name) on a commit. */
function latestRuns(ctx: GqlContext, repo: RepoRecord, sha: string): CheckRunRecord[] {
  const latest = new Map<string, CheckRunRecord>();
  for (const run of ctx.core.store.state.checkRuns) {
    if (run.repoId !== repo.id || run.headSha !== sha) continue;
    const key = `${run.appId}:${run.name}`;
    const seen = latest.get(key);
    if (!seen || seen.id < run.id) latest.set(key, run);
  }
  return [...latest.values()].sort((a, b) => a.id - b.id);
}

/** A commit's combined check and status state, or null when nothing reported on it. */
export function rollupObj(ctx: GqlContext, repo: RepoRecord, sha: string): RollupObj | null {
  const runs = latestRuns(ctx, repo, sha);
  const statuses = latestStatuses(ctx.core, repo, sha).reverse();
  return runs.length || statuses.length
    ? { __typename: "StatusCheckRollup", repo, oid: sha, runs, statuses }
    : null;
}

function rollupState(runs: CheckRunRecord[], statuses: CommitStatusRecord[]): string {
  if (
    runs.some((r) => r.status === "completed" && FAILING.includes(r.conclusion ?? "")) ||
    statuses.some((s) => s.state === "failure" || s.state === "error")
  )
    return "FAILURE";
  if (runs.some((r) => r.status !== "completed") || statuses.some((s) => s.state === "pending"))
    return "PENDING";
  return "SUCCESS";
}

/**
 * A status context, or — for a token without the commit statuses permission — the error GitHub
 * puts at that node: "Resource not accessible by integration".
 */
function statusNode(ctx: GqlContext, repo: RepoRecord, record: CommitStatusRecord): unknown {
  if (ctx.access.token.kind !== "user" && !ctx.access.levelOn(repo, "statuses"))
    return new GqlError("FORBIDDEN", "Resource not accessible by integration");
  return { __typename: "StatusContext", repo, record } satisfies StatusContextObj;
}

export const statusCheckRollupType = defineType<RollupObj>("StatusCheckRollup", {
  state: (s) => rollupState(s.runs, s.statuses),
  commit: (s) => commitObj(s.repo, s.oid),
  contexts: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const all: (CheckRunRecord | CommitStatusRecord)[] = [...s.runs, ...s.statuses];
    return paginate(all, args, info, (record) =>
      "suiteId" in record
        ? ({ __typename: "CheckRun", record } satisfies CheckRunObj)
        : statusNode(ctx, s.repo, record),
    );
  },
});

export const statusContextType = defineType<StatusContextObj>("StatusContext", {
  id: (s) => nodeId("StatusContext", s.record.id),
  context: (s) => s.record.context,
  state: (s) => s.record.state.toUpperCase(),
  description: (s) => s.record.description,
  targetUrl: (s) => s.record.targetUrl,
  createdAt: (s) => s.record.createdAt,
  avatarUrl: (s, _a, ctx) => `${ctx.core.urls.server}/avatars/u/${s.record.creatorId}?v=4`,
  commit: (s) => commitObj(s.repo, s.record.sha),
  creator: (s, _a, ctx) => {
    const a = ctx.core.store.state.accounts.find((x) => x.id === s.record.creatorId);
    return a ? accountObj(a) : null;
  },
});

const upper = (v: string | null) => (v ? v.toUpperCase() : null);

function appOf(ctx: GqlContext, appId: number): AppObj | null {
  const record = ctx.core.store.state.apps.find((a) => a.id === appId);
  return record ? { __typename: "App", record } : null;
}

export const checkSuiteType = defineType<CheckSuiteObj>("CheckSuite", {
  id: (s) => nodeId("CheckSuite", s.record.id),
  databaseId: (s) => s.record.id,
  status: (s) => upper(s.record.status),
  conclusion: (s) => upper(s.record.conclusion),
  createdAt: (s) => s.record.createdAt,
  updatedAt: (s) => s.record.updatedAt,
  app: (s, _a, ctx) => appOf(ctx, s.record.appId),
  repository: (s, _a, ctx) => repoObj(ctx.core.store.repoById(s.record.repoId)),
  commit: (s, _a, ctx) => commitObj(ctx.core.store.repoById(s.record.repoId), s.record.headSha),
  checkRuns: (s, args, ctx, info) => {
    onlyArgs(info, args, PAGE);
    const runs = ctx.core.store.state.checkRuns.filter((r) => r.suiteId === s.record.id);
    return paginate(runs, args, info, (record): CheckRunObj => ({
      __typename: "CheckRun",
      record,
    }));
  },
});

function runUrl(ctx: GqlContext, run: CheckRunRecord): string {
  return `${ctx.core.urls.server}/${ctx.core.store.fullName(ctx.core.store.repoById(run.repoId))}/runs/${run.id}`;
}

export const checkRunType = defineType<CheckRunObj>("CheckRun", {
  id: (s) => nodeId("CheckRun", s.record.id),
  databaseId: (s) => s.record.id,
  name: (s) => s.record.name,
  status: (s) => upper(s.record.status),
  conclusion: (s) => upper(s.record.conclusion),
  detailsUrl: (s) => s.record.detailsUrl,
  externalId: (s) => s.record.externalId,
  startedAt: (s) => s.record.startedAt,
  completedAt: (s) => s.record.completedAt,
  title: (s) => s.record.output.title,
  summary: (s) => s.record.output.summary,
  text: (s) => s.record.output.text,
  url: (s, _a, ctx) => runUrl(ctx, s.record),
  permalink: (s, _a, ctx) => runUrl(ctx, s.record),
  repository: (s, _a, ctx) => repoObj(ctx.core.store.repoById(s.record.repoId)),
  checkSuite: (s, _a, ctx) => {
    const record = ctx.core.store.state.checkSuites.find((x) => x.id === s.record.suiteId);
    return record ? { __typename: "CheckSuite", record } : null;
  },
});

export const appType = defineType<AppObj>("App", {
  id: (s) => nodeId("App", s.record.id),
  databaseId: (s) => s.record.id,
  slug: (s) => s.record.slug,
  name: (s) => s.record.name,
  description: (s) => s.record.description,
  clientId: (s) => s.record.clientId,
  createdAt: (s) => s.record.createdAt,
  updatedAt: (s) => s.record.createdAt,
  url: (s, _a, ctx) => `${ctx.core.urls.server}/apps/${s.record.slug}`,
});
