/** Mermaid on GitHub refuses graphs with more edges or text than this (its defaults). */
export const MERMAID_MAX_EDGES = 500;
export const MERMAID_MAX_TEXT = 50_000;

export interface GraphTask {
  id: string;
  title: string;
  dependencies: readonly string[];
}

/** A node id safe in any graph: `api-endpoint` → `t_api_endpoint` (slugs have no `_`). */
export function nodeId(taskId: string): string {
  return `t_${taskId.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/** Text for a quoted node label: quotes, angle brackets, `#` and backticks as entity codes. */
export function nodeLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/`/g, "#96;");
}

/**
 * A `graph TD` of the tasks, each dependency an edge `dependency --> task`, in a fenced block;
 * nodes get a class each when `classOf` is given. Null when Mermaid could not draw it.
 */
export function dependencyGraph(
  tasks: readonly GraphTask[],
  classOf?: (id: string) => string,
  classDefs: Record<string, string> = {},
): string | null {
  const lines = ["graph TD"];
  for (const t of tasks) lines.push(`  ${nodeId(t.id)}["${nodeLabel(`${t.id}: ${t.title}`)}"]`);
  let edges = 0;
  for (const t of tasks) {
    for (const dep of t.dependencies) {
      lines.push(`  ${nodeId(dep)} --> ${nodeId(t.id)}`);
      edges++;
    }
  }
  if (classOf !== undefined) {
    for (const [name, style] of Object.entries(classDefs))
      lines.push(`  classDef ${name} ${style}`);
    const byClass = new Map<string, string[]>();
    for (const t of tasks)
      byClass.set(classOf(t.id), [...(byClass.get(classOf(t.id)) ?? []), nodeId(t.id)]);
    for (const [name, ids] of byClass) lines.push(`  class ${ids.join(",")} ${name}`);
  }
  const text = lines.join("\n");
  if (edges > MERMAID_MAX_EDGES || text.length > MERMAID_MAX_TEXT) return null;
  return `\`\`\`mermaid\n${text}\n\`\`\``;
}
