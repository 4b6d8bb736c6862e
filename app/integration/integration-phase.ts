import { createHash } from "node:crypto";
import type { ReleaseAction } from "../deploy/release-actions.ts";
import { lower, type IntegrationRunView, type ReleaseView } from "../deploy/release-view.ts";
import { contractLines } from "./contract-lines.ts";
import type { ContractCheckView } from "./contract-check.ts";
import type { IntegrationConfig, IntegrationWorkflow } from "./integration-config.ts";

export interface IntegrationResult {
  workflow: IntegrationWorkflow;
  run: IntegrationRunView | null;
  /** waiting: dispatched, its run not seen yet; running; success; failure. */
  state: "waiting" | "running" | "success" | "failure";
}

export interface IntegrationPhase {
  state: "running" | "success" | "failure";
  results: IntegrationResult[];
  /** The contracts the orchestration touched, checked on the default branches. */
  contracts: ContractCheckView[];
  actions: ReleaseAction[];
  /** Dispatch keys to record in the control state (so a dispatch happens once). */
  dispatched: string[];
  /** The check run's external id: this orchestration at these default-branch heads. */
  externalId: string;
}

export interface IntegrationInput {
  config: IntegrationConfig | undefined;
  release: ReleaseView;
  hubRepo: string;
  hubIssue: string;
  /** Dispatch keys already recorded in the control state. */
  dispatched: readonly string[];
  defaultBranch: (repo: string) => string;
}

/** A workflow's dispatch key: which run of it belongs to these heads. */
export function dispatchKey(w: IntegrationWorkflow, sha: string): string {
  return `${lower(w.repo)}:${w.workflow}@${sha}`;
}

function fill(value: string, vars: Record<string, string>): string {
  return value.replace(/\{([a-z_]+)\}/g, (m, k: string) => vars[k] ?? m);
}

/**
 * The integration check once every task is done, as a pure function of what GitHub shows: each
 * configured workflow is dispatched once for the repositories' current heads (inputs filled in),
 * its run found by its title naming the hub issue and its head; when all have finished, the
 * result goes on the hub as the `havun/integration` check run. New heads (a retried task merged)
 * start a new round.
 */
export function integrationPhase(input: IntegrationInput): IntegrationPhase {
  const { release } = input;
  const workflows = input.config?.workflows ?? [];
  const headsDigest = createHash("sha256")
    .update(JSON.stringify(Object.entries(release.heads).sort()))
    .digest("hex")
    .slice(0, 12);
  const externalId = `${input.hubIssue}@${headsDigest}`;
  const actions: ReleaseAction[] = [];
  const dispatched: string[] = [];
  const results: IntegrationResult[] = workflows.map((w) => {
    const sha = release.heads[lower(w.repo)] ?? "";
    const run = release.runs.find(
      (r) => lower(r.repo) === lower(w.repo) && r.workflow === w.workflow && r.headSha === sha,
    );
    if (run) {
      const state =
        run.status !== "completed"
          ? "running"
          : run.conclusion === "success"
            ? "success"
            : "failure";
      return { workflow: w, run, state };
    }
    const key = dispatchKey(w, sha);
    if (!input.dispatched.includes(key)) {
      const vars = {
        hub_issue: input.hubIssue,
        repo_sha: sha,
        start_sha: release.starts[lower(w.repo)] ?? "",
        refs: JSON.stringify(release.heads),
      };
      actions.push({
        kind: "dispatch-workflow",
        repo: w.repo,
        workflow: w.workflow,
        ref: input.defaultBranch(w.repo),
        inputs: Object.fromEntries(Object.entries(w.inputs).map(([k, v]) => [k, fill(v, vars)])),
      });
      dispatched.push(key);
    }
    return { workflow: w, run: null, state: "waiting" };
  });
  const contracts = release.contracts;
  const finished = results.every((r) => r.state === "success" || r.state === "failure");
  const state = !finished
    ? "running"
    : results.some((r) => r.state === "failure") || contracts.some((c) => c.state === "failure")
      ? "failure"
      : "success";
  if (finished && !release.checks.some((c) => c.externalId === externalId))
    actions.push({
      kind: "integration-check",
      repo: input.hubRepo,
      headSha: release.hubSha,
      externalId,
      conclusion: state === "failure" ? "failure" : "success",
      title: integrationTitle(results, contracts),
      summary: integrationSummary(results, contracts),
    });
  return { state, results, contracts, actions, dispatched, externalId };
}

function integrationTitle(results: IntegrationResult[], contracts: ContractCheckView[]): string {
  const parts: string[] = [];
  const failedContracts = contracts.filter((c) => c.state === "failure").length;
  if (contracts.length)
    parts.push(
      failedContracts
        ? `${failedContracts} of ${contracts.length} contract(s) broken`
        : `${contracts.length} contract(s) hold`,
    );
  const failed = results.filter((r) => r.state === "failure").length;
  if (results.length)
    parts.push(
      failed
        ? `${failed} of ${results.length} integration workflow(s) failed`
        : `${results.length} integration workflow(s) passed`,
    );
  return parts.length ? parts.join("; ") : "Every task is merged (nothing to check configured)";
}

/** One line per workflow with its run's link: what the check run and the reports show. */
export function integrationSummary(
  results: IntegrationResult[],
  contracts: ContractCheckView[] = [],
): string {
  const icon = { waiting: "⏳", running: "🔄", success: "✅", failure: "❌" } as const;
  const lines = [
    ...contracts.flatMap(contractLines),
    ...results.map((r) => {
      const link = r.run ? ` — [run](${r.run.url})` : "";
      return `- ${icon[r.state]} \`${r.workflow.workflow}\` in ${r.workflow.repo}: ${r.state}${link}`;
    }),
  ];
  return lines.length
    ? lines.join("\n")
    : "No contracts touched and no integration workflows configured (`integration.workflows`).";
}
