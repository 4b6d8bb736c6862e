import { agentSettings } from "../agents/agent-settings.ts";
import type { HubConfig } from "../config/hub-config-schema.ts";
import { renderSubIssueBody } from "../render/sub-issue-body.ts";
import { replaceManagedSection } from "../spec/managed-section.ts";
import type { TaskSpec } from "../spec/task-spec.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import type { Action } from "./actions.ts";
import { renderControl, type Control } from "./control.ts";
import { tasksToDispatch } from "./dispatch.ts";
import { hubStatusSection, finalReport } from "./hub-view.ts";
import { labelNames } from "./labels.ts";
import type { IssueRef, OrchestrationState, SubIssueView, TaskView } from "./state.ts";
import { closedWrongly, issuesByTask, taskViews } from "./task-status.ts";
import { fixRoundActions, ownOpenPull } from "./fix-rounds.ts";
import { boardActions, orchestrationCards } from "./board.ts";
import { budgetOf, budgetReachedComment } from "./budget.ts";
import { heldRuns, splitByBudget, stopAtTaskBudget } from "./budget-task.ts";
import { updateBehindPulls } from "./base-moved.ts";
import { releaseStep } from "../deploy/release-step.ts";
import { renderRelease } from "../deploy/release-report.ts";

export interface ReconcileResult {
  actions: Action[];
  views: TaskView[];
  /** The control state the hub body should carry after the actions. */
  control: Control;
  complete: boolean;
}

function hubRef(state: OrchestrationState): IssueRef {
  return {
    repo: state.hub.repo,
    number: state.hub.number,
    id: state.hub.id,
    nodeId: state.hub.nodeId,
  };
}

/**
 * The pure heart of the App: from an orchestration's whole state (as read from GitHub) and the
 * hub's config, the minimal writes that move it on. Running it again on the state those writes
 * produce yields no actions; an event that changes nothing yields nothing.
 */
export interface ReconcileContext {
  /** Signs the specs and the control state the App writes (its key; pure HMAC). */
  signer: MarkerSigner;
  /** The App's slug: what its own bot closed counts as the App's. */
  appSlug: string;
  now?: string;
}

export function reconcile(
  state: OrchestrationState,
  config: HubConfig,
  ctx: ReconcileContext,
): ReconcileResult {
  const now = ctx.now ?? new Date().toISOString();
  const { signer } = ctx;
  const labels = labelNames(config);
  const control: Control = structuredClone(state.control);
  const actions: Action[] = [];
  const { chosen, duplicates } = issuesByTask(state);
  const views = taskViews(state, config, labels, chosen, ctx.appSlug);
  const plan = state.plan;
  // "risky" plans the App found safe are approved by the App itself in the control state.
  const waitingForApproval = config.approval !== "auto" && !control.approved;
  const budget = budgetOf(state, config, control);

  // A duplicate that slipped through (a concurrent delivery) is closed, never worked on;
  // a duplicate keyed comment is deleted (the oldest stays).
  for (const d of duplicates)
    if (d.state === "open") actions.push({ kind: "close", issue: d, reason: "duplicate" });
  const seenKeys = new Set<string>();
  for (const c of state.appComments) {
    if (seenKeys.has(c.key))
      actions.push({ kind: "delete-comment", repo: state.hub.repo, commentId: c.id });
    seenKeys.add(c.key);
  }

  for (const id of state.planComments)
    if (!control.planComments.includes(id)) control.planComments.push(id);
  reopenWronglyClosed(state, chosen, ctx.appSlug, actions);

  if (plan && !waitingForApproval && state.hub.state === "open") {
    for (const v of views.values()) {
      if (
        v.status !== "pending" ||
        v.issue ||
        control.cancelledAll ||
        control.cancelled.includes(v.task.id)
      )
        continue;
      const spec: TaskSpec = {
        v: 1,
        hub: state.hub.repo,
        hub_issue: state.hub.number,
        task: v.task,
        attempt: 1,
        agent: agentSettings(config, v.task, plan),
        // Snippets are read at the hub commit they were attached at: a later edit of a snippet
        // does not change a running task.
        ...(v.task.snippets.length && state.hubCommit ? { hub_commit: state.hubCommit } : {}),
      };
      const body = subIssueBody(state, chosen, spec, signer);
      const statusLabel = v.task.dependencies.length ? [labels.blocked] : [];
      actions.push({
        kind: "create-sub-issue",
        task: v.task,
        spec,
        title: v.task.title,
        body,
        labels: [labels.base, labels.kind(v.task), labels.priority(v.task), ...statusLabel],
        later: [labels.ready, labels.running, labels.failed, labels.blocked],
      });
    }
    linkDependencies(views, chosen, control, actions);
    // A reached budget holds every new run (task, retry, fix round) of the tasks it covers: the
    // orchestration's all of them, a task's own that task; running tasks finish.
    const bodyFor = (spec: TaskSpec) => subIssueBody(state, chosen, spec, signer);
    const rounds = { config, control, labels, appSlug: ctx.appSlug, bodyFor };
    const { may, held } = splitByBudget(views, budget, config, control);
    retryFailed(may, labels, actions, bodyFor);
    updateBehindPulls(views, control, actions);
    fixRoundActions(may, rounds, actions);
    const stopped = heldRuns(
      held,
      control,
      (vs, c, scratch) => {
        retryFailed(vs, labels, scratch, bodyFor);
        fixRoundActions(vs, { ...rounds, control: c }, scratch);
      },
      actions,
    );
    if (!budget.reached)
      actions.push(
        ...stopAtTaskBudget(stopped, views, {
          config,
          control,
          commentKeys: state.commentKeys,
          hub: hubRef(state),
        }),
      );
    for (const v of budget.reached ? [] : tasksToDispatch(views, config)) {
      if (!v.issue) continue;
      control.dispatchedAt[v.task.id] ??= now;
      actions.push({ kind: "add-labels", issue: v.issue, labels: [labels.ready] });
      if (v.issue.labels.includes(labels.blocked))
        actions.push({ kind: "remove-label", issue: v.issue, label: labels.blocked });
      v.status = "dispatched";
    }
    cancelOpen(views, control, actions);
  }

  const list = [...views.values()];
  const complete =
    !!plan &&
    list.length > 0 &&
    list.every((v) => v.status === "done" || v.status === "cancelled") &&
    list.some((v) => v.status === "done");
  // The repositories' heads when the orchestration starts: the integration check compares with them.
  if (plan && state.release && !Object.keys(control.releaseStart).length)
    control.releaseStart = state.release.heads;
  // Once every task is done: the integration check, then the deployments (app/deploy).
  const release =
    complete && state.hub.state === "open" ? releaseStep(state, config, control, list) : null;
  const releaseText = release ? renderRelease(release) : "";
  const section =
    hubStatusSection(state, config, list, waitingForApproval, budget) +
    (releaseText ? `\n${releaseText}` : "") +
    "\n" +
    renderControl(control, signer);
  const body = replaceManagedSection(state.hub.body, "status", section);
  // A view without the App's key (`havun status`) renders a placeholder signature: it compares
  // the bodies without signatures, so it does not report the App's own state as pending.
  const unsigned = (text: string) =>
    signer.canSign
      ? text
      : text.replace(/(<!-- havun:control [A-Za-z0-9_-]+)\.[A-Za-z0-9_-]{43} -->/, "$1 -->");
  if (plan && unsigned(body) !== unsigned(state.hub.body))
    actions.push({ kind: "update-body", issue: hubRef(state), body });
  if (release) {
    actions.push(...release.actions);
    for (const c of release.comments)
      if (!state.commentKeys.includes(c.key))
        actions.push({ kind: "comment", issue: hubRef(state), ...c });
  }
  if (complete && state.hub.state === "open" && (!release || release.done)) {
    if (!state.commentKeys.includes("final-report")) {
      actions.push({
        kind: "comment",
        issue: hubRef(state),
        key: "final-report",
        body: `${finalReport(state, list, config, now)}\n${renderRelease(release, plan?.deployment_checklist)}`,
      });
    }
    actions.push({ kind: "close", issue: hubRef(state), reason: "completed" });
  }
  if (control.cancelledAll && state.hub.state === "open")
    actions.push({ kind: "close", issue: hubRef(state), reason: "not_planned" });
  if (plan && budget.reached && state.hub.state === "open" && !complete && !control.cancelledAll) {
    const notice = budgetReachedComment(budget);
    if (!state.commentKeys.includes(notice.key))
      actions.push({ kind: "comment", issue: hubRef(state), ...notice });
  }
  actions.push(
    ...boardActions({
      board: state.board,
      config: config.project_board,
      hub: hubRef(state),
      commentKeys: state.commentKeys,
      cards: orchestrationCards(state, list, {
        complete,
        waitingForApproval,
        cancelled: control.cancelledAll,
        spentUsd: budget.spentUsd,
      }),
    }),
  );
  return { actions, views: list, control, complete };
}

/**
 * A sub-issue closed by another pull request's merge (or a commit's closing keyword, or a
 * person without write access) is reopened, saying what closed it; the hub issue is closed only
 * by the App, so one closed by a pull request or a commit is reopened too.
 */
function reopenWronglyClosed(
  state: OrchestrationState,
  chosen: Map<string, SubIssueView>,
  appSlug: string,
  actions: Action[],
): void {
  for (const s of chosen.values()) {
    if (!closedWrongly(s, appSlug)) continue;
    actions.push({
      kind: "comment",
      issue: s,
      key: `reopened-${s.number}`,
      body: reopenNote(s.closedBy!),
    });
    actions.push({ kind: "reopen", issue: s });
  }
  const hubBy = state.hub.closedBy;
  if (state.hub.state === "closed" && hubBy && (hubBy.pull || hubBy.commit)) {
    actions.push({
      kind: "comment",
      issue: hubRef(state),
      key: "reopened-hub",
      body: reopenNote(hubBy, true),
    });
    actions.push({ kind: "reopen", issue: hubRef(state) });
  }
}

function reopenNote(by: NonNullable<SubIssueView["closedBy"]>, hub = false): string {
  const what = by.pull
    ? `the merge of ${by.pull.repo}#${by.pull.number} (opened by \`${by.pull.author}\`) closed it with a closing keyword`
    : by.commit
      ? `commit \`${by.commit.slice(0, 12)}\` closed it with a closing keyword`
      : `\`${by.actor ?? "someone"}\` closed it without write access to the repository`;
  return hub
    ? `**HavunCore reopened this orchestration:** ${what}. Only HavunCore closes a hub issue, when every task is done (or on \`/cancel\`).`
    : `**HavunCore reopened this task:** ${what}. A task is done only when its own pull request (opened by HavunCore from its branch) merges, or when someone with write access closes this issue by hand.`;
}

/** A sub-issue's body for a spec: readable task, links to the hub and to filed dependencies. */
function subIssueBody(
  state: OrchestrationState,
  chosen: Map<string, SubIssueView>,
  spec: TaskSpec,
  signer: MarkerSigner,
): string {
  const dependencies = Object.fromEntries(
    spec.task.dependencies.flatMap((d) => {
      const i = chosen.get(d);
      return i ? [[d, { repo: i.repo, number: i.number, url: i.url }]] : [];
    }),
  );
  return renderSubIssueBody(spec, { hubIssueUrl: state.hub.url, dependencies, signer });
}

/** "Blocked by" links on GitHub for each dependency whose sub-issue exists. */
function linkDependencies(
  views: Map<string, TaskView>,
  chosen: Map<string, IssueRef>,
  control: Control,
  actions: Action[],
): void {
  for (const v of views.values()) {
    if (!v.issue || v.issue.state !== "open") continue;
    for (const dep of v.task.dependencies) {
      const key = `${v.task.id}<${dep}`;
      const target = chosen.get(dep);
      if (!target || control.links.includes(key)) continue;
      actions.push({ kind: "add-blocked-by", issue: v.issue, blockedBy: target });
      control.links.push(key);
    }
  }
}

/** A failed attempt with attempts left runs again: attempt+1 in the spec, back to ready. */
function retryFailed(
  views: Map<string, TaskView>,
  labels: ReturnType<typeof labelNames>,
  actions: Action[],
  bodyFor: (spec: TaskSpec) => string,
): void {
  for (const v of views.values()) {
    const issue = v.issue;
    if (
      !issue?.spec ||
      issue.state !== "open" ||
      !issue.labels.includes(labels.failed) ||
      v.attempt >= v.allowedAttempts ||
      // A task with an open pull request goes on in fix rounds on its branch, not afresh.
      ownOpenPull(v)
    )
      continue;
    // A fresh attempt starts again from the base branch: no fix round carries over.
    const { round: _round, ...fresh } = issue.spec;
    const spec: TaskSpec = { ...fresh, attempt: v.attempt + 1 };
    actions.push({ kind: "update-body", issue, body: bodyFor(spec) });
    actions.push({ kind: "remove-label", issue, label: labels.failed });
    actions.push({ kind: "add-labels", issue, labels: [labels.ready] });
    v.status = "dispatched";
  }
}

/** Cancelled tasks' open sub-issues close as not planned. */
function cancelOpen(views: Map<string, TaskView>, control: Control, actions: Action[]): void {
  for (const v of views.values()) {
    const cancelled = control.cancelledAll || control.cancelled.includes(v.task.id);
    if (cancelled && v.issue?.state === "open")
      actions.push({ kind: "close", issue: v.issue, reason: "not_planned" });
  }
}
