import type { Command } from "commander";
import { githubFromEnv, parseRepoRef, type GitHubFlags } from "../github-env.ts";

export function registerMcp(program: Command): void {
  program
    .command("mcp")
    .description(
      "a Model Context Protocol server on stdio: lets another Claude orchestrate, follow, plan, retry and cancel",
    )
    .option("--hub <owner/repo>", "the hub tools use when a call names none")
    .option(
      "--api-url <url>",
      "GitHub's REST API (default: GITHUB_API_URL or https://api.github.com)",
    )
    .option("--token <token>", "GitHub token (default: GITHUB_TOKEN); writes are made as its user")
    .addHelpText(
      "after",
      "\nClaude Code: claude mcp add havun -e GITHUB_TOKEN=… -- npx havun mcp --hub acme/hub\n`plan` also needs ANTHROPIC_API_KEY.",
    )
    .action(async (flags: GitHubFlags & { hub?: string }) => {
      const hub = flags.hub ? parseRepoRef(flags.hub, false).repo : undefined;
      const gh = githubFromEnv(flags);
      const { createHavunMcpServer } = await import("../../mcp/server.ts");
      const { StdioServerTransport } = await import("@modelcontextprotocol/sdk/server/stdio.js");
      const server = createHavunMcpServer({ baseUrl: gh.baseUrl, token: gh.token, hub });
      await server.connect(new StdioServerTransport());
      // Serves until the client closes the connection (or stdin ends, or a signal).
      await new Promise<void>((resolve) => {
        server.server.onclose = () => resolve();
        process.stdin.once("end", () => resolve());
        process.once("SIGINT", () => resolve());
        process.once("SIGTERM", () => resolve());
      });
      await server.close();
    });
}
