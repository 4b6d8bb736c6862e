import type { Finding } from "../finding.ts";
import { summarise } from "./group.ts";

/** Machine-readable: every finding, one per operation, with a summary. */
export function formatJson(findings: readonly Finding[], base: string, head: string): string {
  return JSON.stringify({ base, head, summary: summarise(findings), findings }, null, 2) + "\n";
}
