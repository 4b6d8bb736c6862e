import type { Command } from "commander";
import { CliError } from "../errors.ts";
import { githubFromEnv, parseRepoRef, type GitHubFlags } from "../github-env.ts";
import { formatDoctor } from "./doctor-format.ts";
import { appSettings, privateKeyOf, type AppFlags } from "./init-env.ts";

interface DoctorFlags extends GitHubFlags, AppFlags {
  hub: string;
  json?: boolean;
  havuncore?: string;
}

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description(
      "check a HavunCore installation: hub config, the App's installation and permissions, each project's workflow, secrets, variables and merge gate, webhook deliveries",
    )
    .requiredOption("--hub <owner/repo>", "the hub repository")
    .option("--json", "print one JSON document")
    .option(
      "--havuncore <owner/name@ref>",
      "the HavunCore version the callers must use (default: what HAVUN_TRUSTED_WORKFLOWS accepts, else any)",
    )
    .option("--app-slug <slug>", "the App's slug (default: APP_SLUG or havuncore)")
    .option("--app-id <id>", "the App's id: with --private-key-path, doctor also asks as the App")
    .option("--private-key-path <file>", "the App's private key (PEM)")
    .option("--env-file <path>", "the App server's .env (default: ./.env if present)")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option(
      "--token <token>",
      "GitHub token of a person (an admin sees secrets and branch protection; default: GITHUB_TOKEN)",
    )
    .addHelpText(
      "after",
      "\nExit status: 0 all is well, 1 something is wrong (each problem has its fix), 2 bad usage.",
    )
    .action(async (flags: DoctorFlags) => {
      const { repo: hub } = parseRepoRef(flags.hub, false);
      const gh = githubFromEnv(flags);
      const app = appSettings(flags);
      const key = privateKeyOf(app);
      const { parseTrustedWorkflows } = await import("../../app/api/trusted-workflows.ts");
      const { parseHavunCoreRef, candidateRefs } =
        await import("../../app/install/havuncore-ref.ts");
      let trusted = null;
      if (flags.havuncore) {
        const at = parseHavunCoreRef(flags.havuncore);
        if (typeof at === "string") throw new CliError(at);
        trusted = { repo: at.repo, refs: candidateRefs(at.ref) };
      } else if (app.trustedWorkflows) {
        try {
          trusted = parseTrustedWorkflows(app.trustedWorkflows);
        } catch (err) {
          throw new CliError((err as Error).message);
        }
      }
      const { createRestClient } = await import("../../app/gateway/rest-client.ts");
      const { appJwtClient } = await import("../../app/install/app-client.ts");
      const { readDoctorFacts } = await import("../../app/install/doctor-read.ts");
      const { doctorChecks } = await import("../../app/install/doctor-checks.ts");
      const { appNeeds } = await import("../../app/install/app-manifest.ts");
      let jwt = null;
      if (app.appId && key) {
        try {
          jwt = await appJwtClient({ appId: app.appId, privateKey: key, baseUrl: gh.baseUrl });
        } catch (err) {
          throw new CliError(
            `cannot sign as App ${app.appId} with the key given: ${(err as Error).message}`,
          );
        }
      }
      const facts = await readDoctorFacts({ gh: createRestClient(gh), jwt, hub, slug: app.slug });
      const checks = doctorChecks(facts, {
        apiUrl: gh.baseUrl,
        slug: app.slug,
        needs: appNeeds(),
        trusted,
      });
      const failed = checks.filter((c) => c.status === "fail").length;
      process.stdout.write(
        flags.json
          ? `${JSON.stringify({ hub: facts.hub, ok: failed === 0, problems: failed, asApp: jwt !== null, checks })}\n`
          : `${formatDoctor(facts.hub, checks)}\n`,
      );
      if (failed) process.exitCode = 1;
    });
}
