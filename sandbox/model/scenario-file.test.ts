import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ScenarioError } from "./errors.ts";
import { loadScenarioFile, parseScenario } from "./scenario-file.ts";

const dir = mkdtempSync(join(tmpdir(), "havun-scenarios-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe("scenario files", () => {
  it("reads YAML, naming the scenario after its file when it has no name", () => {
    const s = loadScenarioFile(
      file(
        "fix-bug.yaml",
        `match: { anyText: "BUG-1", tools: [Edit] }
turns:
  - content:
      - { type: tool_use, name: Edit, input: { file_path: "{{cwd}}/a" } }
  - content: [{ type: text, text: done }]
    usage: { output_tokens: 3 }
    delay_ms: 5
`,
      ),
    );
    expect(s.name).toBe("fix-bug");
    expect(s.match).toEqual({ anyText: "BUG-1", tools: ["Edit"] });
    expect(s.turns[1]).toMatchObject({ usage: { output_tokens: 3 }, delay_ms: 5 });
  });

  it("reads JSON with faults", () => {
    const s = loadScenarioFile(
      file(
        "x.json",
        JSON.stringify({
          name: "j",
          turns: [{ content: [{ type: "text", text: "hi" }] }],
          errors: [{ status: 529, times: 1 }],
        }),
      ),
    );
    expect(s).toMatchObject({ name: "j", match: {}, errors: [{ status: 529, times: 1 }] });
  });

  it("refuses a malformed scenario, saying where and what to read", () => {
    const bad = () =>
      parseScenario(
        { name: "b", turns: [{ content: [{ type: "tool_use", input: {} }] }] },
        "b.yaml",
      );
    expect(bad).toThrow(ScenarioError);
    expect(bad).toThrow(
      /b\.yaml is not a valid scenario: turns\.0\.content\.0\.name: .*sandbox\/model\/scenario\.ts/,
    );
    expect(() => loadScenarioFile(join(dir, "missing.yaml"))).toThrow(/cannot read scenario file/);
    expect(() => loadScenarioFile(file("broken.yaml", "turns: [\n"))).toThrow(/does not parse/);
  });
});
