import type { Action, BoardFieldValue } from "../core/actions.ts";
import type { GitHubClient } from "./client.ts";

type BoardAction = Extract<Action, { kind: "board" }>;
type CreateBoard = Extract<Action, { kind: "create-board" }>;

/** Mutations per request: GitHub documents no limit; this keeps one request's work bounded. */
export const MUTATIONS_PER_REQUEST = 50;

const COLORS = ["GRAY", "BLUE", "YELLOW", "ORANGE", "PURPLE", "GREEN", "RED", "PINK"];

interface Aliased {
  /** `name: mutation(input: {...}) { ... }` with `$vars` of its own. */
  text: string;
  vars: Record<string, [type: string, value: unknown]>;
}

/** One request per chunk of aliased mutations; the data of all of them, by alias. */
async function run(octokit: GitHubClient, list: Aliased[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < list.length; i += MUTATIONS_PER_REQUEST) {
    const chunk = list.slice(i, i + MUTATIONS_PER_REQUEST);
    const vars = Object.assign({}, ...chunk.map((m) => m.vars)) as Aliased["vars"];
    const head = Object.entries(vars)
      .map(([name, [type]]) => `$${name}: ${type}`)
      .join(", ");
    const doc = `mutation HavunBoard(${head}) {\n${chunk.map((m) => m.text).join("\n")}\n}`;
    const values = Object.fromEntries(Object.entries(vars).map(([n, [, v]]) => [n, v]));
    try {
      Object.assign(out, await octokit.graphql<Record<string, unknown>>(doc, values));
    } catch (err) {
      // GitHub runs every mutation of a request and reports each failure beside the others'
      // data: keep what succeeded; the next reconcile finds the rest still to do.
      const e = err as { data?: Record<string, unknown> | null; errors?: unknown[] };
      if (!e.errors || !e.data) throw err;
      Object.assign(out, e.data);
      octokit.log?.warn(`project board: ${(err as Error).message}`);
    }
  }
  return out;
}

function options(names: string[], existing: { name: string; color: string }[] = []) {
  return names.map((name, i) => ({
    name,
    color:
      existing.find((o) => o.name.toLowerCase() === name.toLowerCase())?.color ??
      COLORS[i % COLORS.length],
    description: "",
  }));
}

function setValue(projectId: string, n: number, itemId: string, v: BoardFieldValue): Aliased {
  return {
    text: `s${n}: updateProjectV2ItemFieldValue(input: { projectId: $p, itemId: $i${n}, fieldId: $f${n}, value: $v${n} }) { clientMutationId }`,
    vars: {
      p: ["ID!", projectId],
      [`i${n}`]: ["ID!", itemId],
      [`f${n}`]: ["ID!", v.fieldId],
      [`v${n}`]: ["ProjectV2FieldValue!", v.value],
    },
  };
}

/**
 * The board's writes of one reconcile, with aliases: one request creates the missing fields and
 * adds the missing items (GitHub returns the new items' ids), one more sets every value that
 * differs — on new items too. At most two requests (more only past 50 mutations each).
 */
export async function applyBoard(octokit: GitHubClient, a: BoardAction): Promise<void> {
  const first: Aliased[] = [
    ...a.fields.map((f, n) => ({
      text: `f${n}: createProjectV2Field(input: { projectId: $p, name: $fn${n}, dataType: ${f.dataType}${f.options.length ? `, singleSelectOptions: $fo${n}` : ""} }) { clientMutationId }`,
      vars: {
        p: ["ID!", a.projectId] as [string, unknown],
        [`fn${n}`]: ["String!", f.name] as [string, unknown],
        ...(f.options.length
          ? {
              [`fo${n}`]: ["[ProjectV2SingleSelectFieldOptionInput!]", options(f.options)] as [
                string,
                unknown,
              ],
            }
          : {}),
      },
    })),
    ...a.add.map((item, n) => ({
      text: `a${n}: addProjectV2ItemById(input: { projectId: $p, contentId: $c${n} }) { item { id } }`,
      vars: {
        p: ["ID!", a.projectId] as [string, unknown],
        [`c${n}`]: ["ID!", item.contentId] as [string, unknown],
      },
    })),
  ];
  const added = first.length ? await run(octokit, first) : {};
  const sets: { itemId: string; value: BoardFieldValue }[] = [
    ...a.add.flatMap((item, n) => {
      const id = (added[`a${n}`] as { item?: { id: string } } | undefined)?.item?.id;
      return id ? item.values.map((value) => ({ itemId: id, value })) : [];
    }),
    ...a.set.flatMap((item) => item.values.map((value) => ({ itemId: item.itemId, value }))),
  ];
  if (sets.length)
    await run(
      octokit,
      sets.map((s, n) => setValue(a.projectId, n, s.itemId, s.value)),
    );
}

interface NewProject {
  createProjectV2: {
    projectV2: {
      id: string;
      fields: {
        nodes: ({
          id?: string;
          name?: string;
          options?: { name: string; color: string }[];
        } | null)[];
      };
    };
  };
}

/**
 * `project_board` with `create: true` and no such project yet: the project, then its Status
 * field's options set to HavunCore's (a new board has no card whose value they could clear).
 */
export async function createBoard(octokit: GitHubClient, a: CreateBoard): Promise<void> {
  const owner = await octokit.graphql<{ repositoryOwner: { id: string } | null }>(
    `query OwnerId($login: String!) { repositoryOwner(login: $login) { id } }`,
    { login: a.owner },
  );
  if (!owner.repositoryOwner) throw new Error(`project_board: ${a.owner} does not exist`);
  const made = await octokit.graphql<NewProject>(
    `mutation($o: ID!, $t: String!) { createProjectV2(input: { ownerId: $o, title: $t }) { projectV2 { id fields(first: 50) { nodes { ... on ProjectV2SingleSelectField { id name options { name color } } } } } } }`,
    { o: owner.repositoryOwner.id, t: a.title },
  );
  const project = made.createProjectV2.projectV2;
  const status = project.fields.nodes.find(
    (f) => f?.id && f.name?.toLowerCase() === a.statusField.toLowerCase(),
  );
  if (status?.id)
    await octokit.graphql(
      `mutation($f: ID!, $o: [ProjectV2SingleSelectFieldOptionInput!]) { updateProjectV2Field(input: { fieldId: $f, singleSelectOptions: $o }) { clientMutationId } }`,
      { f: status.id, o: options(a.statusOptions, status.options) },
    );
  else
    await octokit.graphql(
      `mutation($p: ID!, $n: String!, $o: [ProjectV2SingleSelectFieldOptionInput!]) { createProjectV2Field(input: { projectId: $p, name: $n, dataType: SINGLE_SELECT, singleSelectOptions: $o }) { clientMutationId } }`,
      { p: project.id, n: a.statusField, o: options(a.statusOptions) },
    );
}
