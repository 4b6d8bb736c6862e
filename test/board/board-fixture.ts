import type { Octokit } from "@octokit/rest";
import { DEMO_BOARD } from "../../cli/demo/world.ts";
import type { Harness } from "../app/harness.ts";

/** The harness's projects with a board, and one attempt per task (so a failure is final). */
export const BOARD_HUB_CONFIG = `version: 1
projects:
  - repo: havun/api
    description: The payments HTTP API (Node)
  - repo: havun/portal
    description: The customer portal that calls the API
agent:
  max_parallel: 3
  attempts: 1
project_board: { owner: havun, number: 1 }
`;

export { DEMO_BOARD };

/** One card as the board shows it: `Field name → value` (a single-select's option name). */
export type CardValues = Record<string, string | number>;

const BOARD_QUERY = `query($number: Int!) {
  organization(login: "havun") {
    projectV2(number: $number) {
      fields(first: 50) { nodes { ... on ProjectV2FieldCommon { name dataType } } }
      items(first: 100) { nodes {
        content { ... on Issue { number repository { nameWithOwner } } }
        fieldValues(first: 30) { nodes {
          ... on ProjectV2ItemFieldTextValue { text field { ... on ProjectV2FieldCommon { name } } }
          ... on ProjectV2ItemFieldNumberValue { number field { ... on ProjectV2FieldCommon { name } } }
          ... on ProjectV2ItemFieldSingleSelectValue { name field { ... on ProjectV2FieldCommon { name } } }
        } }
      } }
    }
  }
}`;

interface BoardData {
  organization: {
    projectV2: {
      fields: { nodes: { name: string; dataType: string }[] };
      items: {
        nodes: {
          content: { number: number; repository: { nameWithOwner: string } } | null;
          fieldValues: {
            nodes: { text?: string; number?: number; name?: string; field?: { name: string } }[];
          };
        }[];
      };
    };
  };
}

/** The board as a person sees it through GitHub's GraphQL API: fields, and cards by `repo#n`. */
export async function readBoard(
  gh: Octokit,
  number = 1,
): Promise<{ fields: string[]; cards: Record<string, CardValues> }> {
  const data = await gh.graphql<BoardData>(BOARD_QUERY, { number });
  const p = data.organization.projectV2;
  const cards: Record<string, CardValues> = {};
  for (const item of p.items.nodes) {
    if (!item.content) continue;
    const values: CardValues = {};
    for (const v of item.fieldValues.nodes) {
      if (!v.field || v.field.name === "Title") continue;
      const value = v.text ?? v.number ?? v.name;
      if (value !== undefined) values[v.field.name] = value;
    }
    cards[`${item.content.repository.nameWithOwner}#${item.content.number}`] = values;
  }
  return { fields: p.fields.nodes.map((f) => `${f.name}:${f.dataType}`), cards };
}

/** Each task's sub-issue of hub issue `hub`, by task id. */
export async function tasksOf(
  h: Harness,
  hub: number,
): Promise<Record<string, { repo: string; number: number }>> {
  const subs = await h.writer.issues.listSubIssues({
    owner: "havun",
    repo: "hub",
    issue_number: hub,
  });
  return Object.fromEntries(
    subs.data.map((s) => [
      /id=([a-z0-9-]+) -->/.exec(s.body ?? "")?.[1] ?? "",
      { repo: s.repository_url.split("/").slice(-2).join("/"), number: s.number },
    ]),
  );
}

/** The Status column of every card of an orchestration, by task id (`hub` for the hub's card). */
export async function statuses(
  h: Harness,
  hub: number,
): Promise<Record<string, string | number | undefined>> {
  const { cards } = await readBoard(h.writer);
  const tasks = await tasksOf(h, hub);
  return {
    hub: cards[`havun/hub#${hub}`]?.Status,
    ...Object.fromEntries(
      Object.entries(tasks).map(([id, t]) => [id, cards[`${t.repo}#${t.number}`]?.Status]),
    ),
  };
}
