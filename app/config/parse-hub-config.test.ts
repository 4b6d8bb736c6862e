import { describe, expect, it } from "vitest";
import { MINIMAL_EXAMPLE } from "./example.ts";
import { HUB_AGENTS } from "./agents-config-schema.ts";
import { parseHubConfig } from "./parse-hub-config.ts";

const PROJECTS = "projects:\n  - repo: acme/api\n    description: The API\n";

function errorsOf(yaml: string) {
  const result = parseHubConfig(yaml);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("parseHubConfig", () => {
  it("fills in every default", () => {
    const result = parseHubConfig(PROJECTS);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      config: {
        version: 1,
        projects: [{ repo: "acme/api", description: "The API" }],
        planner: {
          model: "claude-sonnet-5-5",
          max_tokens: 8192,
          price_usd_per_mtok: { input: 3, output: 15 },
        },
        agent: {
          models: {
            analysis: "claude-sonnet-5-5",
            implementation: "claude-sonnet-5-5",
            testing: "claude-sonnet-5-5",
            review: "claude-opus-5-5",
            docs: "claude-haiku-5-5",
          },
          max_turns: 30,
          budget_usd: { per_task: 5, per_orchestration: 50 },
          max_parallel: 3,
          protected_paths: [
            ".github/workflows/**",
            ".github/actions/**",
            ".github/havun.yml",
            ".gitmodules",
          ],
          fix_attempts: 2,
          draft_until_green: true,
          attempts: 3,
        },
        agents: { defaults: "when_none", [HUB_AGENTS]: [] },
        dispatch: "parallel",
        approval: "risky",
        labels: { prefix: "havun", ready: "havun:ready" },
        snippets: { dir: "snippets" },
      },
    });
  });

  it("reads a full file, deriving the ready label from the prefix", () => {
    const result = parseHubConfig(`${PROJECTS}    stack: [php]
    contracts: { provides: [payments] }
planner: { model: claude-opus-5-5 }
agent:
  models: { review: claude-sonnet-5-5 }
  budget_usd: { per_task: 2.5 }
dispatch: wait_for_core
approval: required
labels: { prefix: hc }
project_board: { owner: acme, number: 7 }
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.labels).toEqual({ prefix: "hc", ready: "hc:ready" });
    expect(result.config.agent.models.review).toBe("claude-sonnet-5-5");
    expect(result.config.agent.models.docs).toBe("claude-haiku-5-5");
    expect(result.config.agent.budget_usd).toEqual({ per_task: 2.5, per_orchestration: 50 });
    expect(result.config.project_board).toMatchObject({
      owner: "acme",
      number: 7,
      status_field: "Status",
      board_commands: false,
    });
    expect(result.config.planner).toEqual({
      model: "claude-opus-5-5",
      max_tokens: 8192,
      price_usd_per_mtok: { input: 3, output: 15 },
    });
  });

  it("gives each error a path, a position and a fix", () => {
    const errors = errorsOf(`version: 2
projects:
  - repo: acme
    description: API
  - repo: acme/web
  - repo: Acme/Web
    description: again
dispatch: paralel
approval: maybe
agent:
  max_parallel: 0
  budget_usd: { per_task: -1 }
labels: 3
`);
    expect(errors).toEqual([
      {
        path: "version",
        message: "cannot be 2",
        fix: "this App reads version 1 files; set `version: 1`",
        line: 1,
        column: 1,
      },
      {
        path: "projects[0].repo",
        message: '"acme" is not owner/name',
        fix: "use owner/name, like acme/api",
        line: 3,
        column: 5,
      },
      {
        path: "projects[1].description",
        message: "description is required but missing",
        fix: "add `description:` with text",
        line: 5,
        column: 5,
      },
      {
        path: "projects[2].repo",
        message: "Acme/Web is listed twice (also projects[1]; names ignore case)",
        fix: "remove one of the two entries for Acme/Web",
        line: 6,
        column: 5,
      },
      {
        path: "dispatch",
        message: 'cannot be "paralel"',
        fix: "did you mean parallel?",
        line: 8,
        column: 1,
      },
      {
        path: "approval",
        message: 'cannot be "maybe"',
        fix: "use one of: auto, required, risky",
        line: 9,
        column: 1,
      },
      {
        path: "agent.max_parallel",
        message: "is 0; it must be at least 1",
        fix: "use a number that is at least 1",
        line: 11,
        column: 3,
      },
      {
        path: "agent.budget_usd.per_task",
        message: "is -1; it must be more than 0",
        fix: "use a number that is more than 0",
        line: 12,
        column: 17,
      },
      {
        path: "labels",
        message: "should be a mapping (key: value), not an integer",
        fix: "write a mapping (key: value)",
        line: 13,
        column: 1,
      },
    ]);
  });

  it("suggests the key that was meant for an unknown key", () => {
    const errors = errorsOf(`${PROJECTS}    stak: [php]
agnet: { max_turns: 5 }
colour: blue
`);
    expect(errors).toEqual([
      expect.objectContaining({ path: "projects[0].stak", fix: "did you mean `stack`?", line: 4 }),
      expect.objectContaining({ path: "agnet", fix: "did you mean `agent`?", line: 5 }),
      expect.objectContaining({
        path: "colour",
        message: "unknown key `colour`",
        fix: expect.stringMatching(
          /^remove it; the keys allowed here are: version, projects, planner/,
        ),
      }),
    ]);
  });

  it("points at a YAML syntax error's line and column", () => {
    expect(errorsOf("projects:\n  - repo: acme/api\n   description: x\n")).toEqual([
      {
        path: "",
        message: "YAML syntax error at line 3, column 1: Sequence item without - indicator",
        fix: expect.stringContaining("indentation"),
        line: 3,
        column: 1,
      },
    ]);
    expect(errorsOf("projects:\n\t- repo: acme/api\n")[0]).toMatchObject({
      line: 2,
      fix: "indent with spaces, not tabs",
    });
    expect(errorsOf(`${PROJECTS}projects: []\n`)[0]).toMatchObject({
      line: 4,
      fix: "keep one of the two entries with this key",
    });
  });

  it("rejects an empty file, a list, no projects and duplicate repos", () => {
    expect(errorsOf("# nothing yet\n")[0]).toMatchObject({
      path: "",
      message: "the file is empty",
    });
    expect(errorsOf("- acme/api\n")[0]).toMatchObject({
      path: "",
      message: "the document should be a mapping (key: value), not a list",
    });
    expect(errorsOf("version: 1\n")[0]).toMatchObject({
      path: "projects",
      message: "projects is required but missing",
    });
    expect(errorsOf("projects: []\n")[0]).toMatchObject({
      path: "projects",
      message: "has 0 items; at least 1 allowed",
    });
    expect(errorsOf(`${PROJECTS}  - repo: ACME/Api\n    description: again\n`)).toEqual([
      {
        path: "projects[1].repo",
        message: "ACME/Api is listed twice (also projects[0]; names ignore case)",
        fix: "remove one of the two entries for ACME/Api",
        line: 4,
        column: 5,
      },
    ]);
  });

  it("warns about what parses but is probably wrong", () => {
    const result = parseHubConfig(`projects:
  - repo: acme/api
    description: API
    contracts: { provides: [payments], consumes: [search] }
  - repo: acme/billing
    description: Billing
    contracts: { provides: [payments] }
dispatch: sequential
agent: { budget_usd: { per_task: 60 } }
`);
    expect(result.ok && result.warnings.map((w) => [w.path, w.message, w.line])).toEqual([
      [
        "projects[1].contracts.provides[0]",
        "contract payments is provided by both acme/api and acme/billing",
        7,
      ],
      [
        "projects[0].contracts.consumes[0]",
        "acme/api consumes contract search, which no project provides",
        4,
      ],
      ["agent.max_parallel", "agent.max_parallel (3) has no effect: dispatch is sequential", 9],
      [
        "agent.budget_usd.per_task",
        "one task may spend $60, more than the whole orchestration ($50)",
        9,
      ],
    ]);
  });

  it("accepts the minimal example shown with errors", () => {
    expect(parseHubConfig(MINIMAL_EXAMPLE)).toMatchObject({ ok: true, warnings: [] });
  });
});
