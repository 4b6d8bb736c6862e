import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { planDryRun } from "../../app/orchestrator/plan-dry-run.ts";
import { hubOf, type ToolContext } from "../context.ts";
import { failure, githubFailure, success } from "../errors.ts";

/** `plan`: a dry run of the App's planner for a request; reads the hub, writes nothing. */
export function registerPlanTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    "plan",
    {
      description: "Dry run: plan a request as HavunCore would; returns the tasks, writes nothing.",
      inputSchema: {
        hub: z.string().optional().describe("OWNER/REPO of the hub (default: --hub)"),
        request: z.string().min(3).max(60_000),
      },
      outputSchema: {
        hub: z.string(),
        tasks: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            repo: z.string(),
            kind: z.string(),
            dependencies: z.array(z.string()),
            estimateMinutes: z.number(),
          }),
        ),
        text: z.string(),
      },
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      const h = hubOf(ctx, args.hub);
      if (typeof h !== "string") return failure(h.error);
      if (!process.env.ANTHROPIC_API_KEY && !process.env.ANTHROPIC_BASE_URL)
        return failure(
          "plan needs the model: start havun mcp with ANTHROPIC_API_KEY set (or ANTHROPIC_BASE_URL for a local model).",
        );
      try {
        const out = await planDryRun({
          baseUrl: ctx.baseUrl,
          token: ctx.token,
          hub: h,
          request: args.request,
        });
        if (!out.ok) return failure(out.message);
        return success({
          hub: h,
          tasks: out.plan.tasks.map((t) => ({
            id: t.id,
            title: t.title,
            repo: t.repo,
            kind: t.kind,
            dependencies: [...t.dependencies],
            estimateMinutes: t.estimate_minutes,
          })),
          text: out.text,
        });
      } catch (err) {
        return githubFailure(err, "read the hub for planning", h);
      }
    },
  );
}
