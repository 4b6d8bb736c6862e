import type { Action } from "../core/actions.ts";
import { aliasedMutation } from "./aliased-mutation.ts";
import type { GitHubClient } from "./client.ts";
import { forgetLabelId, labelId } from "./label-ids.ts";

/** GitHub weighs each mutation; 20 a request keeps well inside its limits. */
const PER_REQUEST = 20;

const REASONS = { completed: "COMPLETED", not_planned: "NOT_PLANNED", duplicate: "DUPLICATE" };

interface Write {
  action: Action;
  /** The aliased mutation, its variables named after the alias. */
  field: (alias: string) => { text: string; params: string[]; vars: Record<string, unknown> };
  /** Labels the write names by id: forgotten when the write fails (the id may be gone). */
  labels?: { repo: string; name: string }[];
  /** A board's values: one alias each (`<alias>_<n>`); a refused one is left to the next reconcile. */
  values?: number;
}

/**
 * One GraphQL mutation field for an issue write, when its node ids are known: a body, labels (by
 * the ids this process read), a keyed comment, closing or reopening, marking a draft ready, and
 * the board's values of items it already has. Null for anything else, which the caller writes
 * over REST (or, for the board, with its own requests).
 */
function writeOf(a: Action, keyedBody: (key: string, body: string) => string): Write | null {
  const ids = (repo: string, names: string[]) => {
    const found = names.map((n) => labelId(repo, n));
    return found.every((x): x is string => x !== null) ? found : null;
  };
  switch (a.kind) {
    case "update-body":
      return {
        action: a,
        field: (x) => ({
          text: `${x}: updateIssue(input: { id: $${x}i, body: $${x}b }) { clientMutationId }`,
          params: [`$${x}i: ID!`, `$${x}b: String!`],
          vars: { [`${x}i`]: a.issue.nodeId, [`${x}b`]: a.body },
        }),
      };
    case "add-labels":
    case "remove-label": {
      const names = a.kind === "add-labels" ? a.labels : [a.label];
      const found = ids(a.issue.repo, names);
      if (!found) return null;
      const op = a.kind === "add-labels" ? "addLabelsToLabelable" : "removeLabelsFromLabelable";
      return {
        action: a,
        labels: names.map((name) => ({ repo: a.issue.repo, name })),
        field: (x) => ({
          text: `${x}: ${op}(input: { labelableId: $${x}i, labelIds: $${x}l }) { clientMutationId }`,
          params: [`$${x}i: ID!`, `$${x}l: [ID!]!`],
          vars: { [`${x}i`]: a.issue.nodeId, [`${x}l`]: found },
        }),
      };
    }
    case "comment":
      return {
        action: a,
        field: (x) => ({
          text: `${x}: addComment(input: { subjectId: $${x}i, body: $${x}b }) { clientMutationId }`,
          params: [`$${x}i: ID!`, `$${x}b: String!`],
          vars: { [`${x}i`]: a.issue.nodeId, [`${x}b`]: keyedBody(a.key, a.body) },
        }),
      };
    case "close":
      return {
        action: a,
        field: (x) => ({
          text: `${x}: closeIssue(input: { issueId: $${x}i, stateReason: ${REASONS[a.reason]} }) { clientMutationId }`,
          params: [`$${x}i: ID!`],
          vars: { [`${x}i`]: a.issue.nodeId },
        }),
      };
    case "reopen":
      return {
        action: a,
        field: (x) => ({
          text: `${x}: reopenIssue(input: { issueId: $${x}i }) { clientMutationId }`,
          params: [`$${x}i: ID!`],
          vars: { [`${x}i`]: a.issue.nodeId },
        }),
      };
    case "mark-ready": {
      const id = a.nodeId;
      if (!id) return null;
      return {
        action: a,
        field: (x) => ({
          text: `${x}: markPullRequestReadyForReview(input: { pullRequestId: $${x}i }) { clientMutationId }`,
          params: [`$${x}i: ID!`],
          vars: { [`${x}i`]: id },
        }),
      };
    }
    case "board": {
      // Values of items already on the board; new fields and items need their ids first.
      if (a.fields.length || a.add.length) return null;
      const values = a.set.flatMap((item) => item.values.map((v) => ({ item: item.itemId, v })));
      if (!values.length) return null;
      return {
        action: a,
        values: values.length,
        field: (x) => ({
          text: values
            .map(
              (_, n) =>
                `${x}_${n}: updateProjectV2ItemFieldValue(input: { projectId: $${x}p, itemId: $${x}i${n}, fieldId: $${x}f${n}, value: $${x}v${n} }) { clientMutationId }`,
            )
            .join(" "),
          params: [
            `$${x}p: ID!`,
            ...values.flatMap((_, n) => [
              `$${x}i${n}: ID!`,
              `$${x}f${n}: ID!`,
              `$${x}v${n}: ProjectV2FieldValue!`,
            ]),
          ],
          vars: Object.assign(
            { [`${x}p`]: a.projectId },
            ...values.map(({ item, v }, n) => ({
              [`${x}i${n}`]: item,
              [`${x}f${n}`]: v.fieldId,
              [`${x}v${n}`]: v.value,
            })),
          ) as Record<string, unknown>,
        }),
      };
    }
    default:
      return null;
  }
}

/**
 * Writes a run of issue writes, in order, with as few GraphQL requests as they allow (one for up
 * to 20): GitHub runs a document's mutations one after another, in the order written. Returns
 * the actions still to write over REST, in order: those it cannot express, and each whose
 * mutation GitHub refused (a label id that is gone, a node it cannot resolve). A request that
 * fails as a whole throws.
 */
export async function writeIssues(
  octokit: GitHubClient,
  actions: readonly Action[],
  keyedBody: (key: string, body: string) => string,
): Promise<Action[]> {
  const rest: Action[] = [];
  const writes: Write[] = [];
  for (const a of actions) {
    const w = writeOf(a, keyedBody);
    if (w) writes.push(w);
    else rest.push(a);
  }
  for (let start = 0; start < writes.length; start += PER_REQUEST) {
    const batch = writes.slice(start, start + PER_REQUEST);
    const fields = batch.map((w, i) => w.field(`w${i}`));
    const document = `mutation IssueWrites(${fields.flatMap((f) => f.params).join(", ")}) { ${fields.map((f) => f.text).join(" ")} }`;
    const vars = Object.assign({}, ...fields.map((f) => f.vars)) as Record<string, unknown>;
    const { failed } = await aliasedMutation(octokit, document, vars);
    batch.forEach((w, i) => {
      if (w.values !== undefined) {
        const refused = [...failed.keys()].filter((k) => k.startsWith(`w${i}_`)).length;
        // As the board's own writes: what succeeded stays, the next reconcile finds the rest.
        if (refused) octokit.log?.warn(`project board: ${refused} value(s) not set`);
        return;
      }
      if (!failed.has(`w${i}`)) return;
      for (const l of w.labels ?? []) forgetLabelId(l.repo, l.name);
      rest.push(w.action);
    });
  }
  const order = new Map(actions.map((a, i) => [a, i]));
  return rest.sort((a, b) => order.get(a)! - order.get(b)!);
}
