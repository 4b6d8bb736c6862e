import {
  isOrchestrationIssue,
  listingOf,
  type IssueListItem,
  type OrchestrationListing,
} from "../../app/gateway/list-orchestrations.ts";
import {
  readOrchestrationView,
  type OrchestrationView,
} from "../../app/gateway/orchestration-view.ts";
import { html } from "../html.ts";
import { issuesProbe } from "../live/probes.ts";
import { age, badge, progressBar, usd } from "../pages/format.ts";
import type { PageBody } from "../pages/layout.ts";
import { pathOf } from "../routes.ts";
import { readerFor, type DashboardContext, type ViewOutput } from "./context.ts";

export interface HubRow {
  listing: OrchestrationListing;
  view: OrchestrationView | null;
  /** Why the orchestration could not be read. */
  error: string | null;
}

export interface HubModel {
  hub: string;
  page: number;
  more: boolean;
  rows: HubRow[];
}

/** The state shown for an orchestration: its issue's, and how it closed. */
export function orchestrationState(l: Pick<OrchestrationListing, "state" | "stateReason">): string {
  if (l.state === "open") return "open";
  return l.stateReason === "not_planned" ? "cancelled" : "completed";
}

export function renderHub(m: HubModel, now = Date.now()): PageBody {
  const rows = m.rows.map((r) => {
    const v = r.view;
    const state = orchestrationState(r.listing);
    return html`<tr data-issue="${r.listing.number}">
      <td data-label="Orchestration">
        <a href="${pathOf({ kind: "orchestration", number: r.listing.number })}"
          >#${r.listing.number} ${r.listing.title}</a
        >
      </td>
      <td data-label="State">${badge(state === "completed" ? "done" : state, state)}</td>
      <td data-label="Progress">
        ${
          r.error
            ? html`<span class="error">${r.error}</span>`
            : v?.planned
              ? progressBar(v.progress.done, v.progress.total, v.progress.percent)
              : html`<span class="muted">not planned yet</span>`
        }
      </td>
      <td class="num" data-label="Cost">${v ? usd(v.progress.costUsd) : "—"}</td>
      <td data-label="Age">${age(r.listing.createdAt, now)}</td>
    </tr>`;
  });
  const main = html`<h1>Orchestrations in ${m.hub}</h1>
    ${
      m.rows.length === 0
        ? html`<p class="empty">
            No orchestrations on this page. Open one with an issue in ${m.hub} whose body starts
            with <code>/orchestrate</code>, or <code>havun orchestrate "…" --hub ${m.hub}</code>.
          </p>`
        : html`<div class="scroll">
            <table class="list">
              <thead>
                <tr>
                  <th>Orchestration</th>
                  <th>State</th>
                  <th>Progress</th>
                  <th class="num">Cost</th>
                  <th>Age</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
          </div>`
    }
    <p class="pages">
      ${m.page > 1 ? html`<a href="${pathOf({ kind: "hub", page: m.page - 1 })}">newer</a> ` : ""}${m.more ? html`<a href="${pathOf({ kind: "hub", page: m.page + 1 })}">older</a>` : ""}
    </p>`;
  return { title: `Orchestrations in ${m.hub}`, crumbs: [{ label: "orchestrations" }], main };
}

/** One page of the hub's issues, and each orchestration on it read as the App reads it. */
export async function hubView(ctx: DashboardContext, page: number): Promise<ViewOutput> {
  // The page's probe is the hub's issue list itself: its answer is the list, asked once.
  const probe = issuesProbe(ctx.hub, page);
  const asked = await ctx.probes.read(probe, 2_000);
  const issues = (asked.data ?? []) as IssueListItem[];
  const list = {
    items: issues.filter(isOrchestrationIssue).map(listingOf),
    more: issues.length === 100,
  };
  const reader = readerFor(ctx);
  const rows: HubRow[] = [];
  for (const listing of list.items.slice(0, 30)) {
    const r = await readOrchestrationView(reader, listing.number, { checkPlan: false });
    rows.push(
      r.ok ? { listing, view: r.view, error: null } : { listing, view: null, error: r.message },
    );
  }
  return {
    ...renderHub({ hub: ctx.hub, page, more: list.more || list.items.length > 30, rows }),
    probes: [probe],
    seen: new Map([[probe.key, asked.print]]),
  };
}
