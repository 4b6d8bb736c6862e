import { describe, expect, it } from "vitest";
import { hubConfigSchema } from "../config/hub-config-schema.ts";
import { boardActions, hubBoardState, type BoardInput, type Card } from "./board.ts";
import type { BoardView, TaskView } from "./state.ts";

const config = hubConfigSchema.parse({
  projects: [{ repo: "acme/api", description: "API" }],
  project_board: { owner: "acme", number: 3 },
}).project_board!;

const hub = { repo: "acme/hub", number: 1, id: 1, nodeId: "I_hub" };

const STATUS = [
  "Todo",
  "Blocked",
  "Ready",
  "In Progress",
  "In Review",
  "Done",
  "Failed",
  "Cancelled",
];
const opt = (name: string) => ({ id: `o-${name}`, name });

function board(extra: Partial<BoardView> = {}): BoardView {
  return {
    access: "write",
    ownerKind: "Organization",
    message: null,
    project: {
      id: "P",
      number: 3,
      title: "Delivery",
      url: "https://github.com/orgs/acme/projects/3",
      fields: [
        { id: "F-status", name: "Status", dataType: "SINGLE_SELECT", options: STATUS.map(opt) },
        { id: "F-repo", name: "Repository", dataType: "REPOSITORY", options: [] },
        {
          id: "F-kind",
          name: "Kind",
          dataType: "SINGLE_SELECT",
          options: ["analysis", "implementation", "testing", "review", "docs"].map(opt),
        },
        {
          id: "F-prio",
          name: "Priority",
          dataType: "SINGLE_SELECT",
          options: ["critical", "high", "medium", "low"].map(opt),
        },
        { id: "F-est", name: "Estimate", dataType: "NUMBER", options: [] },
        { id: "F-cost", name: "Cost", dataType: "NUMBER", options: [] },
        { id: "F-orch", name: "Orchestration", dataType: "TEXT", options: [] },
      ],
    },
    items: {},
    ...extra,
  };
}

const card: Card = {
  contentId: "I_api",
  status: "running",
  repository: "acme/api",
  kind: "implementation",
  priority: "high",
  estimate: 30,
  cost: 0.5,
  orchestration: "acme/hub#1",
};

const shown = {
  "F-status": "o-In Progress",
  "F-kind": "o-implementation",
  "F-prio": "o-high",
  "F-est": 30,
  "F-cost": 0.5,
  "F-orch": "acme/hub#1",
};

function input(b: BoardView, extra: Partial<BoardInput> = {}): BoardInput {
  return { board: b, config, hub, commentKeys: [], cards: [card], ...extra };
}

describe("the project board, level-triggered", () => {
  it("adds a missing card with every value it should show (GitHub fills Repository itself)", () => {
    const [a] = boardActions(input(board()));
    expect(a).toEqual({
      kind: "board",
      projectId: "P",
      fields: [],
      add: [
        {
          contentId: "I_api",
          values: Object.entries(shown).map(([fieldId, v]) => ({
            fieldId,
            value:
              typeof v === "number"
                ? { number: v }
                : fieldId === "F-orch"
                  ? { text: v }
                  : { singleSelectOptionId: v },
          })),
        },
      ],
      set: [],
    });
  });

  it("writes nothing for a board that shows what it should, and only what differs otherwise", () => {
    const same = board({ items: { I_api: { id: "IT", values: { ...shown } } } });
    expect(boardActions(input(same))).toEqual([]);
    const moved = board({
      items: { I_api: { id: "IT", values: { ...shown, "F-status": "o-Done", "F-cost": 0.25 } } },
    });
    expect(boardActions(input(moved))).toEqual([
      {
        kind: "board",
        projectId: "P",
        fields: [],
        add: [],
        set: [
          {
            itemId: "IT",
            values: [
              { fieldId: "F-status", value: { singleSelectOptionId: "o-In Progress" } },
              { fieldId: "F-cost", value: { number: 0.5 } },
            ],
          },
        ],
      },
    ]);
  });

  it("creates missing fields with HavunCore's options, and fills them only once they exist", () => {
    const b = board();
    b.project!.fields = b.project!.fields.filter((f) => f.name !== "Kind" && f.name !== "Cost");
    const [a] = boardActions(input(b));
    if (a?.kind !== "board") throw new Error("expected a board action");
    expect(a.fields).toEqual([
      {
        name: "Kind",
        dataType: "SINGLE_SELECT",
        options: ["analysis", "implementation", "testing", "review", "docs"],
      },
      { name: "Cost", dataType: "NUMBER", options: [] },
    ]);
    expect(a.add[0]!.values.map((v) => v.fieldId)).toEqual([
      "F-status",
      "F-prio",
      "F-est",
      "F-orch",
    ]);
  });

  it("maps states to the board's own option names and explains missing options once", () => {
    const b = board();
    b.project!.fields[0]!.options = ["Todo", "Doing", "Done"].map(opt);
    const mapped = { ...config, status: { ...config.status, running: "Doing" } };
    const actions = boardActions(input(b, { config: mapped }));
    expect(actions[0]).toMatchObject({
      add: [
        {
          values: expect.arrayContaining([
            { fieldId: "F-status", value: { singleSelectOptionId: "o-Doing" } },
          ]),
        },
      ],
    });
    expect(actions[1]).toMatchObject({ kind: "comment", key: "board-options" });
    expect((actions[1] as { body: string }).body).toContain(
      "- **Status**: `Blocked`, `Ready`, `In Review`, `Failed`, `Cancelled`",
    );
    expect(boardActions(input(b, { config: mapped, commentKeys: ["board-options"] }))).toHaveLength(
      1,
    );
  });

  it("explains a board it may not change once, and writes nothing to it", () => {
    const denied = board({
      access: "denied",
      project: null,
      message: "Resource not accessible by integration",
    });
    const [note] = boardActions(input(denied));
    expect(note).toMatchObject({ kind: "comment", key: "board-access" });
    expect((note as { body: string }).body).toContain("`organization_projects: write`");
    expect(boardActions(input(denied, { commentKeys: ["board-access"] }))).toEqual([]);
    const user = board({ access: "denied", ownerKind: "User", project: null });
    expect((boardActions(input(user))[0] as { body: string }).body).toContain("belongs to a user");
    expect(boardActions(input(board({ access: "read" })))[0]).toMatchObject({
      key: "board-access",
    });
  });

  it("creates a board that is missing only when told to, else says how to fix the config", () => {
    const missing = board({ access: "missing", project: null });
    expect(boardActions(input(missing))[0]).toMatchObject({
      kind: "comment",
      key: "board-missing",
    });
    const create = { ...config, number: null, create: true, title: "Deliveries" };
    expect(boardActions(input(missing, { config: create }))).toEqual([
      {
        kind: "create-board",
        owner: "acme",
        title: "Deliveries",
        statusField: "Status",
        statusOptions: STATUS,
      },
    ]);
  });

  it("shows the orchestration's own state on the hub's card", () => {
    const v = (status: TaskView["status"]) => ({ status }) as TaskView;
    const base = { planned: true, waitingForApproval: false, cancelled: false, complete: false };
    expect(hubBoardState({ ...base, planned: false, views: [] })).toBe("planned");
    expect(hubBoardState({ ...base, waitingForApproval: true, views: [v("ready")] })).toBe(
      "planned",
    );
    expect(hubBoardState({ ...base, views: [v("done"), v("dispatched")] })).toBe("running");
    expect(hubBoardState({ ...base, views: [v("review"), v("blocked")] })).toBe("review");
    expect(hubBoardState({ ...base, views: [v("failed"), v("blocked")] })).toBe("failed");
    expect(hubBoardState({ ...base, views: [v("ready"), v("blocked")] })).toBe("ready");
    expect(hubBoardState({ ...base, complete: true, views: [v("done")] })).toBe("done");
    expect(hubBoardState({ ...base, cancelled: true, views: [v("running")] })).toBe("cancelled");
  });
});
