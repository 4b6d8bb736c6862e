import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { createRestClient } from "../app/gateway/rest-client.ts";
import type { ToolContext } from "./context.ts";
import { registerPlanTool } from "./tools/plan-tool.ts";
import { registerReadTools } from "./tools/read-tools.ts";
import { registerSnippetsTool } from "./tools/snippets-tool.ts";
import { registerWriteTools } from "./tools/write-tools.ts";

export interface McpOptions {
  baseUrl: string;
  token: string;
  /** The hub tools use when a call names none. */
  hub?: string;
  appSlug?: string;
}

/**
 * HavunCore as a Model Context Protocol server: a small set of tools (each costs the calling
 * model context) over the same calls as the CLI — the App's one read of an orchestration, and
 * writes made as the token's user.
 */
export function createHavunMcpServer(o: McpOptions): McpServer {
  const ctx: ToolContext = {
    octokit: createRestClient({ token: o.token, baseUrl: o.baseUrl, userAgent: "havuncore-mcp" }),
    baseUrl: o.baseUrl,
    token: o.token,
    defaultHub: o.hub ?? null,
    appSlug: o.appSlug ?? "havuncore",
  };
  const server = new McpServer(
    { name: "havuncore", version: "0.1.0" },
    {
      instructions:
        "HavunCore orchestrates AI coding agents across repositories through GitHub issues. orchestrate starts one; status follows it.",
    },
  );
  registerWriteTools(server, ctx);
  registerReadTools(server, ctx);
  registerPlanTool(server, ctx);
  registerSnippetsTool(server, ctx);
  return server;
}
