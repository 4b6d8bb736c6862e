import {
  readOrchestrationView,
  type OrchestrationView,
  type TaskRow,
} from "../../app/gateway/orchestration-view.ts";
import { html, link, type SafeHtml } from "../html.ts";
import { checksProbe, issueProbe, type Probe } from "../live/probes.ts";
import { age, badge, progressBar, usd } from "../pages/format.ts";
import { graphSvg } from "../pages/graph-svg.ts";
import type { PageBody } from "../pages/layout.ts";
import { taskPath } from "../routes.ts";
import { probeFirst, readerFor, type DashboardContext, type ViewOutput } from "./context.ts";

type Pull = NonNullable<TaskRow["pull"]>;
const PASSED = ["SUCCESS", "NEUTRAL", "SKIPPED"];

/** `3 passed · 1 failed · 1 running` over the latest check of each name on the head. */
export function checksText(p: Pull | null): string {
  if (!p || p.checks.length === 0) return "—";
  const done = p.checks.filter((c) => c.status === "COMPLETED");
  const failed = done.filter((c) => !PASSED.includes(c.conclusion ?? ""));
  return [
    `${done.length - failed.length} passed`,
    ...(failed.length ? [`${failed.length} failed`] : []),
    ...(p.checks.length - done.length ? [`${p.checks.length - done.length} running`] : []),
  ].join(" · ");
}

/** The App's `havun/gate` verdict in words. */
export function gateCell(p: Pull | null): SafeHtml {
  const g = p?.gate;
  if (!g) return html`<span class="muted">—</span>`;
  if (g.status !== "COMPLETED") return badge("running", "evaluating");
  if (g.conclusion === "SUCCESS") return badge("done", "passed");
  if (g.conclusion === "NEUTRAL") return badge("cancelled", "not an agent PR");
  return badge("failed", "not ready");
}

export function pullCell(p: Pull | null): SafeHtml {
  if (!p) return html`<span class="muted">—</span>`;
  const state = p.state === "OPEN" && p.draft ? "draft" : p.state.toLowerCase();
  return html`${link(p.url, `#${p.number}`)} <span class="small">${state}</span>`;
}

export function hubState(v: OrchestrationView): string {
  if (v.hub.state === "open") return "open";
  return v.cancelled ? "cancelled" : v.complete ? "completed" : "closed";
}

export function renderOrchestration(v: OrchestrationView, now = Date.now()): PageBody {
  const n = v.hub.number;
  const p = v.progress;
  const state = hubState(v);
  const banners = [
    v.waitingForApproval
      ? html`<p class="banner">
          Waiting for approval: a writer comments <code>/approve</code> on
          ${link(v.hub.url, `${v.hub.repo}#${n}`)}.
        </p>`
      : "",
    v.problems.length
      ? html`<div class="banner error">
          <p>HavunCore does not act on this plan now:</p>
          <ul>
            ${v.problems.map((x) => html`<li>${x}</li>`)}
          </ul>
        </div>`
      : "",
    v.planned ? "" : html`<p class="banner">Not planned yet.</p>`,
  ];
  const rows = v.tasks.map(
    (t) =>
      html`<tr data-task="${t.id}" data-status="${t.status}">
        <td data-label="Task">
          <a href="${taskPath(n, t.id)}"><strong>${t.id}</strong></a
          ><br /><span class="small">${t.title}</span>
        </td>
        <td data-label="Repository">
          ${t.issue ? link(t.issue.url, `${t.repo}#${t.issue.number}`) : t.repo}
        </td>
        <td data-label="Status">
          ${badge(t.status)}${t.waitingOn.length ? html`<br /><span class="small">waits on ${t.waitingOn.join(", ")}</span>` : ""}
        </td>
        <td class="num" data-label="Attempt">
          ${t.issue ? `${t.attempt}/${t.allowedAttempts}` : "—"}
        </td>
        <td data-label="PR">${pullCell(t.pull)}</td>
        <td data-label="Checks">${checksText(t.pull)}</td>
        <td data-label="Gate">${gateCell(t.pull)}</td>
        <td class="num" data-label="Cost">${usd(t.costUsd)}</td>
      </tr>`,
  );
  const repos = Object.entries(v.costByRepo).sort(([a], [b]) => a.localeCompare(b));
  const graph = graphSvg(
    v.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      status: t.status,
      dependencies: t.dependencies,
      href: taskPath(n, t.id),
    })),
  );
  const main = html`<h1>
      ${v.hub.title}
      <span class="small">#${n}</span> ${badge(state === "completed" ? "done" : state, state)}
    </h1>
    <p class="facts">
      ${progressBar(p.done, p.total, p.percent)} · ETA ${v.eta} · cost
      ${usd(p.costUsd)}${p.failed ? ` · ${p.failed} failed` : ""}${p.cancelled ? ` · ${p.cancelled} cancelled` : ""}
      · started ${age(v.hub.createdAt, now)} by ${v.hub.author} · ${link(v.hub.url, "on GitHub")}
    </p>
    ${banners}
    ${
      v.tasks.length
        ? html`<section>
              <h2>Dependency graph</h2>
              <div class="graph-box">${graph}</div>
            </section>
            <section>
              <h2>Tasks</h2>
              <div class="scroll">
                <table class="tasks">
                  <thead>
                    <tr>
                      <th>Task</th>
                      <th>Repository</th>
                      <th>Status</th>
                      <th class="num">Attempt</th>
                      <th>PR</th>
                      <th>Checks</th>
                      <th>Gate</th>
                      <th class="num">Cost</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${rows}
                  </tbody>
                </table>
              </div>
            </section>`
        : ""
    }
    ${
      repos.length
        ? html`<section>
            <h2>Cost by repository</h2>
            <table class="costs">
              <tbody>
                ${repos.map(
                  ([repo, c]) =>
                    html`<tr>
                      <td>${repo}</td>
                      <td class="num">${usd(c)}</td>
                    </tr>`,
                )}
                <tr class="total">
                  <td>total</td>
                  <td class="num">${usd(p.costUsd)}</td>
                </tr>
              </tbody>
            </table>
          </section>`
        : ""
    }
    ${v.pending ? html`<p class="small muted">${v.pending} update(s) pending: the App applies them on its next event.</p>` : ""}`;
  return {
    title: `${v.hub.title} (#${n})`,
    crumbs: [{ label: "orchestrations", href: "/" }, { label: `#${n} ${v.hub.title}` }],
    main,
  };
}

/**
 * What tells an orchestration page it changed: its hub issue (the App rewrites its status
 * section whenever a task moves; once closed, asked once a minute) and the head checks of open
 * pull requests (a check or the gate can change without the hub issue changing).
 */
export function orchestrationProbes(v: OrchestrationView): Probe[] {
  return [
    issueProbe(v.hub.repo, v.hub.number, v.hub.state === "closed" ? 60_000 : undefined),
    ...v.tasks.flatMap((t) =>
      t.pull?.state === "OPEN" ? [checksProbe(t.pull.repo, t.pull.headSha)] : [],
    ),
  ];
}

/**
 * The orchestration through the App's one read, after asking its hub issue's probe. Pages that
 * do not show the plan's problems skip checking it (which reads the hub's tree).
 */
export async function loadOrchestration(
  ctx: DashboardContext,
  number: number,
  o: { probe: boolean; checkPlan: boolean } = { probe: true, checkPlan: true },
): Promise<{ view: OrchestrationView; seen: Map<string, string> } | { error: string }> {
  const seen = o.probe
    ? await probeFirst(ctx, [issueProbe(ctx.hub, number)])
    : new Map<string, string>();
  const r = await readOrchestrationView(readerFor(ctx), number, { checkPlan: o.checkPlan });
  return r.ok ? { view: r.view, seen } : { error: r.message };
}

export function notFound(message: string, crumbs: PageBody["crumbs"]): ViewOutput {
  return {
    title: "Not found",
    crumbs,
    main: html`<h1>Not found</h1>
      <p class="banner error">${message}</p>
      <p><a href="/">All orchestrations</a></p>`,
    status: 404,
    probes: [],
    seen: new Map(),
  };
}

export async function orchestrationView(
  ctx: DashboardContext,
  number: number,
): Promise<ViewOutput> {
  const loaded = await loadOrchestration(ctx, number);
  if ("error" in loaded)
    return notFound(loaded.error, [
      { label: "orchestrations", href: "/" },
      { label: `#${number}` },
    ]);
  return {
    ...renderOrchestration(loaded.view),
    probes: orchestrationProbes(loaded.view),
    seen: loaded.seen,
  };
}
