import { isMap, isNode, isPair, isScalar, type Document, type LineCounter } from "yaml";

export interface Position {
  line: number;
  column: number;
}

/**
 * Where `path` is in a parsed YAML document: the key itself for the last segment when it is a
 * mapping key (so an unknown key is pointed at), else the value, else the nearest ancestor.
 */
export function locate(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
): Position | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const offset = offsetOf(doc, path.slice(0, depth));
    if (offset !== undefined) {
      const { line, col } = lines.linePos(offset);
      return { line, column: col };
    }
  }
  return undefined;
}

function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  const last = path.at(-1);
  if (last === undefined) return isNode(doc.contents) ? doc.contents.range?.[0] : undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last);
    if (pair !== undefined && isNode(pair.key)) return pair.key.range?.[0];
    return undefined;
  }
  const node = doc.getIn(path, true);
  return isNode(node) ? node.range?.[0] : undefined;
}
