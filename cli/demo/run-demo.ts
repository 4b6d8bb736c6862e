import { randomBytes } from "node:crypto";
import {
  countByClient,
  perTask,
  type ClientFigures,
  type DemoClient,
  type PerTask,
} from "./client-counts.ts";
import { DEMO_REQUEST, demoScenarios } from "./scenarios.ts";
import { settle } from "./settle.ts";
import { reportRelease, type ReleaseResult } from "./release-progress.ts";
import { parseSpecBlock } from "../../app/spec/spec-block.ts";
import type { ScenarioInput } from "../../sandbox/model/index.ts";
import { startWorld, type World } from "./world.ts";

export interface DemoResult {
  hub: {
    repo: string;
    issue: number;
    state: string;
    checklist: { total: number; checked: number };
  };
  tasks: {
    id: string;
    repo: string;
    issue: number;
    state: string;
    pr: { number: number; merged: boolean; files: string[] } | null;
    /** The hub agent that did it, and its model (from the sub-issue's spec). */
    agent: string | null;
    model: string | null;
  }[];
  api: {
    requests: number;
    /** Answered 304 Not Modified (not charged by GitHub). */
    notModified: number;
    byRoute: Record<string, number>;
    /** The App, the agent runs, the projects' CI and the demo's reviewer. */
    byClient: Record<DemoClient, ClientFigures>;
    perTask: PerTask;
  };
  model: { requests: number; inputTokens: number; outputTokens: number };
  /** With `--faults`: the rate and the faults injected; with `--restart-app`: the restarts. */
  reliability: {
    faultRate: number;
    faults: { "502": number; timeout: number; secondary: number };
    appRestarts: number;
  };
  /** With `release`: the integration check and the deployments after the last merge. */
  release?: ReleaseResult;
  durationMs: number;
}

export interface DemoOptions {
  log: (line: string) => void;
  /** Gives up after this long. */
  timeoutMs?: number;
  port?: number;
  keep?: (w: World) => Promise<void>;
  /** The value sealed as the API task's secret (random by default). */
  secretValue?: string;
  /** Use the real Anthropic API with this key instead of the scripted model. */
  realApiKey?: string;
  /** Scenarios that answer before the built-in ones (`--model-scenarios`). */
  extraScenarios?: ScenarioInput[];
  /** Hub files instead of the demo's two agents (hub-agents.ts), by path. */
  hubFiles?: Record<string, string>;
  /** Called once the loop has ended, before `keep` (prints `--json` early). */
  onResult?: (result: DemoResult, w: World) => void;
  /** The share of every client's GitHub requests that meet a fault (`--faults`). */
  faults?: number;
  /** Called with the world still running when the loop fails (to look at what stopped it). */
  onFailure?: (w: World) => Promise<void>;
  /** Kill the App server every so many seconds and start it again (`--restart-app`). */
  restartAppEvery?: number;
  /** Called once the world runs, before the hub issue is opened (a test changes a repository). */
  onStart?: (w: World) => Promise<void>;
  /**
   * Called when the loop makes no progress and the hub is still open, with the hub issue's
   * number: true when it changed something (the loop goes on), false to fail as without it.
   */
  onStall?: (w: World, hub: number) => Promise<boolean>;
  /** The integration phase and deployments after the last merge (cli/demo/release-files.ts). */
  release?: boolean;
}

type Pull = Awaited<ReturnType<World["reviewer"]["pulls"]["list"]>>["data"][number];

/** The reviewer's rule: merge an agent PR once every check on its head has passed. */
async function mergeReady(
  w: World,
  log: (l: string) => void,
  merged: Set<string>,
  reviewed: Set<string>,
): Promise<number> {
  let count = 0;
  for (const repo of ["api", "portal"]) {
    const open = await w.reviewer.pulls.list({ owner: "havun", repo, state: "open" });
    for (const pr of open.data.filter((p: Pull) => p.head.ref.startsWith("havun/"))) {
      const checks = await w.reviewer.checks.listForRef({ owner: "havun", repo, ref: pr.head.sha });
      const runs = checks.data.check_runs;
      if (runs.length === 0 || runs.some((r) => r.status !== "completed")) continue;
      const failing = runs.filter(
        (r) =>
          r.conclusion !== "success" && r.conclusion !== "skipped" && r.conclusion !== "neutral",
      );
      if (
        failing.length === 1 &&
        failing[0]!.name === "havun/gate" &&
        !reviewed.has(`${repo}#${pr.number}`)
      ) {
        // The reviewer reads the change and ticks the acceptance checklist; the gate re-evaluates.
        reviewed.add(`${repo}#${pr.number}`);
        const body = (pr.body ?? "").replace(/^- \[ \] /gm, "- [x] ");
        await w.reviewer.pulls.update({ owner: "havun", repo, pull_number: pr.number, body });
        log(
          `  ✓ reviewer checked havun/${repo}#${pr.number} against its acceptance criteria and ticked them`,
        );
        count++;
        continue;
      }
      if (failing.length) {
        log(
          `  ✗ havun/${repo}#${pr.number}: ${failing.map((r) => r.name).join(", ")} did not pass; not merging`,
        );
        continue;
      }
      await w.reviewer.pulls.merge({
        owner: "havun",
        repo,
        pull_number: pr.number,
        merge_method: "squash",
      });
      merged.add(`${repo}#${pr.number}`);
      log(
        `  ✓ reviewer merged havun/${repo}#${pr.number} "${pr.title}" (checks: ${runs.map((r) => r.name).join(", ")})`,
      );
      count++;
    }
  }
  return count;
}

/**
 * The whole loop on one machine: /orchestrate → plan → sub-issues → agent runs (the real Claude
 * Code CLI, scripted model) → pull requests → CI → the reviewer merges → the hub closes.
 */
export async function runDemo(o: DemoOptions): Promise<DemoResult> {
  const started = Date.now();
  const secretValue = o.secretValue ?? `sk_live_demo_${randomBytes(12).toString("hex")}`;
  o.log(
    "Starting the sandbox (a local GitHub with an Actions runner), the scripted model and the HavunCore App…",
  );
  const w = await startWorld({
    scenarios: [...(o.extraScenarios ?? []), ...demoScenarios()],
    secretValue,
    port: o.port,
    realApiKey: o.realApiKey,
    hubFiles: o.hubFiles,
    faults: o.faults,
    restartAppEvery: o.restartAppEvery,
    release: o.release,
  });
  try {
    o.log(`  GitHub API ${w.sb.apiUrl} · App webhook ${w.app.webhookUrl}`);
    await o.onStart?.(w);
    o.log(`Opening havun/hub issue: /orchestrate ${DEMO_REQUEST}`);
    const issue = await w.reviewer.issues.create({
      owner: "havun",
      repo: "hub",
      title: "Installment payments",
      body: `/orchestrate ${DEMO_REQUEST}`,
    });
    const hub = issue.data.number;
    const merged = new Set<string>();
    const reviewed = new Set<string>();
    const seen = new Set<string>();
    const deadline = started + (o.timeoutMs ?? 10 * 60_000);
    for (;;) {
      await settle(w);
      if (await report(w, hub, seen, o.log, o.release ?? false)) continue;
      const state = (
        await w.reviewer.issues.get({ owner: "havun", repo: "hub", issue_number: hub })
      ).data.state;
      if (state === "closed") break;
      const progressed = await mergeReady(w, o.log, merged, reviewed);
      if (!progressed) {
        if (Date.now() > deadline) throw new Error("the demo timed out");
        if (o.onStall && (await o.onStall(w, hub))) continue;
        // Work a killed App lost (a webhook it missed) is resumed when it starts again.
        if (o.restartAppEvery) {
          await w.app.nextStart();
          continue;
        }
        const failed = await failedTasks(w, hub);
        if (failed.length) throw new Error(`tasks failed: ${failed.join(", ")}`);
        throw new Error("the orchestration stopped without finishing (see the hub issue)");
      }
    }
    o.log(`The hub issue havun/hub#${hub} is closed: every task is done.`);
    // The phase's last steps, read once: printed, then in the result.
    const release = o.release
      ? await reportRelease(w, (k, l) => (seen.has(k) ? null : (seen.add(k), o.log(l))))
      : undefined;
    const result = await collect(w, hub, started, o.faults ?? 0);
    if (release) result.release = release;
    o.log(
      `Who did what: ${result.tasks.map((t) => `${t.id} by ${t.agent ?? "the agent"}${t.model ? ` on ${t.model}` : ""}`).join(", ")}.`,
    );
    o.onResult?.(result, w);
    if (o.keep) await o.keep(w);
    return result;
  } catch (err) {
    await o.onFailure?.(w);
    throw err;
  } finally {
    await w.stop();
  }
}

async function subIssues(w: World, hub: number) {
  return (await w.reviewer.issues.listSubIssues({ owner: "havun", repo: "hub", issue_number: hub }))
    .data;
}

/** Which agent a sub-issue's task has, on which model: `agent backend-engineer on claude-sonnet-5-5`. */
function agentOf(body: string | null | undefined): string {
  const parsed = parseSpecBlock(body ?? "", null);
  const agent = parsed && "spec" in parsed ? parsed.spec.agent : undefined;
  if (!agent) return "the agent";
  return agent.name ? `agent ${agent.name} on ${agent.model}` : `the agent on ${agent.model}`;
}

function taskOf(body: string | null | undefined): string {
  return /<!-- havun:task hub=\S+ id=([a-z0-9-]+) -->/.exec(body ?? "")?.[1] ?? "?";
}

async function failedTasks(w: World, hub: number): Promise<string[]> {
  return (await subIssues(w, hub))
    .filter((s) => s.labels.some((l) => (typeof l === "string" ? l : l.name) === "havun:failed"))
    .map((s) => taskOf(s.body));
}

/** Prints what happened since the last look, once each. */
async function report(
  w: World,
  hub: number,
  seen: Set<string>,
  log: (l: string) => void,
  release: boolean,
): Promise<boolean> {
  const say = (key: string, line: string) => {
    if (!seen.has(key)) log(line);
    seen.add(key);
  };
  const comments = (
    await w.reviewer.issues.listComments({ owner: "havun", repo: "hub", issue_number: hub })
  ).data;
  if (comments.some((c) => c.body?.includes("havun:plan v1")))
    say(
      "plan",
      "  ✓ the App planned the feature with Claude and commented the plan (table + dependency graph)",
    );
  const waiting = comments.find(
    (c) => c.body?.includes("havun:plan v1") && c.body.includes("**Waiting for approval"),
  );
  if (waiting && !seen.has("approved")) {
    // The plan attaches a sealed secret, so it waits for a writer: the reviewer reads it and approves.
    await w.reviewer.issues.createComment({
      owner: "havun",
      repo: "hub",
      issue_number: hub,
      body: "/approve",
    });
    say(
      "approved",
      "  ✓ the plan attaches a sealed secret, so it waited for a writer: the reviewer commented /approve",
    );
    return true;
  }
  const subs = await subIssues(w, hub);
  for (const s of subs) {
    const repo = s.repository_url.split("/").slice(-2).join("/");
    const task = taskOf(s.body);
    const labels = s.labels.map((l) => (typeof l === "string" ? l : l.name));
    say(`sub:${s.id}`, `  ✓ sub-issue ${repo}#${s.number} for task ${task}, ${agentOf(s.body)}`);
    if (labels.includes("havun:ready") || labels.includes("havun:running"))
      say(
        `ready:${s.id}`,
        `  → dispatched ${task} to ${agentOf(s.body)}: the agent workflow runs Claude Code in ${repo}`,
      );
    if (s.state === "closed") say(`done:${s.id}`, `  ✓ task ${task} done`);
  }
  if (subs.length && subs.every((s) => s.state === "closed")) seen.add("all-done");
  for (const repo of ["api", "portal"]) {
    for (const pr of (await w.reviewer.pulls.list({ owner: "havun", repo, state: "all" })).data) {
      say(`pr:${repo}#${pr.number}`, `  ✓ agent opened havun/${repo}#${pr.number} "${pr.title}"`);
    }
  }
  // The phase after the last merge: read once every task is done (the reviewer's reads).
  if (release && seen.has("all-done")) await reportRelease(w, say);
  return false;
}

async function collect(
  w: World,
  hub: number,
  started: number,
  faultRate: number,
): Promise<DemoResult> {
  const hubIssue = (await w.reviewer.issues.get({ owner: "havun", repo: "hub", issue_number: hub }))
    .data;
  const body = hubIssue.body ?? "";
  const tasks: DemoResult["tasks"] = [];
  for (const s of await subIssues(w, hub)) {
    const [owner = "", repo = ""] = s.repository_url.split("/").slice(-2);
    const pulls = (await w.reviewer.pulls.list({ owner, repo, state: "all" })).data.filter((p) =>
      p.body?.includes(`Closes ${owner}/${repo}#${s.number}`),
    );
    const pr = pulls[0];
    const files = pr
      ? (await w.reviewer.pulls.listFiles({ owner, repo, pull_number: pr.number })).data.map(
          (f) => f.filename,
        )
      : [];
    const full = pr
      ? (await w.reviewer.pulls.get({ owner, repo, pull_number: pr.number })).data
      : null;
    const parsed = parseSpecBlock(s.body ?? "", null);
    const spec = parsed && "spec" in parsed ? parsed.spec : null;
    tasks.push({
      agent: spec?.agent?.name ?? null,
      model: spec?.agent?.model ?? null,
      id: taskOf(s.body),
      repo: `${owner}/${repo}`,
      issue: s.number,
      state: s.state,
      pr: pr ? { number: pr.number, merged: full?.merged ?? false, files } : null,
    });
  }
  const counts = w.sb.log.counts();
  const byClient = countByClient(w.sb.log.entries);
  const m = w.model.recorder.summary();
  return {
    hub: {
      repo: "havun/hub",
      issue: hub,
      state: hubIssue.state,
      checklist: {
        total: (body.match(/^- \[[ x]\]/gm) ?? []).length,
        checked: (body.match(/^- \[x\]/gm) ?? []).length,
      },
    },
    tasks,
    api: {
      requests: counts.requests,
      notModified: counts.notModified,
      byRoute: counts.byRoute,
      byClient,
      perTask: perTask(byClient, tasks.length),
    },
    model: {
      requests: m.requests,
      inputTokens: m.inputTokens + m.cacheReadTokens + m.cacheWriteTokens,
      outputTokens: m.outputTokens,
    },
    reliability: {
      faultRate: faultRate,
      faults: {
        "502": w.sb.log.entries.filter((e) => e.fault === "502").length,
        timeout: w.sb.log.entries.filter((e) => e.fault === "timeout").length,
        secondary: w.sb.log.entries.filter((e) => e.fault === "secondary").length,
      },
      appRestarts: w.app.restarts(),
    },
    durationMs: Date.now() - started,
  };
}
