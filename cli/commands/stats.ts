import type { Command } from "commander";
import type { Summary } from "../../app/core/metrics.ts";
import type { HubStats } from "../../app/gateway/read-stats.ts";
import { CliError } from "../errors.ts";
import { githubFromEnv, parseRepoRef, type GitHubFlags } from "../github-env.ts";

interface StatsFlags extends GitHubFlags {
  hub?: string;
  since?: string;
  json?: boolean;
}

/** `2026-05-01` or a full ISO time → ISO; anything else says how to write it. */
export function parseSince(text: string | undefined): string | null {
  if (text === undefined) return null;
  const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(text.trim())
    ? Date.parse(text.trim())
    : NaN;
  if (!Number.isFinite(ms))
    throw new CliError(`--since "${text}" is not a date: write it as YYYY-MM-DD, like 2026-05-01`);
  return new Date(ms).toISOString();
}

const usd = (n: number | null) => (n === null ? "—" : `$${n.toFixed(2)}`);
const min = (n: number | null) =>
  n === null ? "—" : n < 10 ? `${n.toFixed(1)} min` : `${Math.round(n)} min`;
const rate = (n: number | null) => (n === null ? "—" : `${Math.round(n * 100)}%`);

function row(name: string, s: Summary): string {
  const p = s.pulls;
  return [
    name.padEnd(22),
    `${s.done}/${s.tasks}`.padStart(7),
    `${p.opened}/${p.merged}/${p.closedUnmerged}`.padStart(9),
    rate(p.mergeRate).padStart(6),
    min(s.medianDispatchToMergeMinutes).padStart(8),
    (s.attemptsPerTask?.toFixed(1) ?? "—").padStart(5),
    (s.fixRoundsPerTask?.toFixed(1) ?? "—").padStart(5),
    usd(s.costUsd).padStart(9),
    usd(s.costPerMergedPullUsd).padStart(9),
  ].join("  ");
}

export function formatStats(st: HubStats): string {
  const head = [
    "".padEnd(22),
    "done".padStart(7),
    "PRs o/m/c".padStart(9),
    "merge".padStart(6),
    "→merge".padStart(8),
    "att.".padStart(5),
    "fix".padStart(5),
    "cost".padStart(9),
    "per PR".padStart(9),
  ].join("  ");
  const e = st.total.estimates;
  return [
    `${st.hub}: ${st.orchestrations} orchestration(s)${st.since ? ` since ${st.since.slice(0, 10)}` : ""}`,
    "",
    head,
    row("all", st.total),
    ...Object.entries(st.byRepository).map(([k, s]) => row(k, s)),
    ...Object.entries(st.byKind).map(([k, s]) => row(`kind ${k}`, s)),
    "",
    `planning ${usd(st.plannerUsd)} · planner tokens ${st.tokens.planner.input} in / ${st.tokens.planner.output} out`,
    e.tasks
      ? `estimates: ${e.tasks} done task(s) estimated at ${min(e.estimatedMinutes)}, took ${min(e.actualMinutes)}`
      : "estimates: no task done since its first dispatch was recorded",
    "PRs o/m/c: agent pull requests opened / merged / closed unmerged; →merge: median from dispatch to merge",
  ].join("\n");
}

/** `havun stats --hub OWNER/HUB [--since DATE] [--json]`: what the agents delivered on a hub. */
export function registerStats(program: Command): void {
  program
    .command("stats")
    .description(
      "agent pull requests opened, merged and closed unmerged, time to merge, attempts, fix rounds and cost, per repository and task kind",
    )
    .option("--hub <owner/repo>", "the hub repository")
    .option("--since <date>", "only orchestrations created on or after this date (YYYY-MM-DD)")
    .option("--json", "print one JSON document")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option("--token <token>", "GitHub token (default: GITHUB_TOKEN)")
    .action(async (flags: StatsFlags) => {
      if (!flags.hub) throw new CliError("say which hub: havun stats --hub owner/repo");
      const { repo } = parseRepoRef(flags.hub, false);
      const since = parseSince(flags.since);
      const gh = githubFromEnv(flags);
      const { createRestClient } = await import("../../app/gateway/rest-client.ts");
      const { hubReader } = await import("../../app/gateway/hub-reader.ts");
      const { readHubStats } = await import("../../app/gateway/read-stats.ts");
      const octokit = createRestClient({ token: gh.token, baseUrl: gh.baseUrl });
      const stats = await readHubStats(hubReader({ octokit, hub: repo }), { since }).catch(
        (err: Error & { status?: number }) => {
          if (err.status === 404)
            throw new CliError(`${repo} does not exist, or the token cannot read its issues`);
          throw err;
        },
      );
      process.stdout.write(flags.json ? `${JSON.stringify(stats)}\n` : `${formatStats(stats)}\n`);
    });
}
