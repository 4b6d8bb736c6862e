import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildLibrary } from "./library.ts";
import { loadLibrary, LibraryMissingError } from "./load-library.ts";
import { MAX_SNIPPET_BYTES } from "./metadata.ts";
import { formatProblem } from "./problem.ts";

const enc = new TextEncoder();
const lint = (files: Record<string, string | Uint8Array>) =>
  buildLibrary(
    Object.entries(files).map(([path, c]) => ({
      path,
      content: typeof c === "string" ? enc.encode(c) : c,
    })),
  );
const ok = (title = "T") =>
  `// ---\n// title: ${title}\n// description: D\n// tags: [a]\n// usage: U\n// ---\nexport const x = 1;\n`;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});
function onDisk(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "havun-lint-"));
  dirs.push(dir);
  for (const [path, c] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), c);
  }
  return dir;
}

describe("a snippet library's format", () => {
  it("parses a snippet: id, category, metadata with defaults, language from the extension, code", () => {
    const lib = lint({ "http/retry.ts": ok(), "README.md": "# lib" });
    expect(lib.problems).toEqual([]);
    expect(lib.snippets).toEqual([
      {
        id: "http/retry",
        category: "http",
        file: "http/retry.ts",
        ext: "ts",
        meta: {
          title: "T",
          description: "D",
          tags: ["a"],
          usage: "U",
          requires: [],
          secrets: [],
          language: "typescript",
        },
        code: "export const x = 1;\n",
      },
    ]);
  });

  it("reads a sidecar for a language without comments (JSON)", () => {
    const lib = lint({
      "config/flags.json": '{ "a": true }\n',
      "config/flags.meta.yml": "title: Flags\ndescription: D\nusage: U\nlanguage: json\n",
    });
    expect(lib.problems).toEqual([]);
    expect(lib.snippets[0]).toMatchObject({
      id: "config/flags",
      sidecar: "config/flags.meta.yml",
      code: '{ "a": true }\n',
    });
  });
});

describe("havun snippets lint: every problem with its file, line and fix", () => {
  it("bad front matter: YAML syntax, missing and unknown keys, bad values — at their lines", () => {
    const lib = lint({
      "a/syntax.ts": "// ---\n// title: T\n// description: [unclosed\n// ---\nx\n",
      "a/fields.py":
        "# ---\n# title: T\n# tilte: oops\n# tags: [Not A Tag]\n# secrets: [sk_live_x]\n# ---\nx = 1\n",
    });
    const lines = lib.problems.map((p) => formatProblem(p));
    expect(lines.find((l) => l.startsWith("a/syntax.ts:"))).toMatch(
      /^a\/syntax\.ts:3: error: YAML syntax error/,
    );
    expect(lines).toContain("a/fields.py:3: error: unknown key `tilte` — did you mean `title`?");
    expect(lines.some((l) => /^a\/fields\.py:2: error: description is required/.test(l))).toBe(
      true,
    );
    expect(
      lines.some((l) => /^a\/fields\.py:4: error: tags\[0\]: "Not A Tag" is not a tag/.test(l)),
    ).toBe(true);
    expect(
      lines.some((l) => /^a\/fields\.py:5: error: secrets\[0\]: .* is not a secret name/.test(l)),
    ).toBe(true);
    expect(lib.snippets).toEqual([]);
  });

  it("no metadata, unclosed front matter, metadata twice, a sidecar without code", () => {
    const lib = lint({
      "a/none.js": "export const x = 1;\n",
      "a/open.js": "// ---\n// title: T\nexport const x = 1;\n",
      "a/twice.ts": ok(),
      "a/twice.meta.yml": "title: T\ndescription: D\nusage: U\n",
      "a/lonely.meta.yml": "title: T\ndescription: D\nusage: U\n",
      "a/data.bin": "x",
    });
    const byFile = Object.fromEntries(lib.problems.map((p) => [p.file, p]));
    expect(byFile["a/none.js"]).toMatchObject({ line: 1, message: "the snippet has no metadata" });
    expect(byFile["a/none.js"]!.fix).toContain("`// ---`");
    expect(byFile["a/open.js"]).toMatchObject({ line: 3 });
    expect(byFile["a/open.js"]!.message).toContain("not closed");
    expect(byFile["a/twice.ts"]!.message).toContain(
      "both in this file's front matter and in a/twice.meta.yml",
    );
    expect(byFile["a/lonely.meta.yml"]!.message).toBe(
      "no code file for a/lonely beside this sidecar",
    );
    expect(byFile["a/data.bin"]!.fix).toBe(
      "add data.meta.yml beside it with title, description, tags and usage",
    );
  });

  it("duplicate ids and files outside the <category>/<name>.<ext> layout", () => {
    const lib = lint({
      "a/same.ts": ok(),
      "a/same.js": ok(),
      "root.ts": ok(),
      "a/b/deep.ts": ok(),
      "Bad Cat/x.ts": ok(),
      "a/two.dots.ts": ok(),
    });
    const messages = lib.problems.map((p) => formatProblem(p));
    expect(messages).toContain(
      "a/same.ts: error: the id a/same is also a/same.js — give each snippet its own name, or remove one of the two files",
    );
    expect(messages).toContain(
      "root.ts: error: a snippet must be in a category folder — move it to <category>/root.ts",
    );
    expect(
      messages.some((m) =>
        m.startsWith("a/b/deep.ts: error: a snippet must be exactly one folder deep"),
      ),
    ).toBe(true);
    expect(
      messages.some((m) =>
        m.startsWith('Bad Cat/x.ts: error: the category folder "Bad Cat" is not a slug'),
      ),
    ).toBe(true);
    expect(messages.some((m) => m.startsWith("a/two.dots.ts: error: the extension .dots.ts"))).toBe(
      true,
    );
    expect(lib.snippets.map((s) => s.id)).toEqual(["a/same"]);
  });

  it("a secret value pasted in a snippet, at its line, whatever the language", () => {
    const lib = lint({
      "pay/stripe.ts": `${ok().replace("export const x = 1;\n", "")}const stripe = new Stripe("sk_live_51Habcdefghijklmnop");\n`,
      "pay/keys.py": `# ---\n# title: T\n# description: D\n# usage: U\n# ---\nAPI_KEY = "9f8e7d6c5b4a39281706"\n`,
      "pay/fine.ts": `${ok().replace("export const x = 1;\n", "")}const key = process.env.STRIPE_SECRET_KEY;\nconst password = "your-password-here";\n`,
    });
    expect(lib.problems.map((p) => formatProblem(p))).toEqual([
      "pay/keys.py:6: error: a value for API_KEY is pasted in the snippet — remove the value; read it from the environment and list its name under `secrets:`",
      "pay/stripe.ts:7: error: a Stripe live key is pasted in the snippet — remove the value; read it from the environment and list its name under `secrets:`",
    ]);
    expect(lib.snippets.map((s) => s.id)).toEqual(["pay/fine"]);
  });

  it("invisible characters (a bidirectional override, a zero-width space) at their lines", () => {
    const lib = lint({
      "a/trojan.js": `${ok().replace("export const x = 1;\n", "")}const isAdmin = false;\nif (isAdmin) { /* \u202E } \u2066if (true) */ }\nconst a\u200Bb = 1;\n`,
    });
    expect(lib.problems.map((p) => [p.file, p.line, p.message])).toEqual([
      [
        "a/trojan.js",
        8,
        "invisible characters (zero-width, bidirectional or control characters) in the line",
      ],
      [
        "a/trojan.js",
        9,
        "invisible characters (zero-width, bidirectional or control characters) in the line",
      ],
    ]);
  });

  it("binary and oversized files; a symbolic link; nothing crashes", () => {
    const dir = onDisk({
      "img/logo.ts": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      "big/huge.ts": ok() + "// filler\n".repeat(MAX_SNIPPET_BYTES / 5),
      "fine/ok.ts": ok(),
    });
    symlinkSync("/etc/passwd", join(dir, "fine", "link.ts"));
    const lib = loadLibrary(dir);
    const lines = lib.problems.map((p) => formatProblem(p));
    expect(lines).toContainEqual(
      expect.stringMatching(/^img\/logo\.ts: error: the file is binary/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^big/huge\\.ts: error: the file is \\d+ bytes; a snippet may have at most ${MAX_SNIPPET_BYTES}`,
        ),
      ),
    );
    expect(lines).toContain(
      "fine/link.ts: error: a symbolic link in the library — replace it with the file itself",
    );
    expect(lib.snippets.map((s) => s.id)).toEqual(["fine/ok"]);
  });

  it("a missing library is an error naming the folder and the fix", () => {
    expect(() => loadLibrary("/nonexistent/snippets")).toThrow(LibraryMissingError);
    try {
      loadLibrary("/nonexistent/snippets");
    } catch (err) {
      expect((err as LibraryMissingError).message).toBe(
        "no snippet library at /nonexistent/snippets",
      );
      expect((err as LibraryMissingError).hint).toContain("--dir");
    }
  });
});
