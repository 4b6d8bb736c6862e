import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { hubReader } from "../../app/gateway/hub-reader.ts";
import { listOrchestrations } from "../../app/gateway/list-orchestrations.ts";
import { readOrchestrationView } from "../../app/gateway/orchestration-view.ts";
import { hubOf, type ToolContext } from "../context.ts";
import { failure, githubFailure, success } from "../errors.ts";

const hub = z.string().optional().describe("OWNER/REPO of the hub (default: --hub)");

const listing = z.object({
  issue: z.number(),
  title: z.string(),
  state: z.string(),
  url: z.string(),
  createdAt: z.string(),
});

const task = z.object({
  id: z.string(),
  title: z.string(),
  repo: z.string(),
  status: z.string(),
  issue: z.number().nullable(),
  pr: z.object({ number: z.number(), state: z.string() }).nullable(),
  attempt: z.number(),
  costUsd: z.number().nullable(),
  waitingOn: z.array(z.string()),
});

/** `list_orchestrations` and `status`: reads with the token, through the App's one read. */
export function registerReadTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    "list_orchestrations",
    {
      description: "List a hub's orchestrations, newest first.",
      inputSchema: { hub, state: z.enum(["open", "closed", "all"]).optional() },
      outputSchema: { hub: z.string(), orchestrations: z.array(listing) },
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      const h = hubOf(ctx, args.hub);
      if (typeof h !== "string") return failure(h.error);
      try {
        const list = await listOrchestrations(ctx.octokit, h, { state: args.state ?? "open" });
        return success({
          hub: h,
          orchestrations: list.items.map((l) => ({
            issue: l.number,
            title: l.title,
            state: l.state === "open" ? "open" : (l.stateReason ?? "closed"),
            url: l.url,
            createdAt: l.createdAt,
          })),
        });
      } catch (err) {
        return githubFailure(err, "list issues", h);
      }
    },
  );

  server.registerTool(
    "status",
    {
      description: "One orchestration's progress, ETA, cost and tasks.",
      inputSchema: { hub, issue: z.number().int().positive().describe("hub issue number") },
      outputSchema: {
        hub: z.string(),
        issue: z.number(),
        title: z.string(),
        state: z.string(),
        url: z.string(),
        planned: z.boolean(),
        waitingForApproval: z.boolean(),
        done: z.number(),
        total: z.number(),
        eta: z.string(),
        costUsd: z.number(),
        tasks: z.array(task),
        problems: z.array(z.string()),
      },
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      const h = hubOf(ctx, args.hub);
      if (typeof h !== "string") return failure(h.error);
      try {
        const r = await readOrchestrationView(
          hubReader({ octokit: ctx.octokit, hub: h, appSlug: ctx.appSlug }),
          args.issue,
        );
        if (!r.ok) return failure(r.message);
        const v = r.view;
        return success({
          hub: h,
          issue: v.hub.number,
          title: v.hub.title,
          state: v.hub.state === "open" ? "open" : v.complete ? "completed" : "closed",
          url: v.hub.url,
          planned: v.planned,
          waitingForApproval: v.waitingForApproval,
          done: v.progress.done,
          total: v.progress.total,
          eta: v.eta,
          costUsd: Math.round(v.progress.costUsd * 100) / 100,
          tasks: v.tasks.map((t) => ({
            id: t.id,
            title: t.title,
            repo: t.repo,
            status: t.status,
            issue: t.issue?.number ?? null,
            pr: t.pull ? { number: t.pull.number, state: t.pull.state.toLowerCase() } : null,
            attempt: t.attempt,
            costUsd: t.costUsd,
            waitingOn: t.waitingOn,
          })),
          problems: v.problems,
        });
      } catch (err) {
        return githubFailure(err, "read the orchestration", `${h}#${args.issue}`);
      }
    },
  );
}
