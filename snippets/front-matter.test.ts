import { describe, expect, it } from "vitest";
import { joinFrontMatter, splitFrontMatter } from "./front-matter.ts";
import { languageOf } from "./languages.ts";

const style = (ext: string) => languageOf(ext)!.style;

describe("front matter in each language's comment style", () => {
  it("reads line-comment front matter and gives the code without it", () => {
    const text = "// ---\n// title: T\n// tags: [a, b]\n// ---\n\nexport const x = 1;\n";
    expect(splitFrontMatter(text, style("ts"))).toEqual({
      kind: "ok",
      yaml: "title: T\ntags: [a, b]",
      yamlLine: 2,
      code: "export const x = 1;\n",
    });
    const py = splitFrontMatter("# ---\n# title: P\n# ---\nimport os\n", style("py"));
    expect(py).toMatchObject({ kind: "ok", yaml: "title: P", code: "import os\n" });
    const sql = splitFrontMatter("-- ---\n-- title: S\n-- ---\nSELECT 1;\n", style("sql"));
    expect(sql).toMatchObject({ kind: "ok", yaml: "title: S", code: "SELECT 1;\n" });
  });

  it("keeps a shebang or <?php above the front matter", () => {
    const php = "<?php\n// ---\n// title: M\n// ---\n\nfunction f() {}\n";
    expect(splitFrontMatter(php, style("php"))).toMatchObject({
      kind: "ok",
      yamlLine: 3,
      code: "<?php\nfunction f() {}\n",
    });
    const sh = "#!/bin/sh\n# ---\n# title: S\n# ---\necho hi\n";
    expect(splitFrontMatter(sh, style("sh"))).toMatchObject({ code: "#!/bin/sh\necho hi\n" });
  });

  it("reads block-comment and Markdown front matter", () => {
    const vue = "<!-- ---\ntitle: V\n--- -->\n<template></template>\n";
    expect(splitFrontMatter(vue, style("vue"))).toMatchObject({
      yaml: "title: V",
      code: "<template></template>\n",
    });
    const css = "/* ---\ntitle: C\n--- */\na { color: red }\n";
    expect(splitFrontMatter(css, style("css"))).toMatchObject({ yaml: "title: C" });
    const md = "---\ntitle: D\n---\n\n# Doc\n";
    expect(splitFrontMatter(md, style("md"))).toMatchObject({ yaml: "title: D", code: "# Doc\n" });
  });

  it("says where front matter is not closed, and finds none in a plain file", () => {
    expect(splitFrontMatter("// ---\n// title: T\nconst x = 1;\n", style("js"))).toMatchObject({
      kind: "unclosed",
      line: 3,
    });
    expect(splitFrontMatter("/* ---\ntitle: T\n", style("css"))).toMatchObject({
      kind: "unclosed",
      line: 1,
    });
    expect(splitFrontMatter("const x = 1;\n", style("js"))).toEqual({
      kind: "none",
      code: "const x = 1;\n",
    });
  });

  it("writes front matter that it reads back unchanged", () => {
    for (const ext of ["ts", "py", "sql", "php", "vue", "css", "md"]) {
      const code = ext === "php" ? "<?php\necho 1;\n" : "body\n";
      const file = joinFrontMatter("title: T\ntags: [x]\n", code, style(ext));
      expect(splitFrontMatter(file, style(ext))).toMatchObject({
        kind: "ok",
        yaml: "title: T\ntags: [x]",
        code,
      });
    }
  });
});
