import type { BoardItem, BoardView } from "../core/state.ts";
import type { BoardItemsNode, BoardLocator, BoardNode, BoardOwnerNode } from "./board-query.ts";

/** A GraphQL error as octokit hands it over (a response with data beside errors). */
export interface GraphqlProblem {
  type?: string;
  message: string;
  path?: (string | number)[];
}

/** Whether an error is about the board's part of the read (so the rest of the data stands). */
export function isBoardError(e: GraphqlProblem): boolean {
  const path = e.path ?? [];
  return path[0] === "board" || path.includes("projectItems");
}

function chosen(owner: BoardOwnerNode, at: BoardLocator): BoardNode | null {
  if (at.number !== null) return owner.byNumber ?? null;
  // By title: the owner's project of exactly that title (ignoring case), the oldest if several.
  const same = (owner.byTitle?.nodes ?? []).filter(
    (p): p is BoardNode => !!p && p.title.toLowerCase() === at.title.toLowerCase(),
  );
  return same.sort((a, b) => a.number - b.number)[0] ?? null;
}

/**
 * The board as reconcile sees it, from the read's board part and each issue's items. An error
 * GitHub gave for the board (no permission, no such project) becomes its access, not a failure.
 */
export function boardView(
  at: BoardLocator,
  owner: BoardOwnerNode | null | undefined,
  issues: { nodeId: string; items: BoardItemsNode | undefined }[],
  errors: GraphqlProblem[],
): BoardView {
  const boardErrors = errors.filter(isBoardError);
  const message = boardErrors[0]?.message ?? null;
  const ownerKind =
    owner?.__typename === "Organization" || owner?.__typename === "User" ? owner.__typename : null;
  const project = owner ? chosen(owner, at) : null;
  if (!project) {
    const denied =
      boardErrors.some((e) => e.type === "FORBIDDEN") ||
      // A GitHub App reads no user's projects: a title search finds nothing there.
      ownerKind === "User";
    return {
      access: denied ? "denied" : "missing",
      ownerKind,
      message: owner === null && !message ? `no organization or user named ${at.owner}` : message,
      project: null,
      items: {},
    };
  }
  const items: Record<string, BoardItem> = {};
  for (const issue of issues)
    for (const node of issue.items?.nodes ?? []) {
      if (!node || node.project.id !== project.id) continue;
      const values: BoardItem["values"] = {};
      for (const v of node.fieldValues.nodes) {
        const field = v?.field?.id;
        if (!v || !field) continue;
        const value = v.text ?? v.number ?? v.optionId;
        if (value !== undefined) values[field] = value;
      }
      items[issue.nodeId] = { id: node.id, values };
    }
  return {
    access: project.viewerCanUpdate ? "write" : "read",
    ownerKind,
    message,
    project: {
      id: project.id,
      number: project.number,
      title: project.title,
      url: project.url,
      fields: project.fields.nodes.flatMap((f) =>
        f?.id && f.name && f.dataType
          ? [{ id: f.id, name: f.name, dataType: f.dataType, options: f.options ?? [] }]
          : [],
      ),
    },
    items,
  };
}
