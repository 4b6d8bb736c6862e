import type { ChangeAcceptance } from "./acceptance-marker.ts";
import type { ChangeImpact } from "./consumer-impact.ts";

const MAX_ROWS = 50;
const MAX_INTERACTIONS = 5;

/** What is known about the consumers: their pact interactions, or why nothing is. */
export type Consumers =
  | { known: true; service: string; interactions: number; rows: ChangeImpact[] }
  | { known: false; why: string };

/**
 * "Who breaks": for each breaking change, the consumers whose pacts call what it touches, with
 * the interactions; and the changes accepted on the pull request (who, why, at which commit).
 */
export function impactMarkdown(
  consumers: Consumers,
  accepted: readonly ChangeAcceptance[],
): string {
  const out: string[] = [];
  if (consumers.known && consumers.rows.length > 0) {
    out.push("### Who breaks", "");
    if (consumers.interactions === 0)
      out.push(
        `No consumer has published a pact for \`${consumers.service}\`, so nobody's recorded use of the API is known to break. Consumers may still call what changed.`,
      );
    else {
      out.push(
        `From the ${consumers.interactions} interaction${consumers.interactions === 1 ? "" : "s"} of the consumers' pacts for \`${consumers.service}\`:`,
        "",
        "| Change id | Change | Consumers whose pacts call it |",
        "| --- | --- | --- |",
      );
      for (const row of consumers.rows.slice(0, MAX_ROWS)) out.push(impactRow(row, accepted));
      if (consumers.rows.length > MAX_ROWS)
        out.push("", `_${consumers.rows.length - MAX_ROWS} more breaking changes not shown._`);
    }
    out.push("");
  } else if (!consumers.known) out.push(`### Who breaks`, "", consumers.why, "");
  if (accepted.length > 0) {
    out.push("### Accepted breaking changes", "");
    for (const a of accepted)
      out.push(
        `- \`${a.changeId}\` accepted by @${a.by} at ${a.sha.slice(0, 7)}: ${cell(a.reason) || "(no reason)"}`,
      );
    out.push("");
  }
  return out.join("\n");
}

function impactRow(row: ChangeImpact, accepted: readonly ChangeAcceptance[]): string {
  const f = row.finding;
  const who = row.consumers.length
    ? row.consumers
        .map((c) => {
          const shown = c.interactions.slice(0, MAX_INTERACTIONS).map((i) => `“${cell(i)}”`);
          const more = c.interactions.length - shown.length;
          return `**${cell(c.consumer)}**: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
        })
        .join("; ")
    : "no pact calls it";
  const ok = accepted.some((a) => a.changeId === row.changeId) ? " (accepted)" : "";
  const ops = row.operations.length
    ? `${row.operations.slice(0, 3).join(", ")}${row.operations.length > 3 ? ` and ${row.operations.length - 3} more` : ""}: `
    : "";
  return `| \`${row.changeId}\`${ok} | \`${f.id}\` ${cell(`${ops}${f.location}: ${f.detail}`)} | ${who} |`;
}

/** Text safe inside a table cell and on one line. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
