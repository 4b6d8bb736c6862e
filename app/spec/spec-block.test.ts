import { describe, expect, it } from "vitest";
import { apiTask, checkoutTask } from "./fixtures.ts";
import { parseSpecBlock, renderSpecBlock } from "./spec-block.ts";
import { taskSpecSchema, type TaskSpecInput } from "./task-spec.ts";

const spec: TaskSpecInput = {
  v: 1,
  hub: "acme/hub",
  hub_issue: 12,
  task: { ...checkoutTask, title: "Checkout — “installments” ✓ <b>" },
  attempt: 2,
  base_branch: "main",
};
const body = `Intro text\n\n${renderSpecBlock(spec)}\n\nTrailing`;

/** `text` with the character at `index` of the block's payload (third line on) changed. */
function edit(text: string, index: number): string {
  const start = text.indexOf("\n", text.indexOf("<!-- havun:spec")) + 1 + index;
  const swap = text[start] === "A" ? "B" : "A";
  return text.slice(0, start) + swap + text.slice(start + 1);
}

describe("spec block", () => {
  it("round-trips through an issue body", () => {
    expect(parseSpecBlock(body)).toEqual({ spec: taskSpecSchema.parse(spec), digestOk: true });
  });

  it("is a hidden comment with base64url lines and a sha256 digest", () => {
    const block = renderSpecBlock(spec);
    expect(block).toMatch(/^<!-- havun:spec v1 sha256=[0-9a-f]{64}\n([A-Za-z0-9_-]{1,76}\n)+-->$/);
    expect(renderSpecBlock(spec)).toBe(block);
  });

  it("survives CRLF line endings, as GitHub's editor writes them", () => {
    expect(parseSpecBlock(body.replace(/\n/g, "\r\n"))).toMatchObject({ digestOk: true });
  });

  it("detects any one-character edit of the payload", () => {
    for (let i = 0; i < 76; i++) {
      const result = parseSpecBlock(edit(body, i));
      expect(result).not.toBeNull();
      expect(result).not.toMatchObject({ digestOk: true });
    }
  });

  it("detects a payload replaced by another valid spec", () => {
    const other = renderSpecBlock({ ...spec, task: apiTask });
    const payload = other.split("\n").slice(1, -1).join("\n");
    const [head] = renderSpecBlock(spec).split("\n");
    const forged = `${head}\n${payload}\n-->`;
    expect(parseSpecBlock(forged)).toMatchObject({
      digestOk: false,
      spec: { task: { id: "installment-api" } },
    });
  });

  it("returns null without a block, an error for two blocks or a damaged one", () => {
    expect(parseSpecBlock("just text")).toBeNull();
    expect(parseSpecBlock(`${body}\n${renderSpecBlock(spec)}`)).toEqual({
      error: "found 2 spec blocks; a sub-issue carries exactly one",
    });
    expect(parseSpecBlock(body.replace(/sha256=[0-9a-f]{4}/, "sha256=zz"))).toMatchObject({
      error: expect.stringContaining("header"),
    });
    expect(parseSpecBlock(body.replace("-->", ""))).toMatchObject({ error: expect.any(String) });
    expect(parseSpecBlock("<!-- havun:spec v2 sha256=00\nAAAA\n-->")).toEqual({
      error: "the spec block is v2; this version reads v1 — update the Action",
    });
  });

  it("refuses to render an invalid spec", () => {
    expect(() => renderSpecBlock({ ...spec, hub: "not a repo" })).toThrow();
  });
});
