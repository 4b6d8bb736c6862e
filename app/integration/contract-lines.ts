import { inertInline } from "../text/inert.ts";
import type { ContractCheckView } from "./contract-check.ts";

const MAX_PROBLEMS = 10;

/**
 * A contract's lines in the integration check and the hub's reports. Pact descriptions and
 * finding messages quote what consumers and providers wrote, so they are made inert.
 */
export function contractLines(c: ContractCheckView): string[] {
  const head = `- ${c.state === "success" ? "✅" : "❌"} contract \`${c.service}\` (provider ${c.provider || "unknown"}, description ${inertInline(c.source, 200)})`;
  if (c.error) return [`${head}: ${inertInline(c.error, 500)}`];
  const pacts = c.consumers.length
    ? c.consumers
        .map(
          (x) =>
            `${inertInline(x.consumer, 100)} ${x.interactions} interaction(s)${x.problems.length ? `, ${x.problems.length} broken` : " hold"}`,
        )
        .join("; ")
    : "no consumer pacts in the registry";
  const reached = c.breaking.filter((b) => b.consumers.length);
  const diff = `${c.breaking.length} breaking change(s) since the start${reached.length ? ` (${reached.length} reaching a consumer's pact)` : ""}, ${c.compatible} compatible`;
  const lines = [`${head}: pacts: ${pacts}; ${diff}`];
  const problems = c.consumers.flatMap((x) => x.problems);
  for (const p of problems.slice(0, MAX_PROBLEMS))
    lines.push(
      `  - ${inertInline(p.consumer, 100)} · ${inertInline(p.interaction, 200)}${p.call ? ` (${inertInline(p.call, 200)})` : ""}: ${inertInline(p.message, 400)}`,
    );
  if (problems.length > MAX_PROBLEMS)
    lines.push(`  - … and ${problems.length - MAX_PROBLEMS} more`);
  for (const b of c.breaking.slice(0, MAX_PROBLEMS))
    lines.push(
      `  - breaking \`${b.changeId}\`: ${inertInline(b.message, 400)}${b.consumers.length ? ` — reaches ${b.consumers.map((x) => inertInline(x, 100)).join(", ")}` : ""}`,
    );
  return lines;
}
