import { GitHubError, notFound, validationFailed } from "../../http/github-error.ts";
import { emitCheckRun, rollUpSuite, suiteFor } from "../../ops/checks.ts";
import { renderCheckRun, renderCheckSuite } from "../../render/check.ts";
import type { CheckRunRecord } from "../../state/types.ts";
import { paginate, repoOf } from "../lookup.ts";
import { ok, type HandlerTable, type RestRequest } from "../types.ts";

function applyFields(req: RestRequest, run: CheckRunRecord, b: any): void {
  const now = req.core.store.now();
  if (b.name !== undefined) run.name = String(b.name);
  if (b.details_url !== undefined) run.detailsUrl = b.details_url;
  if (b.external_id !== undefined) run.externalId = b.external_id;
  if (b.started_at !== undefined) run.startedAt = b.started_at;
  if (b.status !== undefined) run.status = b.status;
  if (b.conclusion !== undefined && b.conclusion !== null) {
    run.conclusion = b.conclusion;
    run.status = "completed";
  }
  if (run.status === "completed" && !run.conclusion)
    throw validationFailed(
      "CheckRun",
      "conclusion",
      "missing_field",
      "conclusion is required when status is completed",
    );
  if (run.status === "completed") run.completedAt = b.completed_at ?? run.completedAt ?? now;
  if (run.status === "in_progress") run.startedAt ??= now;
  if (b.output) {
    const annotations: unknown[] = b.output.annotations ?? [];
    if (annotations.length > 50)
      throw validationFailed(
        "CheckRun",
        "annotations",
        "invalid",
        "at most 50 annotations per request",
      );
    if (String(b.output.summary ?? "").length > 65_535)
      throw validationFailed(
        "CheckRun",
        "summary",
        "invalid",
        "summary is too long (maximum is 65535 characters)",
      );
    run.output = {
      title: b.output.title ?? run.output.title,
      summary: b.output.summary ?? run.output.summary,
      text: b.output.text ?? run.output.text,
      annotations: [...run.output.annotations, ...annotations],
    };
  }
  if (b.actions) run.actions = b.actions;
}

function requireApp(req: RestRequest): number {
  const appId = req.access.actor.appId;
  if (appId == null) throw new GitHubError(403, "You must authenticate via a GitHub App.");
  return appId;
}

export const checkHandlers: HandlerTable = {
  "checks/create": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "checks", "write");
    const appId = requireApp(req);
    const sha = String(req.body.head_sha);
    const commit = await req.core.git.getCommit(repo.id, sha);
    if (!commit)
      throw validationFailed("CheckRun", "head_sha", "invalid", "No commit found for SHA: " + sha);
    const suite = suiteFor(req.core, repo, appId, sha, null);
    const run: CheckRunRecord = {
      id: req.core.store.newId(),
      repoId: repo.id,
      suiteId: suite.id,
      appId,
      name: String(req.body.name),
      headSha: sha,
      externalId: null,
      detailsUrl: null,
      status: "queued",
      conclusion: null,
      startedAt: null,
      completedAt: null,
      output: { title: null, summary: null, text: null, annotations: [] },
      actions: [],
    };
    applyFields(req, run, req.body);
    run.startedAt ??= req.core.store.now();
    req.core.store.state.checkRuns.push(run);
    emitCheckRun(req.core, req.access.actor, run, "created");
    if (run.status === "completed") emitCheckRun(req.core, req.access.actor, run, "completed");
    rollUpSuite(req.core, req.access.actor, suite, commit);
    req.core.store.changed();
    return ok(renderCheckRun(req.core, run), 201);
  },
  "checks/update": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "checks", "write");
    const appId = requireApp(req);
    const run = req.core.store.state.checkRuns.find(
      (r) => r.id === Number(req.params.check_run_id) && r.repoId === repo.id,
    );
    if (!run) throw notFound();
    if (run.appId !== appId)
      throw new GitHubError(
        403,
        "Invalid app_id `" + appId + "` - check run can only be modified by its creator.",
      );
    const wasCompleted = run.status === "completed";
    applyFields(req, run, req.body);
    if (run.status === "completed" && !wasCompleted)
      emitCheckRun(req.core, req.access.actor, run, "completed");
    const suite = req.core.store.state.checkSuites.find((s) => s.id === run.suiteId);
    if (suite)
      rollUpSuite(
        req.core,
        req.access.actor,
        suite,
        await req.core.git.getCommit(repo.id, run.headSha),
      );
    req.core.store.changed();
    return ok(renderCheckRun(req.core, run));
  },
  "checks/get": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "checks", "read");
    const run = req.core.store.state.checkRuns.find(
      (r) => r.id === Number(req.params.check_run_id) && r.repoId === repo.id,
    );
    if (!run) throw notFound();
    return ok(renderCheckRun(req.core, run));
  },
  "checks/list-for-ref": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "checks", "read");
    const sha = await req.core.git.resolve(repo.id, String(req.params.ref));
    if (!sha) throw new GitHubError(422, `No commit found for SHA: ${req.params.ref}`);
    let runs = req.core.store.state.checkRuns.filter(
      (r) => r.repoId === repo.id && r.headSha === sha,
    );
    if (req.query.check_name) runs = runs.filter((r) => r.name === req.query.check_name);
    if (req.query.status) runs = runs.filter((r) => r.status === req.query.status);
    if (req.query.app_id) runs = runs.filter((r) => r.appId === Number(req.query.app_id));
    if (req.query.filter !== "all") {
      const latest = new Map<string, CheckRunRecord>();
      for (const r of runs) latest.set(`${r.appId}:${r.name}`, r);
      runs = [...latest.values()];
    }
    const { page, headers } = paginate(req, runs);
    return {
      status: 200,
      headers,
      body: { total_count: runs.length, check_runs: page.map((r) => renderCheckRun(req.core, r)) },
    };
  },
  "checks/list-suites-for-ref": async (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "checks", "read");
    const sha = await req.core.git.resolve(repo.id, String(req.params.ref));
    const suites = req.core.store.state.checkSuites.filter(
      (s) => s.repoId === repo.id && s.headSha === sha,
    );
    return ok({
      total_count: suites.length,
      check_suites: suites.map((s) => renderCheckSuite(req.core, s)),
    });
  },
  "checks/get-suite": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "checks", "read");
    const s = req.core.store.state.checkSuites.find(
      (x) => x.id === Number(req.params.check_suite_id) && x.repoId === repo.id,
    );
    if (!s) throw notFound();
    return ok(renderCheckSuite(req.core, s));
  },
  "checks/rerequest-run": (req) => {
    const repo = repoOf(req);
    req.access.require(repo, "checks", "write");
    const run = req.core.store.state.checkRuns.find(
      (r) => r.id === Number(req.params.check_run_id) && r.repoId === repo.id,
    );
    if (!run) throw notFound();
    emitCheckRun(req.core, req.access.actor, run, "rerequested");
    return ok({}, 201);
  },
};
