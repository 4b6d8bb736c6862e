import type { HubConfig } from "../config/hub-config-schema.ts";
import type { Control } from "./control.ts";
import type { OrchestrationState, SubIssueView } from "./state.ts";

/** What an orchestration has spent against its budget (all figures in US dollars). */
export interface Budget {
  /** `/budget <usd>` when a writer set it, else `agent.budget_usd.per_orchestration`. */
  limitUsd: number;
  setBy: string | null;
  plannerUsd: number;
  agentsUsd: number;
  spentUsd: number;
  /** Agent runs with a signed cost (failed ones included). */
  runs: number;
  /** Spent reaches the limit: nothing new is dispatched; running tasks finish. */
  reached: boolean;
}

/** A sub-issue's recorded cost: its signed runs, or the figure read beside them. */
export function issueCostUsd(s: Pick<SubIssueView, "runs" | "costUsd">): number {
  return s.runs ? s.runs.reduce((n, r) => n + r.usd, 0) : (s.costUsd ?? 0);
}

const cents = (usd: number) => Math.round(usd * 100) / 100;

export function budgetOf(state: OrchestrationState, config: HubConfig, control: Control): Budget {
  const plannerUsd = (state.planner ?? []).reduce((n, p) => n + p.usd, 0);
  // Every sub-issue the App filed for this orchestration ran on its budget (duplicates too).
  const mine = state.subIssues.filter(
    (s) =>
      s.byApp &&
      s.spec?.hub_issue === state.hub.number &&
      s.spec.hub.toLowerCase() === state.hub.repo.toLowerCase(),
  );
  const agentsUsd = mine.reduce((n, s) => n + issueCostUsd(s), 0);
  const spentUsd = plannerUsd + agentsUsd;
  const limitUsd = control.budgetUsd ?? config.agent.budget_usd.per_orchestration;
  return {
    limitUsd,
    setBy: control.budgetUsd === null ? null : control.budgetBy,
    plannerUsd,
    agentsUsd,
    spentUsd,
    runs: mine.reduce((n, s) => n + (s.runs?.length ?? 0), 0),
    // Compared in cents, as shown: $50.00 of $50 is reached.
    reached: cents(spentUsd) >= cents(limitUsd),
  };
}

const usd = (n: number) => `$${n.toFixed(2)}`;

/** The hub comment when the budget is reached: once per limit (a raise that is reached again says so again). */
export function budgetReachedComment(b: Budget): { key: string; body: string } {
  return {
    key: `budget-reached-${b.limitUsd.toFixed(2)}`,
    body: [
      `**HavunCore stopped dispatching: this orchestration reached its budget.** It has spent ${usd(b.spentUsd)} of ${usd(b.limitUsd)} (${b.setBy ? `set by \`${b.setBy}\` with /budget` : "`agent.budget_usd.per_orchestration`"}): planning ${usd(b.plannerUsd)}, agents ${usd(b.agentsUsd)} over ${b.runs} run${b.runs === 1 ? "" : "s"}.`,
      "",
      "Tasks that are running finish; no task, retry or fix round starts. A writer raises the budget with `/budget <usd>` (the new total, like `/budget " +
        `${Math.ceil(b.limitUsd * 1.5)}\`).`,
    ].join("\n"),
  };
}

/** The line above the hub's checklist while the budget holds dispatch. */
export function budgetHead(b: Budget): string {
  return `**Budget reached:** ${usd(b.spentUsd)} of ${usd(b.limitUsd)} spent; nothing new starts until a writer comments \`/budget <usd>\`.\n\n`;
}

/** What a planning's tokens cost at the configured price (cache reads 0.1x, writes 1.25x input). */
export function plannerUsd(
  usage: {
    inputTokens: number;
    outputTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
  },
  price: HubConfig["planner"]["price_usd_per_mtok"],
): number {
  const input = usage.inputTokens + usage.cacheReadTokens * 0.1 + usage.cacheWriteTokens * 1.25;
  return (input * price.input + usage.outputTokens * price.output) / 1_000_000;
}

/** The answer to `/budget <usd>`: the new budget against what was spent. */
export function budgetSetReply(
  usdLimit: number,
  state: OrchestrationState | null,
  config: HubConfig,
): string {
  if (!state?.plan) return `The budget is now ${usd(usdLimit)}; nothing is planned yet.`;
  const b = budgetOf(state, config, { ...state.control, budgetUsd: usdLimit });
  return b.reached
    ? `The budget is now ${usd(usdLimit)}, but ${usd(b.spentUsd)} is spent already: nothing new starts until it is above that.`
    : `The budget is now ${usd(usdLimit)} (${usd(b.spentUsd)} spent): dispatch goes on.`;
}
