import { describe, expect, it } from "vitest";
import { parseHubConfig } from "./parse-hub-config.ts";

const PROJECTS = `version: 1
projects:
  - repo: acme/api
    description: API
`;

function board(yaml: string) {
  const r = parseHubConfig(`${PROJECTS}project_board:\n${yaml}`);
  return r;
}

describe("project_board in .github/havun.yml", () => {
  it("takes a project's URL for its owner and number, with every Status name defaulted", () => {
    const r = board("  url: https://github.com/orgs/acme/projects/3\n  board_commands: true\n");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.project_board).toEqual({
      owner: "acme",
      number: 3,
      title: "HavunCore",
      create: false,
      status_field: "Status",
      status: {
        planned: "Todo",
        blocked: "Blocked",
        ready: "Ready",
        running: "In Progress",
        review: "In Review",
        done: "Done",
        failed: "Failed",
        cancelled: "Cancelled",
      },
      board_commands: true,
    });
  });

  it("maps states to the board's own option names, several to one", () => {
    const r = board(
      "  owner: acme\n  number: 1\n  status: { ready: Todo, blocked: Todo, review: Review }\n",
    );
    expect(r.ok && r.config.project_board?.status).toMatchObject({
      ready: "Todo",
      blocked: "Todo",
      review: "Review",
      done: "Done",
    });
  });

  it("finds or creates a board by title only when told to create it", () => {
    const made = board("  owner: acme\n  title: Delivery\n  create: true\n");
    expect(made.ok && made.config.project_board).toMatchObject({
      owner: "acme",
      number: null,
      title: "Delivery",
      create: true,
    });
    const none = board("  owner: acme\n  title: Delivery\n");
    expect(none.ok).toBe(false);
    if (none.ok) return;
    expect(none.errors[0]).toMatchObject({
      path: "project_board.number",
      message: expect.stringContaining("say which project"),
    });
  });

  it("says what a project URL looks like when it is not one", () => {
    const r = board("  url: https://github.com/acme/api\n");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.path).toBe("project_board.url");
    expect(r.errors[0]?.fix).toContain("https://github.com/orgs/acme/projects/3");
  });
});
