import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { githubFromEnv, parseRepoRef, type GitHubFlags } from "../github-env.ts";

interface StatusFlags extends GitHubFlags {
  json?: boolean;
  hub?: string;
  all?: boolean;
}

function ago(iso: string, now = Date.now()): string {
  const m = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  return m < 60
    ? `${m} min ago`
    : m < 2880
      ? `${Math.round(m / 60)} h ago`
      : `${Math.round(m / 1440)} days ago`;
}

/** `havun status --hub OWNER/HUB [--all]`: the hub's orchestrations, each read as the App reads it. */
async function listHub(gh: { baseUrl: string; token: string }, hub: string, flags: StatusFlags) {
  const { createRestClient } = await import("../../app/gateway/rest-client.ts");
  const { hubReader } = await import("../../app/gateway/hub-reader.ts");
  const { listOrchestrations } = await import("../../app/gateway/list-orchestrations.ts");
  const { readOrchestrationView } = await import("../../app/gateway/orchestration-view.ts");
  const { bar } = await import("../../app/render/progress.ts");
  const octokit = createRestClient({ token: gh.token, baseUrl: gh.baseUrl });
  const reader = hubReader({ octokit, hub });
  const list = await listOrchestrations(octokit, hub, { state: flags.all ? "all" : "open" });
  const rows = [];
  for (const l of list.items) {
    const r = await readOrchestrationView(reader, l.number);
    const state =
      l.state === "open" ? "open" : l.stateReason === "not_planned" ? "cancelled" : "completed";
    rows.push({
      issue: l.number,
      title: l.title,
      url: l.url,
      state,
      createdAt: l.createdAt,
      ...(r.ok
        ? {
            planned: r.view.planned,
            done: r.view.progress.done,
            total: r.view.progress.total,
            percent: r.view.progress.percent,
            eta: r.view.eta,
            costUsd: Math.round(r.view.progress.costUsd * 100) / 100,
          }
        : { error: r.message }),
    });
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ hub, orchestrations: rows })}\n`);
    return;
  }
  if (rows.length === 0) {
    process.stdout.write(
      `${hub} has no ${flags.all ? "" : "open "}orchestrations${flags.all ? "" : " (--all shows closed ones too)"}\n`,
    );
    return;
  }
  const w = Math.max(...rows.map((r) => String(r.issue).length)) + 1;
  for (const r of rows) {
    const progress =
      "error" in r
        ? `(${String(r.error).split("\n")[0]})`
        : r.planned
          ? `${bar(r.percent ?? 0)} ${r.done}/${r.total}`.padEnd(16)
          : "not planned".padEnd(16);
    const cost = "costUsd" in r ? `$${(r.costUsd ?? 0).toFixed(2)}`.padStart(7) : "".padStart(7);
    process.stdout.write(
      `${`#${r.issue}`.padEnd(w)}  ${r.state.padEnd(9)}  ${progress}  ${cost}  ${ago(r.createdAt).padEnd(12)}  ${r.title}\n`,
    );
  }
}

export function registerStatus(program: Command): void {
  program
    .command("status")
    .description(
      "print an orchestration's state (tasks, sub-issues, pull requests, progress), or a hub's orchestrations",
    )
    .argument("[hub-issue]", "the hub issue, owner/repo#number")
    .option("--hub <owner/repo>", "list the hub's open orchestrations (with --all: every one)")
    .option("--all", "with --hub: closed orchestrations too")
    .option("--json", "print one JSON document")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option("--token <token>", "GitHub token (default: GITHUB_TOKEN)")
    .action(async (ref: string | undefined, flags: StatusFlags) => {
      if (flags.all && !flags.hub)
        throw new CliError("--all lists a hub's orchestrations: add --hub owner/repo");
      if (ref && flags.hub)
        throw new CliError("give either a hub issue (owner/repo#number) or --hub, not both");
      if (!ref && !flags.hub)
        throw new CliError(
          "say which: havun status owner/repo#number, or havun status --hub owner/repo [--all]",
        );
      if (flags.hub) {
        const { repo } = parseRepoRef(flags.hub, false);
        await listHub(githubFromEnv(flags), repo, flags);
        return;
      }
      const { repo, number } = parseRepoRef(ref!, true);
      const gh = githubFromEnv(flags);
      const { statusReport, formatStatus } =
        await import("../../app/orchestrator/status-report.ts");
      const report = await statusReport({ ...gh, hub: repo, number: number! });
      if ("error" in report) throw new CliError(report.error, 1);
      process.stdout.write(
        flags.json ? `${JSON.stringify(report)}\n` : `${formatStatus(report)}\n`,
      );
    });
}
