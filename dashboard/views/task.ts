import { readAgentArtifact } from "../../app/gateway/agent-artifact.ts";
import { splitRepo } from "../../app/gateway/client.ts";
import { readGateMissing } from "../../app/gateway/gate-missing.ts";
import type { TaskRow } from "../../app/gateway/orchestration-view.ts";
import { readTaskRuns, type TaskRun } from "../../app/gateway/task-runs.ts";
import type { RunResultFile } from "../../action/src/shared/run-files.ts";
import { html, link } from "../html.ts";
import { checksProbe, issueProbe, runProbe, type Probe } from "../live/probes.ts";
import { badge, count, duration, usd } from "../pages/format.ts";
import type { PageBody } from "../pages/layout.ts";
import { runPath, taskPath } from "../routes.ts";
import { probeFirst, type DashboardContext, type ViewOutput } from "./context.ts";
import { checksText, gateCell, loadOrchestration, notFound, pullCell } from "./orchestration.ts";

export interface RunRow {
  run: TaskRun;
  /** The agent job's result from the run's artifact; null when absent or expired. */
  result: RunResultFile | null;
  note: string | null;
}

export interface TaskModel {
  hub: { repo: string; number: number; title: string };
  task: TaskRow;
  /** What the gate's summary lists as missing (when it did not pass). */
  missing: string[];
  runs: RunRow[];
}

const checkState = (status: string, conclusion: string | null) =>
  status !== "COMPLETED"
    ? "running"
    : conclusion === "SUCCESS"
      ? "done"
      : conclusion === "FAILURE" || conclusion === "TIMED_OUT"
        ? "failed"
        : "cancelled";

function runRow(n: number, taskId: string, r: RunRow) {
  const res = r.result;
  const state = r.run.status === "completed" ? (r.run.conclusion ?? "completed") : r.run.status;
  return html`<tr data-run="${r.run.id}">
    <td data-label="Run"><a href="${runPath(n, taskId, r.run.id)}">run ${r.run.id}</a></td>
    <td class="num" data-label="Attempt">
      ${r.run.attempt ?? "—"}${r.run.round ? ` · fix ${r.run.round}` : ""}
    </td>
    <td data-label="Result">
      ${badge(state === "success" ? "done" : state === "failure" ? "failed" : "running", state)}
    </td>
    <td class="num" data-label="Duration">${duration(res?.duration_ms ?? r.run.durationMs)}</td>
    <td class="num" data-label="Turns">${res ? res.turns : "—"}</td>
    <td class="num" data-label="Tokens in / out">
      ${res ? `${count(res.input_tokens)} / ${count(res.output_tokens)}` : "—"}
    </td>
    <td class="num" data-label="Cost">${res ? usd(res.cost_usd) : "—"}</td>
    <td class="small" data-label="">
      ${r.note ?? (res ? `${res.files.length} file(s) changed` : "")}
    </td>
  </tr>`;
}

export function renderTask(m: TaskModel): PageBody {
  const t = m.task;
  const n = m.hub.number;
  const gate = t.pull?.gate;
  const main = html`<h1><code>${t.id}</code> ${t.title} ${badge(t.status)}</h1>
    <p class="facts">
      ${t.issue ? link(t.issue.url, `${t.repo}#${t.issue.number}`) : t.repo} · ${t.kind} · attempt
      ${t.attempt} of ${t.allowedAttempts} · ${t.fixRounds} fix round(s) · estimate
      ${t.estimateMinutes} min · cost
      ${usd(t.costUsd)}${t.pull ? html` · PR ${pullCell(t.pull)}` : ""}
    </p>
    ${t.dependencies.length ? html`<p>Depends on ${t.dependencies.map((d, i) => html`${i ? ", " : ""}<a href="${taskPath(n, d)}">${d}</a>`)}${t.waitingOn.length ? ` — waiting for ${t.waitingOn.join(", ")}` : ""}.</p>` : ""}
    <section>
      <h2>Gate</h2>
      ${
        gate
          ? html`<p>${gateCell(t.pull)}</p>
              ${
                m.missing.length
                  ? html`<p>Missing before it may merge:</p>
                      <ul class="missing">
                        ${m.missing.map((x) => html`<li>${x}</li>`)}
                      </ul>`
                  : ""
              }`
          : html`<p class="muted">
              No <code>havun/gate</code> verdict yet: it comes with the pull request.
            </p>`
      }
      ${
        t.pull?.checks.length
          ? html`<p>Checks on the head: ${checksText(t.pull)}</p>
              <ul class="checks">
                ${t.pull.checks.map((c) => html`<li>${badge(checkState(c.status, c.conclusion), (c.conclusion ?? c.status).toLowerCase())} ${c.name}</li>`)}
              </ul>`
          : ""
      }
    </section>
    <section>
      <h2>Runs</h2>
      ${
        m.runs.length
          ? html`<div class="scroll">
              <table class="runs">
                <thead>
                  <tr>
                    <th>Run</th>
                    <th class="num">Attempt</th>
                    <th>Result</th>
                    <th class="num">Duration</th>
                    <th class="num">Turns</th>
                    <th class="num">Tokens in / out</th>
                    <th class="num">Cost</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  ${m.runs.map((r) => runRow(n, t.id, r))}
                </tbody>
              </table>
            </div>`
          : html`<p class="muted">No agent run yet.</p>`
      }
    </section>
    <section>
      <h2>Acceptance</h2>
      <ul>
        ${t.acceptance.map((a) => html`<li>${a}</li>`)}
      </ul>
    </section>`;
  return {
    title: `${t.id} · #${n}`,
    crumbs: [
      { label: "orchestrations", href: "/" },
      { label: `#${n} ${m.hub.title}`, href: `/${n}` },
      { label: t.id },
    ],
    main,
  };
}

/** Its hub issue and sub-issue, its open pull request's checks, and runs still going. */
export function taskProbes(m: TaskModel): Probe[] {
  const settled =
    m.task.issue?.state === "closed" && m.runs.every((r) => r.run.status === "completed");
  const every = settled ? 60_000 : undefined;
  const t = m.task;
  return [
    issueProbe(m.hub.repo, m.hub.number, every),
    ...(t.issue ? [issueProbe(t.repo, t.issue.number, every)] : []),
    ...(t.pull?.state === "OPEN" ? [checksProbe(t.pull.repo, t.pull.headSha)] : []),
    ...m.runs
      .filter((r) => r.run.status !== "completed")
      .map((r) => runProbe(r.run.repo, r.run.id)),
  ];
}

/**
 * A task: the orchestration's read, the gate's summary, the runs its sub-issue and pull request
 * link, and each finished run's result from its artifact.
 */
export async function taskView(
  ctx: DashboardContext,
  number: number,
  id: string,
): Promise<ViewOutput> {
  const crumbs = [
    { label: "orchestrations", href: "/" },
    { label: `#${number}`, href: `/${number}` },
    { label: id },
  ];
  const loaded = await loadOrchestration(ctx, number, { probe: true, checkPlan: false });
  if ("error" in loaded) return notFound(loaded.error, crumbs);
  const task = loaded.view.tasks.find((t) => t.id === id);
  if (!task) return notFound(`${ctx.hub}#${number} has no task "${id}"`, crumbs);
  const seen = new Map(loaded.seen);
  if (task.issue)
    for (const [k, v] of await probeFirst(ctx, [issueProbe(task.repo, task.issue.number)]))
      seen.set(k, v);
  const gate = task.pull?.gate;
  const missing =
    gate && gate.status === "COMPLETED" && gate.conclusion !== "SUCCESS"
      ? (await readGateMissing(ctx.octokit, task.repo, gate.id)).missing
      : [];
  const runs: RunRow[] = [];
  if (task.issue) {
    const body = task.pull
      ? ((
          await ctx.octokit.rest.pulls.get({
            ...splitRepo(task.pull.repo),
            pull_number: task.pull.number,
          })
        ).data.body ?? "")
      : "";
    const list = await readTaskRuns(ctx.octokit, {
      repo: task.repo,
      issue: task.issue.number,
      appSlug: ctx.appSlug,
      pullBodies: body ? [body] : [],
      currentAttempt: task.attempt,
    });
    for (const run of list) {
      if (run.status !== "completed") {
        runs.push({ run, result: null, note: "running" });
        continue;
      }
      const a = await readAgentArtifact(ctx.octokit, task.repo, run.id);
      runs.push(
        a.ok ? { run, result: a.result, note: null } : { run, result: null, note: a.message },
      );
    }
  }
  const model: TaskModel = {
    hub: { repo: ctx.hub, number, title: loaded.view.hub.title },
    task,
    missing,
    runs,
  };
  return { ...renderTask(model), probes: taskProbes(model), seen };
}
