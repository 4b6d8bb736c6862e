import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { readHubCatalog, readHubConfigText } from "../../app/gateway/planner-context.ts";
import { stripHidden } from "../../app/text/strip-hidden.ts";
import { libraryDirIn } from "../../snippets/library-config.ts";
import { SnippetIndex } from "../../snippets/search.ts";
import type { Snippet } from "../../snippets/snippet.ts";
import { hubOf, type ToolContext } from "../context.ts";
import { failure, githubFailure, success } from "../errors.ts";

/** One index per library read: the hub reader hands out the same array for the same blobs. */
const indexes = new WeakMap<readonly Snippet[], SnippetIndex>();

/**
 * `search_snippets`: the hub's snippet library (the folder its `.github/havun.yml` names),
 * searched as the planner searches it. Reads the hub's tree with the token; each file's text is
 * read once per blob for the life of the server.
 */
export function registerSnippetsTool(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    "search_snippets",
    {
      description: "Search the hub's library of reusable code snippets; best matches first.",
      inputSchema: {
        hub: z.string().optional().describe("OWNER/REPO of the hub (default: --hub)"),
        query: z.string().min(2).max(500),
        tags: z.array(z.string()).max(10).optional().describe("only snippets with all these tags"),
        limit: z.number().int().min(1).max(50).optional(),
      },
      outputSchema: {
        hub: z.string(),
        library: z.string(),
        size: z.number(),
        hits: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            description: z.string(),
            usage: z.string(),
            tags: z.array(z.string()),
            score: z.number(),
          }),
        ),
      },
      annotations: { readOnlyHint: true },
    },
    async (args) => {
      const h = hubOf(ctx, args.hub);
      if (typeof h !== "string") return failure(h.error);
      try {
        const dir = libraryDirIn(await readHubConfigText(ctx.octokit, h, ".github/havun.yml"));
        const { snippets } = await readHubCatalog(ctx.octokit, h, dir);
        if (snippets.length === 0)
          return failure(
            `${h} has no snippets in ${dir}/ (or none that parse). Add some with havun snippets add, or run havun snippets lint in a clone of the hub.`,
          );
        let index = indexes.get(snippets);
        if (!index) indexes.set(snippets, (index = SnippetIndex.of(snippets)));
        const byId = new Map(snippets.map((s) => [s.id, s]));
        const hits = index.search(args.query, { tags: args.tags ?? [], limit: args.limit ?? 5 });
        return success({
          hub: h,
          library: dir,
          size: snippets.length,
          hits: hits.map((hit) => {
            const meta = byId.get(hit.id)?.meta;
            return {
              id: hit.id,
              title: hit.title,
              // Hub text, shown to another model: without the hidden characters an injection hides in.
              description: stripHidden(meta?.description ?? ""),
              usage: stripHidden(meta?.usage ?? ""),
              tags: hit.tags,
              score: hit.score,
            };
          }),
        });
      } catch (err) {
        return githubFailure(err, "read the snippet library", h);
      }
    },
  );
}
