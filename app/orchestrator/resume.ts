import type Anthropic from "@anthropic-ai/sdk";
import type { Probot } from "probot";
import { isOrchestrateIssue, parseCommand } from "../commands/parse-command.ts";
import type { HubConfig } from "../config/hub-config-schema.ts";
import { hasAuthenticControl } from "../core/control.ts";
import type { GitHubClient } from "../gateway/client.ts";
import { readForApp } from "../gateway/read-for-app.ts";
import type { MarkerSigner } from "../trust/marker-signer.ts";
import { canWrite } from "./authorize.ts";
import type { OrchestratorDeps } from "./deps.ts";
import { loadHubConfig } from "./load-config.ts";
import { wasRefused } from "./refuse.ts";
import { continueOrchestration, startOrchestration } from "./start-orchestration.ts";
import type { WorkQueue } from "./work-queue.ts";
import type { PullKey } from "../gate/dependents.ts";
import { runGate } from "../gate/run-gate.ts";

/**
 * Resumes one issue, only as a writer started it: an orchestration with the App's own plan
 * comment goes on; an unplanned `/orchestrate` issue is planned only when its author may write
 * to the hub now and the App never refused it. Body text alone (which its author can write)
 * starts nothing.
 */
async function resumeOne(
  deps: OrchestratorDeps,
  hub: string,
  number: number,
  config: HubConfig,
  gateAgain?: (pull: PullKey) => void,
): Promise<void> {
  const state = await readForApp(deps, hub, number);
  if (!state) return;
  const asked = parseCommand(state.hub.body, "hub");
  const request = asked?.kind === "orchestrate" ? asked.request : undefined;
  if (state.plan) {
    await continueOrchestration(deps, state, { hub, number, config, request });
    // A gate event (a reviewer's tick, a check) lost while the App was down: gate again.
    for (const s of state.subIssues)
      for (const p of s.pulls)
        if (p.own && p.state === "OPEN") gateAgain?.({ repo: p.repo, number: p.number });
    return;
  }
  if (request === undefined) return;
  const bot = `${deps.appSlug}[bot]`;
  if (await wasRefused(deps.octokit, hub, number, bot)) return;
  if (!(await canWrite(deps, hub, state.hub.author))) {
    deps.log.info({ hub, number, author: state.hub.author }, "not resumed: no write access");
    return;
  }
  await startOrchestration(deps, { hub, number, request, config, key: "issue" });
}

/**
 * At start-up: every open issue of every hub the App is installed on that may be an
 * orchestration (a control state the App signed, or a body starting with `/orchestrate`) is
 * queued for a check and, when a writer started it, a reconcile and a fresh gate of each of its
 * open task pull requests — so work a crash interrupted (or an event sent while the App was
 * down) resumes by itself. Returns how many issues were queued.
 */
export async function resumeAll(
  probot: Probot,
  opts: { anthropic: Anthropic; appSlug: string; signer: MarkerSigner; queue: WorkQueue },
): Promise<number> {
  const appOctokit = (await probot.auth()) as unknown as GitHubClient;
  const installations = await appOctokit.rest.apps.listInstallations({ per_page: 100 });
  let queued = 0;
  for (const inst of installations.data) {
    const octokit = (await probot.auth(inst.id)) as unknown as GitHubClient;
    const deps: OrchestratorDeps = {
      octokit,
      anthropic: opts.anthropic,
      appSlug: opts.appSlug,
      signer: opts.signer,
      log: probot.log,
    };
    const repos = await octokit.rest.apps.listReposAccessibleToInstallation({ per_page: 100 });
    for (const repo of repos.data.repositories) {
      const config = await loadHubConfig(deps, repo.full_name);
      if (!config.ok) continue;
      const issues = await octokit.rest.issues.listForRepo({
        owner: repo.owner.login,
        repo: repo.name,
        state: "open",
        per_page: 100,
      });
      for (const issue of issues.data) {
        if (issue.pull_request) continue;
        const body = issue.body ?? "";
        if (!hasAuthenticControl(body, opts.signer) && !isOrchestrateIssue(body)) continue;
        opts.queue.enqueue(`${repo.full_name}#${issue.number}`, () =>
          resumeOne(deps, repo.full_name, issue.number, config.config, (pull) =>
            opts.queue.enqueueReconcile(`gate:${pull.repo}#${pull.number}`, async () => {
              await runGate(octokit, pull, { appSlug: opts.appSlug, signer: opts.signer });
            }),
          ),
        );
        queued++;
      }
    }
  }
  return queued;
}
