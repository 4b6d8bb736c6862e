import { BREAK, Kind, visit, type ASTNode, type DocumentNode } from "graphql";

function segment(node: ASTNode): string | null {
  switch (node.kind) {
    case Kind.OPERATION_DEFINITION:
      return node.name ? `${node.operation} ${node.name.value}` : node.operation;
    case Kind.FRAGMENT_DEFINITION:
      return `fragment ${node.name.value}`;
    case Kind.FIELD:
      return (node.alias ?? node.name).value;
    case Kind.INLINE_FRAGMENT:
      return node.typeCondition ? `... on ${node.typeCondition.name.value}` : "...";
    case Kind.FRAGMENT_SPREAD:
      return `... ${node.name.value}`;
    case Kind.ARGUMENT:
      return node.name.value;
    default:
      return null;
  }
}

/**
 * graphql-ruby's static `path` to a node of the document, as GitHub reports validation errors:
 * `["query Name", "repository", "... on Issue", "milestone"]`, arguments by name.
 */
export function staticPath(
  document: DocumentNode,
  target: ASTNode | undefined,
): string[] | undefined {
  if (!target) return undefined;
  const stack: string[] = [];
  let found: string[] | undefined;
  visit(document, {
    enter(node) {
      const s = segment(node);
      if (s !== null) stack.push(s);
      if (node !== target) return undefined;
      found = [...stack];
      return BREAK;
    },
    leave(node) {
      if (segment(node) !== null) stack.pop();
    },
  });
  return found;
}
