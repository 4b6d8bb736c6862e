import type { ExprValue } from "./types.ts";

/** Parsed expression. `start` is the node's 0-based offset in the source, for error positions. */
export type Node =
  | { type: "literal"; value: ExprValue; start: number }
  | { type: "context"; name: string; start: number }
  | { type: "index"; target: Node; key: Node | "*"; start: number }
  | { type: "not"; operand: Node; start: number }
  | { type: "binary"; op: BinaryOp; left: Node; right: Node; start: number }
  | { type: "call"; name: string; args: Node[]; start: number };

export type BinaryOp = "==" | "!=" | "<" | "<=" | ">" | ">=" | "&&" | "||";

/** Function names used anywhere in a tree, lower-cased. */
export function functionNames(node: Node, out = new Set<string>()): Set<string> {
  switch (node.type) {
    case "call":
      out.add(node.name.toLowerCase());
      node.args.forEach((a) => functionNames(a, out));
      break;
    case "index":
      functionNames(node.target, out);
      if (node.key !== "*") functionNames(node.key, out);
      break;
    case "not":
      functionNames(node.operand, out);
      break;
    case "binary":
      functionNames(node.left, out);
      functionNames(node.right, out);
      break;
  }
  return out;
}
