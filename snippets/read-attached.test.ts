import { describe, expect, it } from "vitest";
import { MAX_ATTACHED } from "./delivery.ts";
import type { HubFiles } from "./hub-files.ts";
import { MAX_SNIPPET_BYTES } from "./metadata.ts";
import { readAttached } from "./read-attached.ts";

/** A hub held in memory: path → text. */
function memoryHub(files: Record<string, string>): HubFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async list(path) {
      const prefix = `${path}/`;
      const names = Object.keys(files).filter(
        (f) => f.startsWith(prefix) && !f.slice(prefix.length).includes("/"),
      );
      return names.length
        ? names.map((f) => ({
            name: f.slice(prefix.length),
            type: "file",
            size: Buffer.byteLength(files[f]!),
          }))
        : null;
    },
    async read(path) {
      reads.push(path);
      return files[path] === undefined ? null : new TextEncoder().encode(files[path]);
    },
  };
}
const snippet = (title: string, code = "export const x = 1;\n") =>
  `// ---\n// title: ${title}\n// description: D\n// tags: [t]\n// usage: U\n// requires: [left-pad]\n// secrets: [API_TOKEN]\n// ---\n${code}`;
const COMMIT = "a".repeat(40);

describe("the snippets a task attaches, as delivered to its agent", () => {
  it("reads each one's code and metadata from the library folder the config names", async () => {
    const hub = memoryHub({
      "lib/snips/pay/plans.js": snippet("Plans", "export const plans = [3, 6];\n"),
      "lib/snips/config/flags.json": "{}\n",
      "lib/snips/config/flags.meta.yml": "title: Flags\ndescription: D\nusage: U\n",
    });
    const d = await readAttached(hub, {
      ids: ["pay/plans", "config/flags"],
      dir: "lib/snips",
      commit: COMMIT,
    });
    expect(d.unavailable).toEqual([]);
    expect(d.commit).toBe(COMMIT);
    expect(d.attached).toEqual([
      {
        id: "pay/plans",
        file: "pay/plans.js",
        title: "Plans",
        description: "D",
        tags: ["t"],
        usage: "U",
        requires: ["left-pad"],
        secrets: ["API_TOKEN"],
        language: "javascript",
        code: "export const plans = [3, 6];\n",
      },
      expect.objectContaining({
        id: "config/flags",
        file: "config/flags.json",
        language: "json",
        code: "{}\n",
      }),
    ]);
  });

  it("names what it cannot deliver and why, without failing: unknown, invalid, too large, too many", async () => {
    const files: Record<string, string> = {
      "snippets/a/broken.ts": "// ---\n// title: [\n// ---\nx\n",
      "snippets/a/big.ts": snippet("Big", "x".repeat(MAX_SNIPPET_BYTES)),
    };
    for (let i = 0; i < MAX_ATTACHED; i++) files[`snippets/b/s${i}.ts`] = snippet(`S${i}`);
    const hub = memoryHub(files);
    const ids = [
      "a/missing",
      "a/broken",
      "a/big",
      "Not An Id",
      ...Array.from({ length: MAX_ATTACHED }, (_, i) => `b/s${i}`),
    ];
    const d = await readAttached(hub, { ids, dir: "snippets", commit: null });
    expect(d.unavailable.map((u) => [u.id, u.reason])).toEqual([
      ["a/missing", "not in the hub's snippet library (snippets/) on the hub's default branch"],
      ["a/broken", expect.stringMatching(/^snippets\/a\/broken\.ts:2: YAML syntax error/)],
      ["a/big", `larger than ${MAX_SNIPPET_BYTES} bytes`],
      ["Not An Id", "not a snippet id (<category>/<name>)"],
      ...Array.from({ length: 4 }, (_, i) => [
        `b/s${i + 1}`,
        `only the first ${MAX_ATTACHED} snippets of a task are delivered`,
      ]),
    ]);
    expect(d.attached.map((a) => a.id)).toEqual(["b/s0"]);
    expect(hub.reads).not.toContain("snippets/a/big.ts");
  });
});
