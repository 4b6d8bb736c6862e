import { describe, expect, it } from "vitest";
import { snippets } from "./sub-issue-sections.ts";

describe("the sub-issue's snippet section", () => {
  it("names each snippet with its title and usage, and where the agent gets the code", () => {
    const text = snippets(
      [
        {
          id: "payments/installment-plans",
          title: "Installment plans",
          usage: "Copy into src/installments.js.",
        },
        { id: "http/retry-fetch" },
      ],
      false,
      "0123456789abcdef0123456789abcdef01234567",
    );
    expect(text).toBe(
      [
        "## Snippets",
        "",
        "- `payments/installment-plans` — Installment plans",
        "  Usage: Copy into src/installments.js.",
        "- `http/retry-fetch`",
        "",
        "_From the hub's snippet library at commit `0123456789ab`: the agent gets each snippet's code, usage and requirements with the task (`havun snippets get <id>` shows one)._",
      ].join("\n"),
    );
  });

  it("shows the code when given and room allows; nothing for a task without snippets", () => {
    const text = snippets([{ id: "a/b", language: "js", content: "export const x = 1;" }], true);
    expect(text).toContain("- `a/b`\n\n```js\nexport const x = 1;\n```");
    expect(text).toContain("_From the hub's snippet library: the agent gets");
    expect(snippets([], true)).toBe("");
  });
});
