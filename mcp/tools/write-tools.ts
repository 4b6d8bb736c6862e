import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { hubReader } from "../../app/gateway/hub-reader.ts";
import { commentCommand, openOrchestration } from "../../app/gateway/open-orchestration.ts";
import { hubOf, type ToolContext } from "../context.ts";
import { failure, githubFailure, success } from "../errors.ts";

const hub = z.string().optional().describe("OWNER/REPO of the hub (default: --hub)");
const issue = z.number().int().positive().describe("hub issue number");
const taskId = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/);

/**
 * `orchestrate`, `retry_task`, `cancel_task`: writes made as the token's user, exactly as that
 * person would make them on GitHub (an issue, a command comment), so GitHub's permissions and
 * HavunCore's writer check apply.
 */
export function registerWriteTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    "orchestrate",
    {
      description:
        "Start an orchestration: opens a hub issue `/orchestrate <request>`; HavunCore plans it and files sub-issues. Follow it with status.",
      inputSchema: { hub, request: z.string().min(3).max(60_000).describe("the feature request") },
      outputSchema: { hub: z.string(), issue: z.number(), url: z.string() },
    },
    async (args) => {
      const h = hubOf(ctx, args.hub);
      if (typeof h !== "string") return failure(h.error);
      try {
        const config = await hubReader({
          octokit: ctx.octokit,
          hub: h,
          appSlug: ctx.appSlug,
        }).config();
        if (!config.ok) return failure(`${h} cannot orchestrate yet: ${config.comment}`);
        const opened = await openOrchestration(ctx.octokit, h, args.request);
        return success({ hub: h, issue: opened.number, url: opened.url });
      } catch (err) {
        return githubFailure(err, "open an issue", h);
      }
    },
  );

  const command = (name: "retry_task" | "cancel_task", description: string, needsTask: boolean) =>
    server.registerTool(
      name,
      {
        description,
        inputSchema: {
          hub,
          issue,
          task: needsTask ? taskId : taskId.optional().describe("omit to cancel everything"),
        },
        outputSchema: { comment: z.string(), url: z.string() },
      },
      async (args) => {
        const h = hubOf(ctx, args.hub);
        if (typeof h !== "string") return failure(h.error);
        const text = `/${name === "retry_task" ? "retry" : "cancel"}${args.task ? ` ${args.task}` : ""}`;
        try {
          const c = await commentCommand(ctx.octokit, h, args.issue, text);
          return success({ comment: text, url: c.url });
        } catch (err) {
          return githubFailure(err, `comment ${text}`, `${h}#${args.issue}`);
        }
      },
    );
  command("retry_task", "Retry a failed task (comments /retry <task> as you).", true);
  command(
    "cancel_task",
    "Cancel a task, or the whole orchestration (comments /cancel as you).",
    false,
  );
}
