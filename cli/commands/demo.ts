import type { Command } from "commander";

/**
 * `havun demo`: today it starts the sandbox with the demo organization and shows what is there;
 * the full loop (plan → sub-issues → agents → PRs → merge) joins it as the App and Action land.
 */
export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("start the sandbox with the demo organization and show what is there")
    .option("--keep", "leave the sandbox running until interrupted")
    .option("--json", "print one JSON document instead of text")
    .action(async (flags: { keep?: boolean; json?: boolean }) => {
      // Loaded here so other commands start without the sandbox.
      const { startSandbox } = await import("../../sandbox/index.ts");
      const { defaultSeed } = await import("../../sandbox/default-seed.ts");
      const started = Date.now();
      const sb = await startSandbox({ seed: defaultSeed("havun", "havun-admin") });
      const { store } = sb.core;
      const repos = store.state.repos.map((r) => ({
        repo: store.fullName(r),
        private: r.private,
        defaultBranch: r.defaultBranch,
      }));
      const app = sb.seeded.apps.havuncore!.app;
      const summary = {
        sandbox: {
          apiUrl: sb.apiUrl,
          graphqlUrl: sb.graphqlUrl,
          serverUrl: sb.serverUrl,
          token: sb.token("havun-admin"),
        },
        owner: "havun",
        repos,
        app: { slug: app.slug, id: app.id, permissions: app.permissions, events: app.events },
        durationMs: Date.now() - started,
      };
      if (flags.json) process.stdout.write(JSON.stringify(summary) + "\n");
      else {
        process.stdout.write(`HavunCore demo sandbox: organization havun\n`);
        for (const r of repos)
          process.stdout.write(`  ${r.repo.padEnd(16)} ${sb.serverUrl}/${r.repo}.git\n`);
        process.stdout.write(
          `  App havuncore (id ${app.id}) installed with: ${Object.entries(app.permissions)
            .map(([k, v]) => `${k}:${v}`)
            .join(", ")}\n`,
        );
        process.stdout.write(`  REST ${sb.apiUrl}  token ${summary.sandbox.token}\n`);
        process.stdout.write(
          `The orchestration loop joins this demo as the App and the Action land (see README).\n`,
        );
      }
      if (flags.keep) {
        process.stdout.write("Sandbox kept running; press Ctrl+C to stop.\n");
        await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
      }
      await sb.stop();
    });
}
