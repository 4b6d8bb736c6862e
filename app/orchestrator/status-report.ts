import Anthropic from "@anthropic-ai/sdk";
import { reconcile } from "../core/reconcile.ts";
import { createRestClient } from "../gateway/rest-client.ts";
import { readOrchestration } from "../gateway/read-orchestration.ts";
import { loadHubConfig } from "./load-config.ts";
import { checkStoredPlan } from "./stored-plan.ts";
import { VIEW_ONLY_SIGNER } from "../trust/marker-signer.ts";

export interface StatusReport {
  hub: { repo: string; issue: number; title: string; state: string; url: string };
  planned: boolean;
  progress: { done: number; total: number };
  tasks: {
    id: string;
    title: string;
    repo: string;
    status: string;
    issue: number | null;
    pr: { number: number; state: string } | null;
    waitingOn: string[];
    attempt: number;
  }[];
  /** What the App would do next (reading changes nothing). */
  pending: number;
}

const silent = { info() {}, warn() {}, error() {} };

/** An orchestration's state as the App sees it, read-only. */
export async function statusReport(input: {
  baseUrl: string;
  token: string;
  hub: string;
  number: number;
  appSlug?: string;
}): Promise<StatusReport | { error: string }> {
  const octokit = createRestClient({ token: input.token, baseUrl: input.baseUrl });
  const appSlug = input.appSlug ?? "havuncore";
  const state = await readOrchestration(octokit.graphql, input.hub, input.number, {
    appSlug,
    signer: VIEW_ONLY_SIGNER,
  });
  if (!state)
    return { error: `${input.hub}#${input.number} does not exist (or the token cannot see it)` };
  const config = await loadHubConfig(
    {
      octokit,
      anthropic: new Anthropic({ apiKey: "unused" }),
      appSlug,
      signer: VIEW_ONLY_SIGNER,
      log: silent,
    },
    input.hub,
  );
  if (!config.ok) return { error: config.comment };
  if (state.plan) {
    const problems = await checkStoredPlan(
      {
        octokit,
        anthropic: new Anthropic({ apiKey: "unused" }),
        appSlug,
        signer: VIEW_ONLY_SIGNER,
        log: silent,
      },
      input.hub,
      input.number,
      state.plan,
      config.config,
    );
    if (problems.length)
      return {
        error: `${input.hub}#${input.number}'s plan is not valid under its hub config now, so HavunCore does not act on it: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
      };
  }
  const result = reconcile(state, config.config, { signer: VIEW_ONLY_SIGNER, appSlug });
  const tasks = result.views.map((v) => {
    const own = v.issue?.pulls.filter((p) => p.own) ?? [];
    const pr = own.find((p) => p.state === "MERGED") ?? own[0];
    return {
      id: v.task.id,
      title: v.task.title,
      repo: v.task.repo,
      status: v.status,
      issue: v.issue?.number ?? null,
      pr: pr ? { number: pr.number, state: pr.state } : null,
      waitingOn: v.waitingOn,
      attempt: v.attempt,
    };
  });
  return {
    hub: {
      repo: input.hub,
      issue: input.number,
      title: state.hub.title,
      state: state.hub.state,
      url: state.hub.url,
    },
    planned: state.plan !== null,
    progress: { done: tasks.filter((t) => t.status === "done").length, total: tasks.length },
    tasks,
    pending: result.actions.length,
  };
}

export function formatStatus(r: StatusReport): string {
  const head = `${r.hub.repo}#${r.hub.issue} ${r.hub.title} — ${r.hub.state}, ${r.progress.done}/${r.progress.total} done`;
  if (!r.planned) return `${head}\n  not planned yet`;
  const w = Math.max(4, ...r.tasks.map((t) => t.id.length));
  const rows = r.tasks.map((t) => {
    const where = t.issue ? `${t.repo}#${t.issue}` : t.repo;
    const pr = t.pr ? ` PR #${t.pr.number} ${t.pr.state.toLowerCase()}` : "";
    const wait = t.waitingOn.length ? ` (waits on ${t.waitingOn.join(", ")})` : "";
    return `  ${t.id.padEnd(w)}  ${t.status.padEnd(10)}  ${where}${pr}${wait}`;
  });
  return [
    head,
    ...rows,
    r.pending ? `  (${r.pending} update(s) pending: the App applies them on its next event)` : "",
  ]
    .filter(Boolean)
    .join("\n");
}
