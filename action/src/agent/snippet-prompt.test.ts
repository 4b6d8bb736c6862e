import { describe, expect, it } from "vitest";
import type { AttachedSnippet, SnippetDelivery } from "../../../snippets/delivery.ts";
import { PROMPT_CODE_CHARS, snippetSection } from "./snippet-prompt.ts";

const snippet = (id: string, code: string): AttachedSnippet => ({
  id,
  file: `${id}.js`,
  title: `Title of ${id}`,
  description: "What it does.",
  tags: ["t"],
  usage: "Copy it to src/x.js.",
  requires: ["left-pad"],
  secrets: ["API_TOKEN"],
  language: "javascript",
  code,
});

describe("the agent prompt's snippet section", () => {
  it("gives each snippet's usage, needs, file and code in a fence its code cannot close", () => {
    const delivery: SnippetDelivery = {
      commit: "0123456789abcdef0123456789abcdef01234567",
      attached: [snippet("pay/plans", "const md = ```not a fence```;\n")],
      unavailable: [
        {
          id: "pay/gone",
          reason: "not in the hub's snippet library (snippets/) at hub commit 0123456789ab",
        },
      ],
    };
    const text = snippetSection({
      delivery,
      placed: {
        dir: "/home/run/.havun/snippets",
        files: { "pay/plans": "/home/run/.havun/snippets/pay/plans.js" },
      },
      ids: ["pay/plans", "pay/gone"],
    }).join("\n");
    expect(text).toContain("## Snippets to use");
    expect(text).toContain("(at hub commit 0123456789ab)");
    expect(text).toContain(
      "### pay/plans: Title of pay/plans\nWhat it does.\nUsage: Copy it to src/x.js.",
    );
    expect(text).toContain("Requires packages: left-pad");
    expect(text).toContain(
      "Reads secrets from the environment: API_TOKEN (never write their values)",
    );
    expect(text).toContain("File: /home/run/.havun/snippets/pay/plans.js");
    expect(text).toContain("````javascript\nconst md = ```not a fence```;\n````");
    expect(text).toContain("under /home/run/.havun/snippets (outside the repository");
    expect(text).toContain(
      "- pay/gone could not be given to you: not in the hub's snippet library",
    );
  });

  it("keeps the code it shows within the budget and points at the file for the rest", () => {
    const big = "x".repeat(PROMPT_CODE_CHARS - 10);
    const text = snippetSection({
      delivery: {
        commit: null,
        attached: [snippet("a/big", big), snippet("a/next", "y".repeat(20))],
        unavailable: [],
      },
      placed: { dir: "/h", files: { "a/big": "/h/a/big.js", "a/next": "/h/a/next.js" } },
      ids: ["a/big", "a/next"],
    }).join("\n");
    expect(text).toContain("from the hub's default branch");
    expect(text).toContain(big);
    expect(text).toContain("(The code is too long to show here: read /h/a/next.js.)");
  });

  it("is empty for a task without snippets", () => {
    expect(
      snippetSection({
        delivery: { commit: null, attached: [], unavailable: [] },
        placed: null,
        ids: [],
      }),
    ).toEqual([]);
  });
});
