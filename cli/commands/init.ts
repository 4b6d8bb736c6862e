import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { githubFromEnv, type GitHubFlags } from "../github-env.ts";
import { appSettings, type AppFlags } from "./init-env.ts";
import { hubAndProjects } from "./init-prompt.ts";

interface InitFlags extends GitHubFlags, AppFlags {
  hub?: string;
  projects?: string;
  havuncore?: string;
  appUrl?: string;
}

export function registerInit(program: Command): void {
  program
    .command("init")
    .description(
      "connect a hub and its projects: write .github/havun.yml, open a pull request per project adding the agent workflow (and CI hardening), print what only you can do",
    )
    .option("--hub <owner/repo>", "the hub repository (asked in a terminal when missing)")
    .option("--projects <list>", "project repositories, OWNER/A,OWNER/B (asked when missing)")
    .option(
      "--havuncore <owner/name@ref>",
      "where the callers run HavunCore's workflows (default: the first exact ref of HAVUN_TRUSTED_WORKFLOWS or the major tag of its refs/tags/vN* pattern, else havun/havuncore@v1)",
    )
    .option(
      "--app-slug <slug>",
      "the App's slug, as in /apps/<slug> (default: APP_SLUG or havuncore)",
    )
    .option(
      "--app-id <id>",
      "the App's id, for the ruleset (default: APP_ID, or looked up by slug)",
    )
    .option("--app-url <url>", "the App server's address, for the HAVUN_APP_URL commands")
    .option(
      "--env-file <path>",
      "the App server's .env to read APP_ID, APP_SLUG, HAVUN_TRUSTED_WORKFLOWS from (default: ./.env if present)",
    )
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option(
      "--token <token>",
      "GitHub token of a person who can write to the hub and the projects (default: GITHUB_TOKEN)",
    )
    .action(async (flags: InitFlags) => {
      const { hub, projects } = await hubAndProjects(flags, {
        input: process.stdin,
        output: process.stderr,
      });
      const gh = githubFromEnv(flags);
      const app = appSettings(flags);
      const { chooseHavunCore } = await import("../../app/install/havuncore-ref.ts");
      const { parseTrustedWorkflows } = await import("../../app/api/trusted-workflows.ts");
      let trusted;
      try {
        trusted = app.trustedWorkflows ? parseTrustedWorkflows(app.trustedWorkflows) : undefined;
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      const havuncore = chooseHavunCore(flags.havuncore, trusted);
      if (typeof havuncore === "string") throw new CliError(havuncore);
      const { createRestClient } = await import("../../app/gateway/rest-client.ts");
      const { runInit } = await import("../../app/install/run-init.ts");
      const { InitError } = await import("../../app/install/init-read.ts");
      try {
        const report = await runInit(createRestClient(gh), {
          apiUrl: gh.baseUrl,
          hub,
          projects,
          havuncore,
          slug: app.slug,
          appId: app.appId ? Number(app.appId) : null,
          appUrl: flags.appUrl ?? null,
        });
        const out = [
          `HavunCore at ${havuncore.repo}@${havuncore.ref} for hub ${hub}`,
          ...report.lines.map((l) => `  ${l}`),
          ...report.notes.map((n) => `  note: ${n}`),
          "",
          ...report.checklist,
        ];
        process.stdout.write(`${out.join("\n")}\n`);
      } catch (err) {
        if (err instanceof InitError) throw new CliError(err.message, 1);
        throw err;
      }
    });
}
