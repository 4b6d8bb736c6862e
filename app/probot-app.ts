import { settleEndedRun } from "./orchestrator/stalled-run.ts";
import { restartEarlyEnd } from "./orchestrator/ready-run.ts";
import type Anthropic from "@anthropic-ai/sdk";
import type { ApplicationFunction, Context, Probot } from "probot";
import { parseContractsCommand } from "./commands/contracts-command.ts";
import { isOrchestrateIssue, parseCommand } from "./commands/parse-command.ts";
import { acceptContractChange } from "./gate/contracts-accept.ts";
import { registerGate } from "./gate/gate-handlers.ts";
import type { GitHubClient } from "./gateway/client.ts";
import { keyedComment } from "./gateway/apply-actions.ts";
import { canWrite } from "./orchestrator/authorize.ts";
import type { OrchestratorDeps } from "./orchestrator/deps.ts";
import { takeEcho } from "./orchestrator/echoes.ts";
import {
  forgetInstallation,
  forgetInstallationId,
  noteInstallation,
} from "./gateway/installation-ids.ts";
import { editMatters } from "./orchestrator/pull-edit.ts";
import { tick } from "./orchestrator/read-clock.ts";
import { hubOfIssue, hubsOfPull, type HubKey } from "./orchestrator/find-hub.ts";
import { HAVUN_COMMAND } from "./gateway/read-orchestration.ts";
import { registerBoardMoves } from "./orchestrator/board-move.ts";
import { releaseHubOf } from "./deploy/release-event.ts";
import { handleCommand } from "./orchestrator/handle-command.ts";
import { loadHubConfig } from "./orchestrator/load-config.ts";
import { Refusals } from "./orchestrator/refuse.ts";
import { runOrchestration } from "./orchestrator/run-orchestration.ts";
import { SenderLimit } from "./orchestrator/sender-limit.ts";
import { startOrchestration } from "./orchestrator/start-orchestration.ts";
import { WorkQueue } from "./orchestrator/work-queue.ts";
import { authenticSpec } from "./spec/spec-block.ts";
import type { MarkerSigner } from "./trust/marker-signer.ts";

export interface HavunAppOptions {
  anthropic: Anthropic;
  /** The App's slug (`havuncore`): its bot is `<slug>[bot]`. */
  appSlug: string;
  /** The App's signer (derived from its private key). */
  signer: MarkerSigner;
  queue?: WorkQueue;
  /** Commands per installation+sender (default: a burst of 10, then 10 a minute). */
  senderLimit?: SenderLimit;
}

/**
 * The HavunCore App: thin handlers that acknowledge fast and queue the slow work, which reads
 * the orchestration from GitHub and reconciles it (app/core). Every relevant event leads to
 * the same reconcile, so a missed or repeated event does no harm.
 */
/** How long the routing of a pull request the App's bot opened waits (see its handler). */
const OPENED_WAIT_MS = 3000;

export function havunApp(options: HavunAppOptions): {
  appFn: ApplicationFunction;
  queue: WorkQueue;
} {
  let log: Probot["log"] | undefined;
  const queue =
    options.queue ??
    new WorkQueue((key, err) => log?.error({ err, key }, "orchestration step failed"));
  const limit = options.senderLimit ?? new SenderLimit();
  const refusals = new Refusals(`${options.appSlug}[bot]`);
  const appFn: ApplicationFunction = (app) => {
    log = app.log;
    const deps = (context: Context): OrchestratorDeps => ({
      octokit: context.octokit as unknown as GitHubClient,
      anthropic: options.anthropic,
      appSlug: options.appSlug,
      signer: options.signer,
      log: context.log,
    });
    const isBot = (context: Context) =>
      (context.payload as { sender?: { type?: string } }).sender?.type === "Bot";

    /** A token from the sender's bucket, or the event is dropped before any request. */
    const admit = (context: Context): string | null => {
      const p = context.payload as {
        installation?: { id: number };
        sender: { id: number; login: string };
      };
      const key = SenderLimit.key(p.installation?.id, p.sender.id);
      if (limit.take(key)) return key;
      context.log.warn(
        { sender: p.sender.login, installation: p.installation?.id, event: context.name },
        "command dropped: the sender is over its command limit",
      );
      return null;
    };

    /** `asked`: when the event was received, if it was looked up first (a pull request's). */
    const reconcileLater = (context: Context, key: HubKey, asked?: number) => {
      const d = deps(context);
      const run = async () => {
        const config = await loadHubConfig(d, key.hub);
        if (config.ok) await runOrchestration(d, key.hub, key.number, config.config);
      };
      queue.enqueueReconcile(`${key.hub}#${key.number}`, run, 0, asked);
    };

    app.on("issues.opened", async (context) => {
      const { issue, repository, sender } = context.payload;
      if (isBot(context) || !isOrchestrateIssue(issue.body)) return;
      const senderKey = admit(context);
      if (senderKey === null) return;
      await context.octokit.rest.reactions.createForIssue(context.issue({ content: "eyes" }));
      const hub = repository.full_name;
      const d = deps(context);
      queue.enqueue(`${hub}#${issue.number}`, async () => {
        if (!(await canWrite(d, hub, sender.login))) {
          await refusals.refuse(d.octokit, { repo: hub, issue: issue.number });
          return;
        }
        limit.refund(senderKey);
        const config = await loadHubConfig(d, hub);
        if (!config.ok) {
          await context.octokit.rest.issues.createComment(
            context.issue({ body: keyedComment("config-error", config.comment) }),
          );
          return;
        }
        const command = parseCommand(issue.body ?? "", "hub");
        const request = command?.kind === "orchestrate" ? command.request : "";
        await startOrchestration(d, {
          hub,
          number: issue.number,
          request,
          config: config.config,
          key: "issue",
        });
      });
    });

    app.on("issue_comment.created", async (context) => {
      const { issue, comment, repository, sender } = context.payload;
      if (isBot(context)) return;
      // `/contracts accept <change id> <reason>` on a pull request (app/gate/contracts-accept.ts).
      const contracts = issue.pull_request ? parseContractsCommand(comment.body) : null;
      if (contracts) {
        if (admit(context) === null) return;
        await context.octokit.rest.reactions.createForIssueComment(
          context.repo({ comment_id: comment.id, content: "eyes" }),
        );
        const d = deps(context);
        const ev = {
          repo: repository.full_name,
          pull: issue.number,
          commentId: comment.id,
          author: sender.login,
          command: contracts,
        };
        queue.enqueue(`pull:${ev.repo}#${ev.pull}`, async () => {
          await acceptContractChange(d.octokit, ev, {
            appSlug: options.appSlug,
            signer: options.signer,
            refuse: () =>
              refusals.refuse(d.octokit, {
                repo: ev.repo,
                issue: ev.pull,
                commentId: ev.commentId,
              }),
          });
        });
        return;
      }
      // On a pull request, `/havun <instructions>` asks its agent for changes: the reconcile
      // decides (only a writer's request dispatches a round); other commands are the hub's.
      if (issue.pull_request) {
        if (!HAVUN_COMMAND.test(comment.body) || admit(context) === null) return;
        await context.octokit.rest.reactions.createForIssueComment(
          context.repo({ comment_id: comment.id, content: "eyes" }),
        );
        const repo = repository.full_name;
        queue.enqueue(`pull:${repo}#${issue.number}`, async () => {
          for (const key of await hubsOfPull(
            deps(context).octokit,
            repo,
            issue.number,
            options.signer,
          ))
            reconcileLater(context, key);
        });
        return;
      }
      const authentic = authenticSpec(issue.body ?? "", options.signer);
      const sub =
        authentic && authentic.task.repo.toLowerCase() === repository.full_name.toLowerCase()
          ? authentic
          : null;
      const command = parseCommand(comment.body, sub ? "sub" : "hub");
      if (!command) return;
      const senderKey = admit(context);
      if (senderKey === null) return;
      await context.octokit.rest.reactions.createForIssueComment(
        context.repo({ comment_id: comment.id, content: "eyes" }),
      );
      const key: HubKey = sub
        ? { hub: sub.hub, number: sub.hub_issue }
        : { hub: repository.full_name, number: issue.number };
      const d = deps(context);
      queue.enqueue(`${key.hub}#${key.number}`, async () => {
        if (!(await canWrite(d, key.hub, sender.login))) {
          await refusals.refuse(d.octokit, {
            repo: repository.full_name,
            issue: issue.number,
            commentId: comment.id,
          });
          return;
        }
        limit.refund(senderKey);
        const config = await loadHubConfig(d, key.hub);
        if (!config.ok) {
          if (!config.missing || !sub)
            await context.octokit.rest.issues.createComment(
              context.issue({ body: keyedComment(`config-error-${comment.id}`, config.comment) }),
            );
          return;
        }
        await handleCommand(d, config.config, {
          hub: key.hub,
          number: key.number,
          command,
          commentId: comment.id,
          author: sender.login,
          createdAt: comment.created_at,
          ...(sub
            ? {
                subIssue: { repo: repository.full_name, number: issue.number, taskId: sub.task.id },
              }
            : {}),
        });
      });
    });

    app.on(
      ["issues.closed", "issues.reopened", "issues.labeled", "issues.unlabeled", "issues.edited"],
      async (context) => {
        const { action, repository, issue, sender } = context.payload;
        const key = hubOfIssue(repository.full_name, issue, options.signer);
        if (!key) return;
        // The App's own write, answered by the reconcile that made it (orchestrator/echoes.ts).
        const label = (context.payload as { label?: { name?: string } }).label?.name ?? null;
        const byApp = sender.type === "Bot" && sender.login === `${options.appSlug}[bot]`;
        const echo = { action, repo: repository.full_name, number: issue.number, byApp };
        if (takeEcho({ ...echo, label, body: issue.body ?? "" })) return;
        reconcileLater(context, key);
      },
    );

    app.on(["sub_issues.sub_issue_added", "sub_issues.sub_issue_removed"], async (context) => {
      const p = context.payload as unknown as {
        action: string;
        parent_issue: { number: number; body: string | null };
        sub_issue_id?: number;
        repository: { full_name: string };
        sender?: { type?: string; login?: string };
      };
      const key = hubOfIssue(p.repository.full_name, p.parent_issue, options.signer);
      if (!key) return;
      // A sub-issue the App's filing made: answered by the read after the filing.
      const byApp = p.sender?.type === "Bot" && p.sender.login === `${options.appSlug}[bot]`;
      const echo = { repo: p.repository.full_name, number: p.parent_issue.number, byApp };
      if (takeEcho({ ...echo, action: p.action, subIssueId: p.sub_issue_id ?? null })) return;
      reconcileLater(context, key);
    });

    app.on(
      [
        "pull_request.opened",
        "pull_request.closed",
        "pull_request.reopened",
        "pull_request.edited",
        "pull_request.synchronize",
        "pull_request.ready_for_review",
        "pull_request_review.submitted",
        "pull_request_review.dismissed",
      ],
      async (context) => {
        const repo = context.payload.repository.full_name;
        const number = context.payload.pull_request.number;
        // A draft the App marked ready: answered by the reconcile that marked it.
        const { action, sender } = context.payload;
        const byApp = sender?.type === "Bot" && sender?.login === `${options.appSlug}[bot]`;
        if (takeEcho({ action, repo, number, byApp })) return;
        // A reviewer ticking the checklist: the gate's business, not the orchestration's.
        if (
          action === "edited" &&
          !editMatters(context.payload as Parameters<typeof editMatters>[0])
        )
          return;
        // A burst of a pull request's events asks once which orchestrations it belongs to.
        const route = (asked?: number) =>
          queue.enqueueReconcile(
            `pull:${repo}#${number}`,
            async (since) => {
              const octokit = deps(context).octokit;
              for (const key of await hubsOfPull(octokit, repo, number, options.signer, since))
                reconcileLater(context, key, since);
            },
            0,
            asked,
          );
        // A task's pull request the publish job just opened: the job takes `running` off and
        // edits the progress comment right after, and the reconcile those ask for sees the new
        // pull request too. Its own waits a moment, and is skipped when that one answered it.
        if (action === "opened" && byApp) {
          const asked = tick();
          queue.after(OPENED_WAIT_MS, () => route(asked));
        } else route();
      },
    );

    // A workflow run's outcome reaches a pull request as its check suite and check runs (a run
    // that fails to start still completes its suite): `workflow_run` would only repeat them.
    app.on(["check_run.completed", "check_suite.completed"], async (context) => {
      type Pulls = { pull_requests: { number: number }[]; app?: { slug?: string } | null };
      const p = context.payload as unknown as {
        repository: { full_name: string };
        check_run?: Pulls;
        check_suite?: Pulls;
      };
      // The App's own checks (the merge gate) say nothing new about the orchestration.
      if ((p.check_run ?? p.check_suite)?.app?.slug === options.appSlug) return;
      const pulls = (p.check_run ?? p.check_suite)?.pull_requests ?? [];
      const repo = p.repository.full_name;
      for (const pr of pulls) {
        queue.enqueueReconcile(`pull:${repo}#${pr.number}`, async (since) => {
          const octokit = deps(context).octokit;
          for (const key of await hubsOfPull(octokit, repo, pr.number, options.signer, since))
            reconcileLater(context, key, since);
        });
      }
    });

    // An agent run (started by a sub-issue's label) that did not succeed: if its publish job died
    // before settling the task, the task would stay `running` for ever (app/orchestrator/stalled-run.ts);
    // if it died before its agent job took the task, `ready` for ever (app/orchestrator/ready-run.ts).
    // A skipped run is the caller's filter passing over another label.
    app.on("workflow_run.completed", async (context) => {
      const run = context.payload.workflow_run;
      if (run.event !== "issues" || run.conclusion === "success" || run.conclusion === "skipped")
        return;
      const repo = context.payload.repository.full_name;
      queue.enqueue(`ended-run:${repo}#${run.id}`, async () => {
        const d = deps(context);
        const ended = { repo, runId: run.id, conclusion: run.conclusion, url: run.html_url };
        const woken = [
          ...(await settleEndedRun(d, ended)),
          ...(await restartEarlyEnd(d, {
            ...ended,
            path: run.path,
            displayTitle: run.display_title ?? "",
            actor: run.actor?.login ?? null,
            referencedWorkflows: (run.referenced_workflows ?? []).map((w) => w.path),
          })),
        ];
        for (const key of woken) reconcileLater(context, key);
      });
    });

    // The integration phase and deployments: a run or a deployment naming an orchestration.
    app.on(
      ["deployment_status.created", "workflow_run.completed", "check_run.rerequested"],
      async (context) => {
        const key = releaseHubOf(
          context.payload as Parameters<typeof releaseHubOf>[0],
          options.appSlug,
        );
        if (key) reconcileLater(context, key);
      },
    );

    // Which installation each repository is in, as the signed webhooks say (the workflow API's
    // lookup); forgotten when the App leaves a repository.
    app.onAny(async (context) => {
      const p = context.payload as {
        installation?: { id?: number };
        repository?: { full_name?: string };
      };
      if (p.installation?.id && p.repository?.full_name)
        noteInstallation(p.repository.full_name, p.installation.id);
    });
    app.on("installation_repositories.removed", async (context) => {
      for (const r of context.payload.repositories_removed) forgetInstallation(r.full_name);
    });
    app.on(["installation.deleted", "installation.suspend"], async (context) => {
      forgetInstallationId(context.payload.installation.id);
    });

    registerGate(app, { appSlug: options.appSlug, queue, signer: options.signer });
    registerBoardMoves(app, { deps, queue });
  };
  return { appFn, queue };
}
