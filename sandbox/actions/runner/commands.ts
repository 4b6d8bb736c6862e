/** A workflow command printed by a step: `::name key=value,key=value::message`. */
export interface WorkflowCommand {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** GitHub's escaping in command values (`%25`, `%0D`, `%0A`) and properties (also `%3A`, `%2C`). */
function unescape(text: string, property: boolean): string {
  let out = text.replaceAll("%0D", "\r").replaceAll("%0A", "\n");
  if (property) out = out.replaceAll("%3A", ":").replaceAll("%2C", ",");
  return out.replaceAll("%25", "%");
}

/** The command on one output line, or null when the line is ordinary output. */
export function parseCommand(line: string): WorkflowCommand | null {
  const m = /^\s*::([A-Za-z][\w-]*)(?:\s+([^:]*))?::(.*)$/.exec(line);
  if (!m) return null;
  const params: Record<string, string> = {};
  for (const part of (m[2] ?? "").split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    params[part.slice(0, eq).trim()] = unescape(part.slice(eq + 1), true);
  }
  return { name: m[1]!.toLowerCase(), params, value: unescape(m[3] ?? "", false) };
}
