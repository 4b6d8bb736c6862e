import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signerFromPrivateKey } from "../trust/marker-signer.ts";
import { apiTask, checkoutTask } from "./fixtures.ts";
import { authenticSpec, parseSpecBlock, renderSpecBlock } from "./spec-block.ts";
import { taskSpecSchema, type TaskSpecInput } from "./task-spec.ts";

const pem = (): string =>
  generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs1",
    format: "pem",
  }) as string;
const app = signerFromPrivateKey(pem());
const otherApp = signerFromPrivateKey(pem());

const spec: TaskSpecInput = {
  v: 1,
  hub: "acme/hub",
  hub_issue: 12,
  task: { ...checkoutTask, title: "Checkout — “installments” ✓ <b>" },
  attempt: 2,
  base_branch: "main",
};
const body = `Intro text\n\n${renderSpecBlock(spec, app)}\n\nTrailing`;

/** `text` with the character at `index` of the block's payload (second line on) changed. */
function edit(text: string, index: number): string {
  const start = text.indexOf("\n", text.indexOf("<!-- havun:spec")) + 1 + index;
  const swap = text[start] === "A" ? "B" : "A";
  return text.slice(0, start) + swap + text.slice(start + 1);
}

describe("spec block", () => {
  it("round-trips through an issue body, verified with the App's key", () => {
    expect(parseSpecBlock(body, app)).toEqual({
      spec: taskSpecSchema.parse(spec),
      authentic: true,
    });
    expect(authenticSpec(body, app)).toEqual(taskSpecSchema.parse(spec));
  });

  it("is a hidden comment with base64url lines and the App's signature", () => {
    const block = renderSpecBlock(spec, app);
    expect(block).toMatch(
      /^<!-- havun:spec v2 sig=[A-Za-z0-9_-]{43}\n([A-Za-z0-9_-]{1,76}\n)+-->$/,
    );
    expect(renderSpecBlock(spec, app)).toBe(block);
  });

  it("survives CRLF line endings, as GitHub's editor writes them", () => {
    expect(parseSpecBlock(body.replace(/\n/g, "\r\n"), app)).toMatchObject({ authentic: true });
  });

  it("detects any one-character edit of the payload", () => {
    for (let i = 0; i < 76; i++) {
      const result = parseSpecBlock(edit(body, i), app);
      expect(result).not.toBeNull();
      expect(result).not.toMatchObject({ authentic: true });
    }
  });

  it("does not verify a spec signed by another key, or re-signed as an unkeyed digest would be", () => {
    expect(parseSpecBlock(renderSpecBlock(spec, otherApp), app)).toMatchObject({
      authentic: false,
    });
    expect(authenticSpec(renderSpecBlock(spec, otherApp), app)).toBeNull();
  });

  it("detects a payload replaced by another valid spec", () => {
    const other = renderSpecBlock({ ...spec, task: apiTask }, app);
    const payload = other.split("\n").slice(1, -1).join("\n");
    const [head] = renderSpecBlock(spec, app).split("\n");
    const forged = `${head}\n${payload}\n-->`;
    expect(parseSpecBlock(forged, app)).toMatchObject({
      authentic: false,
      spec: { task: { id: "installment-api" } },
    });
  });

  it("reads without a key as unverified (views only)", () => {
    expect(parseSpecBlock(body, null)).toMatchObject({ authentic: null });
  });

  it("returns null without a block, an error for two blocks or a damaged one", () => {
    expect(parseSpecBlock("just text", app)).toBeNull();
    expect(parseSpecBlock(`${body}\n${renderSpecBlock(spec, app)}`, app)).toEqual({
      error: "found 2 spec blocks; a sub-issue carries exactly one",
    });
    expect(parseSpecBlock(body.replace(/sig=[A-Za-z0-9_-]{4}/, "sig=zz"), app)).toMatchObject({
      error: expect.stringContaining("header"),
    });
    expect(parseSpecBlock(body.replace("-->", ""), app)).toMatchObject({
      error: expect.any(String),
    });
    expect(parseSpecBlock(`<!-- havun:spec v1 sha256=${"0".repeat(64)}\nAAAA\n-->`, app)).toEqual({
      error:
        "the spec block is v1; this App reads v2 — comment /retry on the sub-issue to have the App write it again",
    });
  });

  it("refuses to render an invalid spec", () => {
    expect(() => renderSpecBlock({ ...spec, hub: "not a repo" }, app)).toThrow();
  });
});
