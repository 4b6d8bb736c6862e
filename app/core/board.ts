import { BOARD_STATES, type BoardState, type ProjectBoardConfig } from "../config/board-schema.ts";
import { PRIORITIES, TASK_KINDS } from "../spec/task-schema.ts";
import type { Action, BoardFieldSpec, BoardFieldValue } from "./actions.ts";
import { issueCostUsd } from "./budget.ts";
import type {
  BoardField,
  BoardItem,
  BoardView,
  IssueRef,
  OrchestrationState,
  TaskStatus,
  TaskView,
} from "./state.ts";

/** A task's status as its card shows it. */
export const BOARD_STATE_OF: Record<TaskStatus, BoardState> = {
  pending: "planned",
  blocked: "blocked",
  ready: "ready",
  dispatched: "running",
  running: "running",
  review: "review",
  done: "done",
  failed: "failed",
  cancelled: "cancelled",
};

/** The fields besides Status that every card fills, and how the App creates a missing one. */
const FIELDS = [
  { key: "repository", name: "Repository", dataType: "TEXT", options: [] },
  { key: "kind", name: "Kind", dataType: "SINGLE_SELECT", options: [...TASK_KINDS] },
  { key: "priority", name: "Priority", dataType: "SINGLE_SELECT", options: [...PRIORITIES] },
  { key: "estimate", name: "Estimate", dataType: "NUMBER", options: [] },
  { key: "cost", name: "Cost", dataType: "NUMBER", options: [] },
  { key: "orchestration", name: "Orchestration", dataType: "TEXT", options: [] },
] as const;

type FieldKey = "status" | (typeof FIELDS)[number]["key"];

/** What one card should show; an absent value is left as it is. */
export type Card = { contentId: string } & Partial<Record<FieldKey, string | number>>;

export interface BoardInput {
  board: BoardView | null | undefined;
  config: ProjectBoardConfig | undefined;
  hub: IssueRef;
  /** Keys of the App's comments on the hub: each board problem is explained once. */
  commentKeys: string[];
  /** The hub's card first, then a card per task with a sub-issue. */
  cards: Card[];
}

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function fieldSpecs(config: ProjectBoardConfig): (BoardFieldSpec & { key: FieldKey })[] {
  const statusOptions = [...new Set(BOARD_STATES.map((s) => config.status[s]))];
  return [
    { key: "status", name: config.status_field, dataType: "SINGLE_SELECT", options: statusOptions },
    ...FIELDS.map((f) => ({ ...f, options: [...f.options] })),
  ];
}

/** The value to write into `field` for `want`, or why it cannot be written (null: never written). */
function valueFor(
  field: BoardField,
  want: string | number,
): BoardFieldValue["value"] | { missing: string } | null {
  switch (field.dataType) {
    case "TEXT":
      return { text: String(want) };
    case "NUMBER":
      return typeof want === "number" ? { number: want } : null;
    case "SINGLE_SELECT": {
      const o = field.options.find((x) => eq(x.name, String(want)));
      return o ? { singleSelectOptionId: o.id } : { missing: String(want) };
    }
    // GitHub's built-in fields (Repository, …) show what the issue has: nothing to write.
    default:
      return null;
  }
}

function same(current: string | number | undefined, value: BoardFieldValue["value"]): boolean {
  if ("text" in value) return current === value.text;
  if ("number" in value)
    return typeof current === "number" && Math.abs(current - value.number) < 1e-9;
  return current === value.singleSelectOptionId;
}

function problem(input: BoardInput, key: string, body: string): Action[] {
  const k = `board-${key}`;
  if (input.commentKeys.includes(k)) return [];
  return [{ kind: "comment", issue: input.hub, key: k, body }];
}

const ADDRESS = (c: ProjectBoardConfig) =>
  c.number === null
    ? `the project "${c.title}" of ${c.owner}`
    : `project ${c.number} of ${c.owner}`;

function accessProblem(input: BoardInput, board: BoardView, c: ProjectBoardConfig): Action[] {
  if (board.ownerKind === "User")
    return problem(
      input,
      "access",
      `**HavunCore cannot keep the project board up to date:** ${ADDRESS(c)} belongs to a user, and a GitHub App can change only an organization's projects. Use an organization project in \`project_board\` (\`.github/havun.yml\`).`,
    );
  const what = board.access === "read" ? "can read but not change" : "cannot read";
  return problem(
    input,
    "access",
    `**HavunCore cannot keep the project board up to date:** it ${what} ${ADDRESS(c)}${board.message ? ` (GitHub said: ${board.message})` : ""}. The App needs the organization permission **Projects: Read and write** (\`organization_projects: write\`): an owner of ${c.owner} accepts it in the App installation's settings. Until then the board is left alone; everything else goes on.`,
  );
}

/**
 * The board's writes for one reconcile, level-triggered: the hub issue and every sub-issue are
 * items; each card's fields are set to what it should show, and only where they differ (an
 * unchanged board costs nothing). Missing fields are created (their values follow in the next
 * round); an option a field lacks, a board that is missing or out of reach is explained once on
 * the hub. Options are never rewritten on a board the App did not create: GitHub replaces the
 * whole list and clears every card's value in that field.
 */
export function boardActions(input: BoardInput): Action[] {
  const { board, config: c } = input;
  if (!c || !board) return [];
  if (board.access === "denied") return accessProblem(input, board, c);
  if (board.access === "missing" || !board.project) {
    if (c.create && c.number === null)
      return [
        {
          kind: "create-board",
          owner: c.owner,
          title: c.title,
          statusField: c.status_field,
          statusOptions: fieldSpecs(c)[0]!.options,
        },
      ];
    return problem(
      input,
      "missing",
      `**HavunCore cannot find the project board:** ${ADDRESS(c)} does not exist${board.message ? ` (GitHub said: ${board.message})` : ""}. Fix \`project_board\` in \`.github/havun.yml\` (its \`url\`, or \`owner\` and \`number\`), or set \`create: true\` with a \`title\` to let HavunCore create it.`,
    );
  }
  if (board.access !== "write") return accessProblem(input, board, c);
  const project = board.project;
  const specs = fieldSpecs(c);
  const fields = new Map<FieldKey, BoardField>();
  const create: BoardFieldSpec[] = [];
  // Every option HavunCore may need that a single-select field lacks: named all at once.
  const missing = new Map<string, string[]>();
  for (const { key, ...spec } of specs) {
    const found = project.fields.find((f) => eq(f.name, spec.name));
    if (!found) create.push(spec);
    else fields.set(key, found);
    const lacking = spec.options.filter((o) => !found?.options.some((x) => eq(x.name, o)));
    if (found?.dataType === "SINGLE_SELECT" && lacking.length) missing.set(found.name, lacking);
  }
  const add: Extract<Action, { kind: "board" }>["add"] = [];
  const set: Extract<Action, { kind: "board" }>["set"] = [];
  for (const card of input.cards) {
    const item: BoardItem | undefined = board.items[card.contentId];
    const values: BoardFieldValue[] = [];
    for (const [key, field] of fields) {
      const raw = card[key];
      if (raw === undefined) continue;
      // A card's Status is one of HavunCore's states: the board shows its option for it.
      const want = key === "status" ? c.status[raw as BoardState] : raw;
      const value = valueFor(field, want);
      if (value === null) continue;
      if ("missing" in value) continue;
      if (!item || !same(item.values[field.id], value)) values.push({ fieldId: field.id, value });
    }
    if (!item) add.push({ contentId: card.contentId, values });
    else if (values.length) set.push({ itemId: item.id, values });
  }
  const actions: Action[] = [];
  if (create.length || add.length || set.length)
    actions.push({ kind: "board", projectId: project.id, fields: create, add, set });
  if (missing.size) {
    const lines = [...missing].map(
      ([field, names]) => `- **${field}**: ${names.map((n) => `\`${n}\``).join(", ")}`,
    );
    actions.push(
      ...problem(
        input,
        "options",
        [
          `**HavunCore cannot show everything on the project board:** [${project.title}](${project.url}) lacks these options:`,
          "",
          ...lines,
          "",
          `Add them to the fields in the project's settings (HavunCore does not edit the options of a field it did not create: GitHub's API replaces the whole list and clears that field on every card), or map HavunCore's states to the options you have with \`project_board.status\` in \`.github/havun.yml\`. Until then those cards keep their value.`,
        ].join("\n"),
      ),
    );
  }
  return actions;
}

/** The card of a task that has a sub-issue; `costUsd` is its recorded spending. */
export function taskCard(v: TaskView, hubRef: string, costUsd: number | null): Card | null {
  if (!v.issue) return null;
  return {
    contentId: v.issue.nodeId,
    status: BOARD_STATE_OF[v.status],
    repository: v.task.repo,
    kind: v.task.kind,
    priority: v.task.priority,
    estimate: v.task.estimate_minutes,
    orchestration: hubRef,
    ...(costUsd === null ? {} : { cost: Math.round(costUsd * 100) / 100 }),
  };
}

/** The orchestration's own state, for the hub's card. */
export function hubBoardState(o: {
  planned: boolean;
  waitingForApproval: boolean;
  cancelled: boolean;
  complete: boolean;
  views: TaskView[];
}): BoardState {
  if (o.cancelled) return "cancelled";
  if (o.complete) return "done";
  if (!o.planned || o.waitingForApproval) return "planned";
  const has = (...s: TaskStatus[]) => o.views.some((v) => s.includes(v.status));
  if (has("dispatched", "running")) return "running";
  if (has("review")) return "review";
  if (has("failed")) return "failed";
  return has("done") ? "running" : "ready";
}

/** Every card of an orchestration: the hub's (the whole orchestration) and each task's. */
export function orchestrationCards(
  state: OrchestrationState,
  views: TaskView[],
  o: { complete: boolean; waitingForApproval: boolean; cancelled: boolean; spentUsd: number },
): Card[] {
  const ref = `${state.hub.repo}#${state.hub.number}`;
  const hub: Card = {
    contentId: state.hub.nodeId,
    status: hubBoardState({ ...o, planned: state.plan !== null, views }),
    repository: state.hub.repo,
    estimate: views.reduce((n, v) => n + v.task.estimate_minutes, 0),
    cost: Math.round(o.spentUsd * 100) / 100,
    orchestration: ref,
  };
  const tasks = views.flatMap((v) => {
    // A task's Cost shows once a run of it recorded one.
    const card = taskCard(v, ref, v.issue?.runs?.length ? issueCostUsd(v.issue) : null);
    return card ? [card] : [];
  });
  return [hub, ...tasks];
}
