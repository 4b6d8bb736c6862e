import { ruleSpec, type Level } from "../catalogue/index.ts";
import type { Finding } from "../finding.ts";
import {
  groupFindings,
  LEVEL_TITLES,
  listOperations,
  summarise,
  type FindingGroup,
} from "./group.ts";

/** GitHub caps an issue or PR comment at 65,536 characters; leave room for the footer. */
const MAX_CHARS = 60_000;
const ICONS: Record<Level, string> = { ERR: "❌", WARN: "⚠️", INFO: "ℹ️" };

/** A PR comment: a summary line, then a table per level (compatible changes folded away). */
export function formatMarkdown(findings: readonly Finding[], base: string, head: string): string {
  const s = summarise(findings);
  const verdict =
    s.ERR > 0
      ? "❌ breaking changes"
      : s.WARN > 0
        ? "⚠️ possibly breaking changes"
        : "✅ no breaking changes";
  const out: string[] = [
    `### OpenAPI contract check: ${verdict}`,
    "",
    `**${s.ERR}** breaking, **${s.WARN}** possibly breaking, **${s.INFO}** compatible ` +
      `across ${s.operations} operation${s.operations === 1 ? "" : "s"} (\`${cell(base)}\` → \`${cell(head)}\`).`,
  ];
  let size = out.join("\n").length;
  let omitted = 0;
  const groups = groupFindings(findings);
  for (const level of ["ERR", "WARN", "INFO"] as const) {
    const mine = groups.filter((g) => g.first.level === level);
    if (mine.length === 0) continue;
    const title = `${ICONS[level]} ${LEVEL_TITLES[level]} (${mine.length})`;
    const section =
      level === "INFO"
        ? ["", `<details><summary>${title}</summary>`, ""]
        : ["", `#### ${title}`, ""];
    section.push(
      "| Change id | Rule | Operations | Change | What clients see |",
      "| --- | --- | --- | --- | --- |",
    );
    let rows = 0;
    for (const g of mine) {
      const r = row(g);
      if (size + section.join("\n").length + r.length > MAX_CHARS) {
        omitted += mine.length - rows;
        break;
      }
      section.push(r);
      rows++;
    }
    if (level === "INFO") section.push("", "</details>");
    if (rows > 0) {
      out.push(...section);
      size = out.join("\n").length;
    }
  }
  if (omitted > 0) {
    out.push(
      "",
      `_${omitted} more changes not shown (comment size limit); run \`havun contracts diff\` for all._`,
    );
  }
  return out.join("\n") + "\n";
}

function row(g: FindingGroup): string {
  const f = g.first;
  return `| \`${f.changeId}\` | \`${f.id}\` | ${cell(listOperations(g.operations))} | ${cell(`${f.location}: ${f.detail}`)} | ${cell(ruleSpec(f.id).client)} |`;
}

/** Text safe inside a table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
