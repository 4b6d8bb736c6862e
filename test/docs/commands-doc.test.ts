import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../app/commands/command.ts";
import { COMMANDS_DOC, commandsDoc, commandsDocText } from "../../scripts/commands-doc-text.ts";

describe("docs/commands.md", () => {
  it("is generated from the code (run `npx tsx scripts/commands-doc.ts` if not)", async () => {
    expect(readFileSync(COMMANDS_DOC, "utf8")).toBe(await commandsDoc());
  });

  it("lists every issue command and every CLI command with its options", () => {
    const text = commandsDocText();
    for (const c of COMMANDS) expect(text).toContain(`| ${c.name} |`);
    expect(text).toContain("### `havun doctor`");
    expect(text).toContain("### `havun vault seal <NAME>`");
    expect(text).toMatch(/\| `--hub <owner\/repo>` \|/);
  });
});
