import { STATUS_CLASS_DEFS, type TaskStatus } from "../../app/render/status-view.ts";
import { html, raw, type SafeHtml } from "../html.ts";

export interface GraphNode {
  id: string;
  title: string;
  status: TaskStatus;
  dependencies: readonly string[];
  href: string;
}

const W = 190;
const H = 48;
const GAP_X = 28;
const GAP_Y = 52;
const PAD = 12;

/** Layer of each task: 0 without dependencies, else one below its deepest dependency. */
export function layers(nodes: readonly GraphNode[]): string[][] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>();
  const visit = (id: string, path: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return 0; // a cycle (plans have none): cut it
    path.add(id);
    const deps = (byId.get(id)?.dependencies ?? []).filter((d) => byId.has(d));
    const d = deps.length ? 1 + Math.max(...deps.map((x) => visit(x, path))) : 0;
    path.delete(id);
    depth.set(id, d);
    return d;
  };
  const out: string[][] = [];
  for (const n of nodes) (out[visit(n.id, new Set())] ??= []).push(n.id);
  // Order each layer by where its dependencies sit (fewer crossings), plan order breaking ties.
  const x = new Map<string, number>();
  return out.map((layer) => {
    const centre = (id: string) => {
      const deps = (byId.get(id)?.dependencies ?? []).filter((d) => x.has(d));
      return deps.length ? deps.reduce((s, d) => s + x.get(d)!, 0) / deps.length : -1;
    };
    const sorted = layer
      .map((id, i) => ({ id, i, c: centre(id) }))
      .sort((a, b) => (a.c === b.c ? a.i - b.i : a.c < 0 || b.c < 0 ? a.i - b.i : a.c - b.c))
      .map((e) => e.id);
    sorted.forEach((id, i) => x.set(id, i));
    return sorted;
  });
}

function colours(status: TaskStatus): { fill: string; stroke: string; text: string } {
  const style = STATUS_CLASS_DEFS[status];
  const get = (k: string) => new RegExp(`${k}:(#[0-9a-f]{3,8})`, "i").exec(style)?.[1];
  return {
    fill: get("fill") ?? "#fff",
    stroke: get("stroke") ?? "#888",
    text: get("color") ?? "#000",
  };
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The dependency graph, top-down, each task a box coloured by its status (the hub issue's
 * colours) linking to its page, each dependency an arrow from it to the task that waits on it.
 * Plain SVG: no script, readable on a phone.
 */
export function graphSvg(nodes: readonly GraphNode[]): SafeHtml {
  if (nodes.length === 0) return html``;
  const rows = layers(nodes);
  const layerOf = new Map(rows.flatMap((row, r) => row.map((id) => [id, r] as const)));
  const widest = Math.max(...rows.map((r) => r.length));
  const inner = PAD * 2 + widest * W + (widest - 1) * GAP_X;
  const height = PAD * 2 + rows.length * H + (rows.length - 1) * GAP_Y;
  const pos = new Map<string, { x: number; y: number }>();
  rows.forEach((row, r) => {
    const offset = (inner - (row.length * W + (row.length - 1) * GAP_X)) / 2;
    row.forEach((id, i) => pos.set(id, { x: offset + i * (W + GAP_X), y: PAD + r * (H + GAP_Y) }));
  });
  let width = inner;
  const edges = nodes.flatMap((n) =>
    n.dependencies.flatMap((d) => {
      const a = pos.get(d);
      const b = pos.get(n.id);
      if (!a || !b) return [];
      const [x1, y1, x2, y2] = [a.x + W / 2, a.y + H, b.x + W / 2, b.y - 2];
      const m = (y1 + y2) / 2;
      let path = `M${x1} ${y1} C${x1} ${m} ${x2} ${m} ${x2} ${y2}`;
      if ((layerOf.get(n.id) ?? 0) - (layerOf.get(d) ?? 0) > 1) {
        // Past the layers between: down a lane beside the boxes, not through them.
        const lane = Math.max(a.x, b.x) + W + GAP_X / 2;
        width = Math.max(width, lane + PAD);
        path = `M${x1} ${y1} C${x1} ${y1 + 24} ${lane} ${y1 + 8} ${lane} ${y1 + 40} L${lane} ${y2 - 40} C${lane} ${y2 - 8} ${x2} ${y2 - 24} ${x2} ${y2}`;
      }
      return [
        html`<path
          class="edge"
          data-from="${d}"
          data-to="${n.id}"
          d="${path}"
          marker-end="url(#arrow)"
        />`,
      ];
    }),
  );
  const boxes = nodes.map((n) => {
    const p = pos.get(n.id)!;
    const c = colours(n.status);
    return html`<a href="${n.href}" class="node" data-task="${n.id}" data-status="${n.status}"
      ><title>${n.id}: ${n.title} (${n.status})</title
      ><rect
        x="${p.x}"
        y="${p.y}"
        width="${W}"
        height="${H}"
        rx="6"
        fill="${c.fill}"
        stroke="${c.stroke}"
        stroke-width="1.5"
        ${n.status === "cancelled" ? raw(' stroke-dasharray="4 3"') : ""}
      /><text x="${p.x + 10}" y="${p.y + 20}" fill="${c.text}" class="id">${cut(n.id, 24)}</text
      ><text x="${p.x + 10}" y="${p.y + 38}" fill="${c.text}" class="st">${n.status}</text></a
    >`;
  });
  return html`<svg
    class="graph${width > 1000 ? " wide" : ""}"
    xmlns="http://www.w3.org/2000/svg"
    width="${width}"
    height="${height}"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-label="Dependency graph of ${nodes.length} tasks"
  >
    <defs>
      <marker
        id="arrow"
        viewBox="0 0 10 10"
        refX="9"
        refY="5"
        markerWidth="7"
        markerHeight="7"
        orient="auto-start-reverse"
      >
        <path d="M0 0 L10 5 L0 10 z" fill="#57606a" />
      </marker>
    </defs>
    ${edges}${boxes}
  </svg>`;
}
