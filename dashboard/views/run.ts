import { readAgentArtifact, type AgentArtifact } from "../../app/gateway/agent-artifact.ts";
import { runOf, type TaskRun } from "../../app/gateway/task-runs.ts";
import { html, link } from "../html.ts";
import { runProbe } from "../live/probes.ts";
import { badge, count, duration, usd } from "../pages/format.ts";
import type { PageBody } from "../pages/layout.ts";
import { transcriptMarkdown } from "../transcript/markdown.ts";
import { readTranscript, toolSummary, totalTokens, type Transcript } from "../transcript/turns.ts";
import { taskPath } from "../routes.ts";
import type { DashboardContext, ViewOutput } from "./context.ts";
import { loadOrchestration, notFound } from "./orchestration.ts";

export interface RunModel {
  hub: { number: number; title: string };
  task: { id: string; repo: string };
  run: TaskRun;
  artifact: AgentArtifact | null;
  transcript: Transcript | null;
}

const clip = (s: string, n: number) =>
  s.length > n ? `${s.slice(0, n)}\n…(${count(s.length - n)} more characters)` : s;

function renderTranscript(t: Transcript) {
  return html`<ol class="transcript">
    ${t.turns.map(
      (turn) =>
        html`<li class="turn" id="turn-${turn.n}">
          <p class="turn-head">
            Turn
            ${turn.n}${turn.usage ? html` <span class="small">· ${count(totalTokens(turn.usage))} in (${count(turn.usage.cacheRead)} cached) / ${count(turn.usage.output)} out</span>` : ""}
          </p>
          ${turn.blocks.map((b) =>
            b.kind === "text"
              ? html`<div class="say">${clip(b.text, 20_000)}</div>`
              : b.kind === "thinking"
                ? html`<details class="thinking">
                    <summary>thinking</summary>
                    <div class="say">${clip(b.text, 20_000)}</div>
                  </details>`
                : html`<details class="tool${b.result?.isError ? " tool-error" : ""}">
                    <summary>
                      <span class="tool-name">${b.name}</span>
                      ${toolSummary(b.name, b.input).slice(b.name.length + 1)}
                    </summary>
                    <pre>${clip(JSON.stringify(b.input, null, 2), 8_000)}</pre>
                    ${
                      b.result
                        ? html`<p class="small">${b.result.isError ? "error" : "result"}</p>
                            <pre>${clip(b.result.text, 8_000)}</pre>`
                        : ""
                    }
                  </details>`,
          )}
        </li>`,
    )}
  </ol>`;
}

export function renderRun(m: RunModel): PageBody {
  const n = m.hub.number;
  const r = m.artifact?.ok ? m.artifact.result : null;
  const t = m.transcript;
  const state = m.run.status === "completed" ? (m.run.conclusion ?? "completed") : m.run.status;
  const here = `/${n}/tasks/${m.task.id}/runs/${m.run.id}`;
  const main = html`<h1>
      Run ${m.run.id} of
      <code>${m.task.id}</code>
      ${badge(state === "success" ? "done" : state === "failure" ? "failed" : state, state)}
    </h1>
    <p class="facts">
      ${m.task.repo} ·
      ${m.run.attempt ? `attempt ${m.run.attempt} · ` : ""}${duration(r?.duration_ms ?? m.run.durationMs)}${r ? ` · ${r.turns} turns · ${count(r.input_tokens)} in / ${count(r.output_tokens)} out tokens · ${usd(r.cost_usd)}` : ""}${t?.model ? ` · ${t.model}` : ""}
      ·
      ${link(m.run.url, "run on GitHub")}${t ? html` · <a href="${here}/transcript.md">transcript as Markdown</a>` : ""}
    </p>
    ${m.artifact && !m.artifact.ok ? html`<p class="banner">${m.artifact.message}</p>` : ""}
    ${m.run.status !== "completed" ? html`<p class="banner">The run is in progress; its transcript appears here when the agent job uploads it.</p>` : ""}
    ${r && r.conclusion === "failure" && r.reason ? html`<p class="banner error">${r.reason}</p>` : ""}
    ${
      r
        ? html`<section>
            <h2>Files changed</h2>
            ${
              r.files.length
                ? html`<ul class="files">
                    ${r.files.map((f) => html`<li><code>${f}</code></li>`)}
                  </ul>`
                : html`<p class="muted">none</p>`
            }
          </section>`
        : ""
    }
    ${
      t
        ? html`<section>
            <h2>Transcript</h2>
            ${t.retries.length ? html`<p class="small">${t.retries.length} API call(s) retried.</p>` : ""}${renderTranscript(t)}${
              t.result
                ? html`<h3>Result: ${t.result.isError ? t.result.subtype : "finished"}</h3>
                    <div class="say">${clip(t.result.text, 20_000)}</div>`
                : ""
            }
          </section>`
        : ""
    }`;
  return {
    title: `Run ${m.run.id} · ${m.task.id} · #${n}`,
    crumbs: [
      { label: "orchestrations", href: "/" },
      { label: `#${n} ${m.hub.title}`, href: `/${n}` },
      { label: m.task.id, href: taskPath(n, m.task.id) },
      { label: `run ${m.run.id}` },
    ],
    main,
  };
}

/** A run: the orchestration's read (for its task), the run, and its artifact's transcript. */
export async function runView(
  ctx: DashboardContext,
  number: number,
  taskId: string,
  runId: number,
  markdown = false,
): Promise<ViewOutput> {
  const crumbs = [
    { label: "orchestrations", href: "/" },
    { label: `#${number}`, href: `/${number}` },
    { label: taskId, href: taskPath(number, taskId) },
    { label: `run ${runId}` },
  ];
  const loaded = await loadOrchestration(ctx, number, { probe: false, checkPlan: false });
  if ("error" in loaded) return notFound(loaded.error, crumbs);
  const task = loaded.view.tasks.find((t) => t.id === taskId);
  if (!task) return notFound(`${ctx.hub}#${number} has no task "${taskId}"`, crumbs);
  // The run's probe is the run itself: its answer is the page's data, asked once.
  const probe = runProbe(task.repo, runId);
  const asked = await ctx.probes.read(probe, 2_000);
  const seen = new Map([[probe.key, asked.print]]);
  if (!asked.data) return notFound(`${task.repo} has no run ${runId}`, crumbs);
  const run = runOf(task.repo, asked.data as Parameters<typeof runOf>[1]);
  const artifact =
    run.status === "completed" ? await readAgentArtifact(ctx.octokit, task.repo, runId) : null;
  const transcript =
    artifact?.ok && artifact.transcript ? readTranscript(artifact.transcript) : null;
  const model: RunModel = {
    hub: { number, title: loaded.view.hub.title },
    task: { id: task.id, repo: task.repo },
    run,
    artifact,
    transcript,
  };
  return {
    ...renderRun(model),
    // A finished run with its artifact read never changes: its page asks GitHub nothing more.
    probes: artifact ? [] : [probe],
    seen,
    ...(markdown && transcript
      ? {
          markdown: transcriptMarkdown(transcript, {
            title: `Transcript of run ${runId} (task ${task.id} of ${ctx.hub}#${number})`,
            runUrl: run.url,
            result: artifact?.ok ? artifact.result : null,
          }),
        }
      : {}),
  };
}
