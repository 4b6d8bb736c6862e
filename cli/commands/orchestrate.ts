import type { Command } from "commander";
import { hubReader, type HubReader } from "../../app/gateway/hub-reader.ts";
import { openOrchestration } from "../../app/gateway/open-orchestration.ts";
import type { OrchestrationView } from "../../app/gateway/orchestration-view.ts";
import { createRestClient } from "../../app/gateway/rest-client.ts";
import { bar } from "../../app/render/progress.ts";
import { CliError } from "../errors.ts";
import { githubFromEnv, parseRepoRef, type GitHubFlags } from "../github-env.ts";

interface OrchestrateFlags extends GitHubFlags {
  hub: string;
  detach?: boolean;
  interval: string;
}

const usd = (n: number | null) => (n === null ? "" : `$${n.toFixed(2)}`);

/** The follow screen: a head line, a progress bar with ETA and cost, one line per task. */
export function followLines(v: OrchestrationView): string[] {
  const p = v.progress;
  const head = `${v.hub.repo}#${v.hub.number} ${v.hub.title} — ${v.hub.state}`;
  if (!v.planned) return [head, "  waiting for HavunCore to plan it…"];
  const w = Math.max(4, ...v.tasks.map((t) => t.id.length));
  const where = (t: OrchestrationView["tasks"][number]) =>
    t.issue ? `${t.repo}#${t.issue.number}` : t.repo;
  const ww = Math.max(4, ...v.tasks.map((t) => where(t).length));
  return [
    head,
    `  ${bar(p.percent, 20)} ${p.done}/${p.total} done (${p.percent}%) · ETA ${v.eta} · cost $${p.costUsd.toFixed(2)}`,
    ...(v.waitingForApproval ? [`  waiting for a writer's /approve on ${v.hub.url}`] : []),
    ...v.problems.map((x) => `  HavunCore does not act on this plan: ${x}`),
    ...v.tasks.map((t) => {
      const pr = t.pull ? `PR #${t.pull.number} ${t.pull.state.toLowerCase()}` : "";
      const wait = t.waitingOn.length ? `waits on ${t.waitingOn.join(", ")}` : "";
      const attempt = t.attempt > 1 ? `attempt ${t.attempt}/${t.allowedAttempts}` : "";
      const rest = [pr, attempt, wait, usd(t.costUsd)].filter(Boolean).join(" · ");
      return `  ${t.id.padEnd(w)}  ${t.status.padEnd(10)}  ${where(t).padEnd(ww)}  ${rest}`.trimEnd();
    }),
  ];
}

/** How following ends: null while it goes on. */
export function outcome(
  v: OrchestrationView,
  hub: { state: string; reason: string | null },
): { code: number; message: string } | null {
  const failed = v.tasks.find((t) => t.status === "failed");
  if (failed)
    return {
      code: 1,
      message: `task ${failed.id} failed${failed.issue ? `: see ${failed.issue.url}` : ""} (a writer can /retry ${failed.id} on ${v.hub.url})`,
    };
  if (v.problems.length)
    return {
      code: 1,
      message: `HavunCore does not act on this plan; fix .github/havun.yml or open a new orchestration`,
    };
  if (hub.state !== "closed") return null;
  if (hub.reason === "completed" && v.complete)
    return { code: 0, message: `${v.hub.repo}#${v.hub.number} is done: every task merged.` };
  return {
    code: 1,
    message: `${v.hub.repo}#${v.hub.number} was closed (${hub.reason ?? "closed"}) before every task was done.`,
  };
}

/**
 * Before a plan exists, a comment of the App's on the hub issue is its answer instead of a plan:
 * a refusal (the token's user may not write to the hub), a config problem or a plan that stayed
 * invalid. Following ends with it.
 */
async function answeredInstead(
  reader: HubReader,
  number: number,
): Promise<{ code: number; message: string } | null> {
  const [owner = "", repo = ""] = reader.hub.split("/");
  const comments = await reader.octokit.rest.issues.listComments({
    owner,
    repo,
    issue_number: number,
    per_page: 100,
  });
  const answer = comments.data.find(
    (c) => c.user?.login === `${reader.appSlug}[bot]` && !(c.body ?? "").includes("havun:plan"),
  );
  if (!answer) return null;
  const text = (answer.body ?? "").replace(/<!--[\s\S]*?-->/g, "").trim();
  return {
    code: 1,
    message: `HavunCore answered instead of planning (${answer.html_url}):\n${text}`,
  };
}

async function follow(
  reader: HubReader,
  number: number,
  intervalMs: number,
  out: NodeJS.WriteStream,
): Promise<{ code: number; message: string }> {
  const { readOrchestrationView } = await import("../../app/gateway/orchestration-view.ts");
  const [owner = "", repo = ""] = reader.hub.split("/");
  const live = out.isTTY === true;
  let lastUpdate = "";
  let shown: string[] = [];
  for (;;) {
    // One cheap request a round; the orchestration is read again only when its hub issue changed
    // (the App rewrites the issue's status section whenever a task moves).
    const issue = (await reader.octokit.rest.issues.get({ owner, repo, issue_number: number }))
      .data;
    // Timestamps have a resolution of a second: the state, body and comment count tell apart
    // changes made within one.
    const seen = JSON.stringify([
      issue.updated_at,
      issue.state,
      issue.state_reason,
      issue.comments,
      issue.body,
    ]);
    if (seen !== lastUpdate) {
      lastUpdate = seen;
      const r = await readOrchestrationView(reader, number);
      if (!r.ok) throw new CliError(r.message, 1);
      const lines = followLines(r.view);
      if (lines.join("\n") !== shown.join("\n")) {
        if (live && shown.length) out.write(`\x1b[${shown.length}A\x1b[J`);
        else if (shown.length) out.write("\n");
        out.write(`${lines.join("\n")}\n`);
        shown = lines;
      }
      const end =
        outcome(r.view, { state: issue.state, reason: issue.state_reason ?? null }) ??
        (r.view.planned ? null : await answeredInstead(reader, number));
      if (end) return end;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function registerOrchestrate(program: Command): void {
  program
    .command("orchestrate")
    .description(
      "open an orchestration in a hub (an issue /orchestrate <request>) and follow it until it is done",
    )
    .argument("<request>", 'the feature request, e.g. "Add installment payments"')
    .requiredOption(
      "--hub <owner/repo>",
      "the hub repository (its .github/havun.yml lists the projects)",
    )
    .option("--detach", "open it and return at once (follow it later with havun status)")
    .option("--interval <seconds>", "how often to look at GitHub while following", "5")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option(
      "--token <token>",
      "GitHub token (default: GITHUB_TOKEN); the issue is opened as its user",
    )
    .addHelpText(
      "after",
      "\nExit status: 0 when the hub issue closes completed, 1 when a task fails or the orchestration is cancelled.",
    )
    .action(async (request: string, flags: OrchestrateFlags) => {
      const { repo } = parseRepoRef(flags.hub, false);
      const gh = githubFromEnv(flags);
      const interval = Number(flags.interval);
      if (!Number.isFinite(interval) || interval < 0.2 || interval > 3600)
        throw new CliError(
          `--interval must be a number of seconds from 0.2 to 3600, not "${flags.interval}"`,
        );
      const octokit = createRestClient({ token: gh.token, baseUrl: gh.baseUrl });
      const reader = hubReader({ octokit, hub: repo });
      const config = await reader.config();
      if (!config.ok) throw new CliError(`${repo} cannot orchestrate yet: ${config.comment}`, 1);
      const opened = await openOrchestration(octokit, repo, request).catch(
        (err: { status?: number; message?: string }) => {
          if (err.status === 403 || err.status === 404)
            throw new CliError(
              `GitHub refused to open an issue in ${repo} (${err.status} ${err.message ?? ""}): use a token of someone with write access to ${repo}`,
              1,
            );
          throw err;
        },
      );
      process.stdout.write(`Opened ${repo}#${opened.number}: ${opened.url}\n`);
      if (flags.detach) {
        process.stdout.write(`Follow it with: havun status ${repo}#${opened.number}\n`);
        return;
      }
      const end = await follow(reader, opened.number, interval * 1000, process.stdout);
      (end.code === 0 ? process.stdout : process.stderr).write(`${end.message}\n`);
      process.exitCode = end.code;
    });
}
