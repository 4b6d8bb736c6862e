import type { Command } from "commander";
import { CliError } from "../errors.ts";

interface DemoFlags {
  json?: boolean;
  keep?: boolean;
  port: string;
  realModel?: boolean;
  modelScenarios?: string;
  faults?: string;
  restartApp?: string;
  release?: boolean;
}

/** `--faults RATE`: a share of requests, 0 ≤ RATE < 1. */
function faultRate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate < 0 || rate >= 1)
    throw new CliError(
      `--faults takes the share of GitHub requests that fail, from 0 up to (not including) 1, such as --faults 0.1; got "${value}"`,
    );
  return rate;
}

/** `--restart-app SECONDS`: at least one second between kills. */
function restartEvery(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1)
    throw new CliError(
      `--restart-app takes the seconds between App restarts, 1 or more, such as --restart-app 20; got "${value}"`,
    );
  return seconds;
}

/** Until SIGINT or SIGTERM. */
const untilStopped = () =>
  new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });

/** `havun demo`: the whole HavunCore loop on this machine, with a scripted model. */
export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description(
      "run the whole loop on a local sandbox: /orchestrate → plan → sub-issues → agents → PRs → merge",
    )
    .option("--json", "print one JSON document with the outcome (as soon as the loop ends)")
    .option(
      "--keep",
      "leave the sandbox running afterwards (until Ctrl+C or SIGTERM) and print how to look at it",
    )
    .option("--port <n>", "the sandbox's port (0 picks a free one)", "0")
    .option(
      "--real-model",
      "plan and run the agents with the real Anthropic API (needs ANTHROPIC_API_KEY)",
    )
    .option(
      "--faults <rate>",
      "inject the sandbox's faults (502s, timeouts, secondary rate limits with retry-after) into that share of every client's REST, GraphQL and git requests, seeded (0.1: one in ten)",
    )
    .option(
      "--restart-app <seconds>",
      "kill the App server (SIGKILL, no drain) every so many seconds and start it again on the same address; it resumes open orchestrations at start-up",
    )
    .option(
      "--release",
      "after the last merge, run the integration check (the portal's pact read against the API's OpenAPI description, the API's integration workflow) and deploy the API, then the portal, as GitHub Deployments",
    )
    .option(
      "--model-scenarios <file>",
      "YAML or JSON: one scenario or a list (sandbox/model's format) that answers before the built-in ones",
    )
    .action(async (flags: DemoFlags) => {
      const faults = faultRate(flags.faults);
      const restartAppEvery = restartEvery(flags.restartApp);
      const realApiKey = flags.realModel ? process.env.ANTHROPIC_API_KEY : undefined;
      if (flags.realModel && !realApiKey)
        throw new CliError("--real-model needs ANTHROPIC_API_KEY (the real API's key)");
      const { loadScenariosFile } = await import("../../sandbox/model/index.ts");
      let extraScenarios;
      try {
        extraScenarios = flags.modelScenarios ? loadScenariosFile(flags.modelScenarios) : [];
      } catch (err) {
        const e = err as Error & { hint?: string };
        throw new CliError(`--model-scenarios: ${e.message}${e.hint ? ` (${e.hint})` : ""}`);
      }
      const { runDemo } = await import("../demo/run-demo.ts");
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const result = await runDemo({
        log: flags.json ? log : (line) => process.stdout.write(`${line}\n`),
        port: Number(flags.port) || 0,
        realApiKey,
        extraScenarios,
        faults,
        restartAppEvery,
        release: flags.release ?? false,
        onResult: (r, w) => {
          if (!flags.json) return;
          const sandbox = flags.keep
            ? {
                sandbox: {
                  apiUrl: w.sb.apiUrl,
                  graphqlUrl: w.sb.graphqlUrl,
                  token: w.sb.token("wendy"),
                },
              }
            : {};
          process.stdout.write(`${JSON.stringify({ ...r, ...sandbox })}\n`);
        },
        keep: flags.keep
          ? async (w) => {
              log(`\nThe sandbox keeps running: ${w.sb.apiUrl} (token ${w.sb.token("wendy")})`);
              log(
                `  npx havun status havun/hub#1 --api-url ${w.sb.apiUrl} --token ${w.sb.token("wendy")}`,
              );
              log(
                `  git clone ${w.sb.serverUrl.replace("http://", `http://x-access-token:${w.sb.token("wendy")}@`)}/havun/api.git`,
              );
              log("Press Ctrl+C (or send SIGTERM) to stop.");
              await untilStopped();
            }
          : undefined,
      });
      if (flags.json) return;
      process.stdout.write(
        `\n${"task".padEnd(18)} ${"repo".padEnd(14)} ${"issue".padEnd(6)} pull request\n`,
      );
      for (const t of result.tasks)
        process.stdout.write(
          `${t.id.padEnd(18)} ${t.repo.padEnd(14)} #${String(t.issue).padEnd(5)} ${t.pr ? `#${t.pr.number} ${t.pr.merged ? "merged" : "open"} (${t.pr.files.join(", ")})` : "—"}\n`,
        );
      process.stdout.write(
        `\nhub ${result.hub.repo}#${result.hub.issue}: ${result.hub.state}, checklist ${result.hub.checklist.checked}/${result.hub.checklist.total} · ${result.api.requests} GitHub requests · ${result.model.requests} model requests · ${(result.durationMs / 1000).toFixed(1)} s\n`,
      );
      const p = result.api.perTask;
      process.stdout.write(
        `GitHub requests per task: App ${p.app}, agent runs ${p.agents}, CI ${p.ci}, reviewer ${p.reviewer}; App + agents ${p.appAndAgents} API requests without the ${result.api.notModified} answered 304 (target ≤ ${p.target.max}) and ${p.appAndAgentsGit} git transfers\n`,
      );
      if (result.release) {
        const i = result.release.integration;
        process.stdout.write(
          `integration check: ${i?.conclusion ?? "none"}${i ? ` (${i.title})` : ""} · deployments: ${result.release.deployments.map((d) => `${d.repo} ${d.environment} ${d.state ?? "pending"}${d.url ? ` ${d.url}` : ""}`).join(", ") || "none"}\n`,
        );
      }
      const r = result.reliability;
      if (r.faultRate || r.appRestarts)
        process.stdout.write(
          `faults injected: ${r.faults["502"]} × 502, ${r.faults.timeout} timeouts, ${r.faults.secondary} secondary rate limits · App restarts: ${r.appRestarts}\n`,
        );
    });
}
