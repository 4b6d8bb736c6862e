import type Anthropic from "@anthropic-ai/sdk";
import type { Probot } from "probot";
import type { GitHubClient } from "../gateway/client.ts";
import { isOrchestrateIssue } from "../commands/parse-command.ts";
import { loadHubConfig } from "./load-config.ts";
import { readControlPresent } from "./hub-marker.ts";
import { runOrchestration } from "./run-orchestration.ts";
import { startOrchestration } from "./start-orchestration.ts";
import type { WorkQueue } from "./work-queue.ts";
import { parseCommand } from "../commands/parse-command.ts";

/**
 * At start-up: every open issue of every hub the App is installed on that is (or asked to be)
 * an orchestration is queued for reconcile, so work a crash interrupted resumes by itself.
 */
export async function resumeAll(
  probot: Probot,
  opts: { anthropic: Anthropic; appSlug: string; queue: WorkQueue },
): Promise<number> {
  const appOctokit = (await probot.auth()) as unknown as GitHubClient;
  const installations = await appOctokit.rest.apps.listInstallations({ per_page: 100 });
  let queued = 0;
  for (const inst of installations.data) {
    const octokit = (await probot.auth(inst.id)) as unknown as GitHubClient;
    const deps = { octokit, anthropic: opts.anthropic, appSlug: opts.appSlug, log: probot.log };
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
        if (readControlPresent(body)) {
          opts.queue.enqueue(`${repo.full_name}#${issue.number}`, () =>
            runOrchestration(deps, repo.full_name, issue.number, config.config).then(
              () => undefined,
            ),
          );
        } else if (isOrchestrateIssue(body)) {
          const command = parseCommand(body, "hub");
          const request = command?.kind === "orchestrate" ? command.request : "";
          opts.queue.enqueue(`${repo.full_name}#${issue.number}`, () =>
            startOrchestration(deps, {
              hub: repo.full_name,
              number: issue.number,
              request,
              config: config.config,
              key: "issue",
            }),
          );
        } else continue;
        queued++;
      }
    }
  }
  return queued;
}
