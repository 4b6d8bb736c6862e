import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parseHubConfig } from "../config/parse-hub-config.ts";
import { renderConfigErrors } from "../config/render-config-errors.ts";
import { TASK_KINDS } from "../spec/task-schema.ts";
import { agentFrontMatterSchema, agentJsonSchemaText } from "./agent-schema.ts";
import { defaultAgents } from "./default-agents.ts";
import { agentRegistry, agentServes, parseHubAgents } from "./registry.ts";
import { repoGlobMatches } from "./repo-glob.ts";

const HUB = "version: 1\nprojects:\n  - repo: acme/api\n    description: The API\n";
const agent = (name: string, extra = "", path = `.github/havun/agents/${name}.md`) => ({
  path,
  text: `---\nname: ${name}\ndescription: Does ${name} work.\nkinds: [implementation]\n${extra}---\nInstructions of ${name}.\n`,
});

describe("the hub's agents", () => {
  it("refuses two files with the same name, naming the first", () => {
    const r = parseHubAgents([
      agent("builder"),
      agent("builder", "", ".github/havun/agents/b2.md"),
    ]);
    expect(r.agents.map((a) => a.source)).toEqual([".github/havun/agents/b2.md"]);
    expect(r.errors).toEqual([
      {
        path: "name",
        file: ".github/havun/agents/builder.md",
        line: 2,
        message: "the name builder is already taken by .github/havun/agents/b2.md",
        fix: "give each agent its own name: rename this one, or remove one of the two files",
      },
    ]);
    // The file whose name differs from its agent's is pointed out.
    expect(r.warnings[0]).toMatchObject({
      file: ".github/havun/agents/b2.md",
      fix: "rename the file to builder.md, so it is found by its name",
    });
  });

  it("are validated with the hub config: each problem with its file, line and fix", () => {
    const r = parseHubConfig(HUB, [
      agent("builder"),
      {
        path: ".github/havun/agents/docs.md",
        text: "---\nname: docs\ndescription: d\nkinds: [doc]\n---\nx\n",
      },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: ".github/havun/agents/docs.md",
        path: "kinds[0]",
        line: 4,
        fix: "did you mean docs?",
      }),
    ]);
    const comment = renderConfigErrors(r.errors);
    expect(comment).toContain("HavunCore cannot use `.github/havun.yml` and the hub's agent files");
    expect(comment).toContain("**`.github/havun/agents/docs.md` `kinds[0]` (line 4, column 9)** —");
  });

  it("reports the config's own problems and the agents' together", () => {
    const r = parseHubConfig("version: 1\nprojects: []\n", [
      { path: ".github/havun/agents/x.md", text: "no front matter" },
    ]);
    expect(!r.ok && r.errors.map((e) => e.file ?? ".github/havun.yml")).toEqual([
      ".github/havun.yml",
      ".github/havun/agents/x.md",
    ]);
  });

  it("replace HavunCore's defaults, or join them with `defaults: also`", () => {
    const own = parseHubConfig(HUB, [agent("builder")]);
    const also = parseHubConfig(`${HUB}agents: { defaults: also }\n`, [
      agent("reviewer", "kinds: [review]\n".replace("kinds", "#")),
    ]);
    const none = parseHubConfig(HUB);
    if (!own.ok || !also.ok || !none.ok) throw new Error("expected valid configs");
    expect(agentRegistry(own.config).map((a) => a.name)).toEqual(["builder"]);
    expect(agentRegistry(none.config).map((a) => a.name)).toEqual([
      "docs-writer",
      "implementer",
      "reviewer",
      "test-writer",
    ]);
    // The hub's reviewer replaces the default of that name; the other defaults stay.
    const names = agentRegistry(also.config).map((a) => `${a.name}:${a.source}`);
    expect(names).toEqual([
      "reviewer:.github/havun/agents/reviewer.md",
      "docs-writer:havuncore:agents/docs-writer.md",
      "implementer:havuncore:agents/implementer.md",
      "test-writer:havuncore:agents/test-writer.md",
    ]);
    // A config given to the schema again keeps working (its agents start over with none).
    expect(own.config.agents.defaults).toBe("when_none");
    expect(parseHubConfig(HUB).ok && Object.keys(own.config.agents)).toEqual(["defaults"]);
  });

  it("warn about agents that can work nowhere and kinds nobody serves", () => {
    const r = parseHubConfig(HUB, [agent("web", "repos: [acme/web]\n")]);
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual([
      "agent web may work in none of the hub's projects (acme/web)",
      "no agent serves analysis, testing, review, docs tasks, so none are planned",
    ]);
  });

  it("refuses more than 50 files", () => {
    const many = Array.from({ length: 51 }, (_, i) => agent(`a${String(i).padStart(2, "0")}`));
    expect(parseHubAgents(many).errors[0]!.message).toBe(
      "the hub has more than 50 agent files; at most 50 are read",
    );
  });
});

describe("HavunCore's default agents", () => {
  it("are valid files that together serve every task kind, one reviewer producing reviews", () => {
    const agents = defaultAgents();
    for (const kind of TASK_KINDS)
      expect(
        agents.some((a) => a.kinds.includes(kind)),
        kind,
      ).toBe(true);
    expect(agents.filter((a) => a.produces === "review").map((a) => a.name)).toEqual(["reviewer"]);
    expect(agents.find((a) => a.name === "reviewer")!.allowed_tools).not.toContain("Edit");
    expect(agents.every((a) => a.model === undefined)).toBe(true);
  });
});

describe("an agent's repos", () => {
  it("match owner/name globs, ignoring case", () => {
    expect(repoGlobMatches("acme/*", "Acme/API")).toBe(true);
    expect(repoGlobMatches("*/api", "other/api")).toBe(true);
    expect(repoGlobMatches("acme/web-*", "acme/web-shop")).toBe(true);
    expect(repoGlobMatches("acme/web-*", "acme/api")).toBe(false);
    expect(repoGlobMatches("acme/a.i", "acme/abi")).toBe(false);
    const [builder] = parseHubAgents([agent("builder", "repos: [acme/api]\n")]).agents;
    expect(agentServes(builder!, { kind: "implementation", repo: "acme/api" })).toBe(true);
    expect(agentServes(builder!, { kind: "implementation", repo: "acme/web" })).toBe(false);
    expect(agentServes(builder!, { kind: "docs", repo: "acme/api" })).toBe(false);
  });
});

describe("agent.schema.json", () => {
  it("is up to date with the zod schema (run `npm run schema` if not)", () => {
    const committed = readFileSync(new URL("./agent.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(agentJsonSchemaText());
  });

  it("accepts what a person writes and refuses unknown keys and kinds", () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(agentJsonSchemaText()));
    const ok = { name: "builder", description: "d", kinds: ["docs"] };
    expect(validate(ok)).toBe(true);
    expect(agentFrontMatterSchema.safeParse(ok).success).toBe(true);
    expect(validate({ ...ok, kinds: ["doc"] })).toBe(false);
    expect(validate({ ...ok, modle: "x" })).toBe(false);
  });
});
