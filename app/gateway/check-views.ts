import type { CheckView } from "../core/state.ts";
import type { CheckNode } from "./orchestration-query.ts";

/**
 * A pull request's checks as the core weighs them: its check runs, and its commit statuses (many
 * CI systems report those instead) as checks named by their context — pending until they report,
 * `failure`/`error` as failing conclusions, made by the App whose bot created them. A node the
 * token may not read comes back null and is left out.
 */
export function checkViews(nodes: (CheckNode | null)[]): CheckView[] {
  return nodes.flatMap((c): CheckView[] => {
    if (!c) return [];
    if (c.context && c.state) {
      const done = c.state !== "PENDING" && c.state !== "EXPECTED";
      return [
        {
          id: 0,
          name: c.context,
          status: done ? "COMPLETED" : "PENDING",
          conclusion: done ? c.state : null,
          app: c.creator?.__typename === "Bot" ? c.creator.login.replace(/\[bot\]$/, "") : null,
        },
      ];
    }
    if (!c.name || c.databaseId === undefined) return [];
    return [
      {
        id: c.databaseId,
        name: c.name,
        status: c.status ?? "COMPLETED",
        conclusion: c.conclusion ?? null,
        app: c.checkSuite?.app?.slug ?? null,
      },
    ];
  });
}
