import { z } from "zod";
import { withFix } from "./fixes.ts";

/** The states a card's Status mirrors (a task's; the hub card shows the orchestration's). */
export const BOARD_STATES = [
  "planned",
  "blocked",
  "ready",
  "running",
  "review",
  "done",
  "failed",
  "cancelled",
] as const;
export type BoardState = (typeof BOARD_STATES)[number];

/** GitHub's default Status options come first, so a new board needs the fewest added. */
export const DEFAULT_STATUS_NAMES: Record<BoardState, string> = {
  planned: "Todo",
  blocked: "Blocked",
  ready: "Ready",
  running: "In Progress",
  review: "In Review",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

const option = z.string().trim().min(1).max(100);
const statusNames = z
  .strictObject(
    Object.fromEntries(
      BOARD_STATES.map((s) => [s, option.default(DEFAULT_STATUS_NAMES[s])]),
    ) as Record<BoardState, z.ZodDefault<typeof option>>,
  )
  .prefault({})
  .describe("The Status option each state shows as (several states may share one).");

const PROJECT_URL = /^https?:\/\/[^/]+\/(orgs|users)\/([A-Za-z0-9-]{1,39})\/projects\/(\d+)\/?$/;

/**
 * `project_board`: the Projects (v2) board that mirrors the orchestrations: by `url`, or
 * `owner` and `number`, or `owner` and `title` (with `create: true` the App makes it when the
 * owner has no project of that title).
 */
export const projectBoardSchema = z
  .strictObject({
    url: withFix(z.string().regex(PROJECT_URL), {
      form: "a project's URL",
      fix: "copy the project's address, like https://github.com/orgs/acme/projects/3",
    })
      .optional()
      .describe("The project's address (its owner and number)."),
    owner: z
      .string()
      .min(1)
      .max(39)
      .optional()
      .describe("The organization (or user) owning the project."),
    number: z.number().int().positive().optional().describe("The project's number, from its URL."),
    title: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .default("HavunCore")
      .describe("Without a number: the project found (or created) by this title."),
    create: z
      .boolean()
      .default(false)
      .describe("Without a number: create the project when the owner has none of this title."),
    status_field: z.string().min(1).max(100).default("Status"),
    status: statusNames,
    board_commands: z
      .boolean()
      .default(false)
      .describe(
        "A writer moving a card to the cancelled (or done) Status acts as /cancel (or closing the task); otherwise the App moves it back.",
      ),
  })
  .transform((b, ctx) => {
    const m = b.url ? PROJECT_URL.exec(b.url) : null;
    const owner = m?.[2] ?? b.owner;
    const number = m?.[3] ? Number(m[3]) : (b.number ?? null);
    if (!owner) {
      ctx.addIssue({
        code: "custom",
        path: ["owner"],
        message: "the board needs an owner: give `url`, or `owner` (and `number` or `title`)",
      });
      return z.NEVER;
    }
    if (number === null && !b.create) {
      ctx.addIssue({
        code: "custom",
        path: ["number"],
        message: "say which project: its `number` (or `url`), or set `create: true` with a `title`",
      });
      return z.NEVER;
    }
    return {
      owner,
      number,
      title: b.title,
      create: b.create,
      status_field: b.status_field,
      status: b.status,
      board_commands: b.board_commands,
    };
  })
  .optional()
  .describe("A GitHub Projects board that mirrors task status.");

export type ProjectBoardConfig = NonNullable<z.output<typeof projectBoardSchema>>;
