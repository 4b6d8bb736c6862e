import { describe, expect, it } from "vitest";
import { parseAgentFile } from "./parse-agent-file.ts";

const PATH = ".github/havun/agents/backend-engineer.md";
const file = (text: string) => parseAgentFile({ path: PATH, text });
const errorsOf = (text: string) => {
  const r = file(text);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
};

const GOOD = `---
name: backend-engineer
description: Server-side work in the payments API.
kinds: [implementation, testing]
model: claude-opus-5-5
fallback_model: claude-sonnet-5-5
max_turns: 40
budget_usd: 8
allowed_tools: [Read, Edit, "Bash(npm test:*)"]
repos: [acme/api, "acme/*-service"]
---
Work in small steps.

Run the tests.
`;

describe("an agent file", () => {
  it("reads its front matter and takes the body as its standing instructions", () => {
    const r = file(GOOD);
    expect(r).toEqual({
      ok: true,
      agent: {
        name: "backend-engineer",
        description: "Server-side work in the payments API.",
        kinds: ["implementation", "testing"],
        model: "claude-opus-5-5",
        fallback_model: "claude-sonnet-5-5",
        max_turns: 40,
        budget_usd: 8,
        allowed_tools: ["Read", "Edit", "Bash(npm test:*)"],
        repos: ["acme/api", "acme/*-service"],
        produces: "pull_request",
        instructions: "Work in small steps.\n\nRun the tests.",
        source: PATH,
      },
    });
  });

  it("without front matter, or with it unclosed, says how to write it", () => {
    expect(errorsOf("Just instructions.\n")).toEqual([
      expect.objectContaining({
        file: PATH,
        line: 1,
        message: "the file does not start with front matter",
      }),
    ]);
    expect(errorsOf("---\nname: x\n")[0]).toMatchObject({
      file: PATH,
      message: "the front matter opened here is never closed",
      fix: "end it with a line `---` before the instructions",
    });
  });

  it("points a YAML syntax error at its line in the file", () => {
    const [e] = errorsOf("---\nname: a-b\ndescription: x\n  kinds: [docs\n---\nBody\n");
    expect(e).toMatchObject({ file: PATH, path: "" });
    expect(e!.message).toMatch(/^YAML syntax error: /);
    expect(e!.line).toBeGreaterThanOrEqual(3);
  });

  it("names an unknown kind and an unknown key at their lines, with a fix", () => {
    const errors = errorsOf(
      "---\nname: tester\ndescription: Tests.\nkinds: [testin]\nmodle: claude-x\n---\nBody\n",
    );
    expect(errors).toEqual([
      expect.objectContaining({
        file: PATH,
        path: "kinds[0]",
        line: 4,
        message: 'cannot be "testin"',
        fix: "did you mean testing?",
      }),
      expect.objectContaining({
        file: PATH,
        path: "modle",
        line: 5,
        message: "unknown key `modle`",
        fix: "did you mean `model`?",
      }),
    ]);
  });

  it("requires name, description and kinds, and a name in the agent-name form", () => {
    const errors = errorsOf("---\nname: Backend Engineer\n---\nBody\n");
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ["name", '"Backend Engineer" is not an agent name'],
      ["description", "description is required but missing"],
      ["kinds", "kinds is required but missing"],
    ]);
    expect(errors[0]).toMatchObject({ line: 2, fix: expect.stringContaining("backend-engineer") });
  });

  it("lets only a review-only agent produce reviews, and needs instructions", () => {
    const errors = errorsOf(
      "---\nname: reviewer\ndescription: Reviews.\nkinds: [review, docs]\nproduces: review\n---\n",
    );
    expect(errors).toEqual([
      expect.objectContaining({
        path: "produces",
        line: 5,
        message: "an agent that produces reviews serves only review tasks",
      }),
      expect.objectContaining({ message: "the file has no instructions below its front matter" }),
    ]);
  });

  it("refuses a kind listed twice and instructions longer than a spec carries", () => {
    const twice = errorsOf("---\nname: dup\ndescription: d\nkinds: [docs, docs]\n---\nBody\n");
    expect(twice[0]).toMatchObject({ path: "kinds", fix: "list each kind once" });
    const long = errorsOf(
      `---\nname: long\ndescription: d\nkinds: [docs]\n---\n${"x".repeat(12_001)}\n`,
    );
    expect(long[0]!.message).toBe(
      "its instructions are 12,001 characters; at most 12,000 are allowed",
    );
  });
});
