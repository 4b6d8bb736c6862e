import type { RunResultFile } from "../../action/src/shared/run-files.ts";
import { inertBlock, inertInline } from "../../app/text/inert.ts";
import { toolSummary, totalTokens, type Transcript } from "./turns.ts";

const usd = (n: number) => `$${n.toFixed(2)}`;
const count = (n: number) => n.toLocaleString("en-US");
/** An inert block without its closing newline (the lines are joined with newlines). */
const block = (text: string, maxChars: number) => inertBlock(text, { maxChars }).trimEnd();

/**
 * A transcript as Markdown, step by step: each turn with its tokens, the agent's texts, its tool
 * calls and their results. Everything the agent or a tool wrote is shown inert (fenced; mentions,
 * references and markers neutralised), so the Markdown is safe to paste into an issue.
 */
export function transcriptMarkdown(
  t: Transcript,
  o: { title: string; runUrl: string; result: RunResultFile | null },
): string {
  const out: string[] = [`# ${o.title}`, "", `Run: ${o.runUrl}`, ""];
  const facts = [
    t.model ? `model \`${t.model}\`` : null,
    t.version ? `Claude Code ${t.version}` : null,
    t.result ? `${t.result.turns} turns` : `${t.turns.length} responses`,
    t.result ? usd(t.result.costUsd) : null,
    t.result?.durationMs != null ? `${(t.result.durationMs / 1000).toFixed(1)} s` : null,
    t.result ? (t.result.isError ? `ended: ${t.result.subtype}` : "finished") : "unfinished",
  ].filter(Boolean);
  out.push(facts.join(" · "), "");
  if (o.result?.files.length) {
    out.push("## Files changed", "", ...o.result.files.map((f) => `- ${inertInline(f, 300)}`), "");
  }
  for (const turn of t.turns) {
    const tokens = turn.usage
      ? ` · ${count(totalTokens(turn.usage))} in (${count(turn.usage.cacheRead)} cached) / ${count(turn.usage.output)} out`
      : "";
    out.push(`## Turn ${turn.n}${tokens}`, "");
    for (const b of turn.blocks) {
      if (b.kind === "text") out.push(block(b.text, 20_000), "");
      else if (b.kind === "thinking") out.push("_thinking:_", "", block(b.text, 20_000), "");
      else {
        out.push(`**Tool** ${inertInline(toolSummary(b.name, b.input), 200)}`, "");
        out.push(block(JSON.stringify(b.input, null, 2), 8_000), "");
        if (b.result) {
          out.push(
            `<details><summary>${b.result.isError ? "Error" : "Result"}</summary>`,
            "",
            block(b.result.text, 8_000),
            "",
            "</details>",
            "",
          );
        }
      }
    }
  }
  for (const r of t.retries)
    out.push(`- API call retried (attempt ${r.attempt}${r.status ? `, status ${r.status}` : ""})`);
  if (t.retries.length) out.push("");
  if (t.result) {
    out.push("## Result", "", block(t.result.text || "(no closing text)", 20_000));
  }
  return `${out.join("\n").trimEnd()}\n`;
}
