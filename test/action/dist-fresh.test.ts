import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { expect, it } from "vitest";
import { buildOptions } from "../../action/build.ts";

it("the actions' dist bundles are built from action/src (run `npm run build:action` and commit when this fails)", async () => {
  const out = await build({ ...buildOptions, write: false });
  expect(
    out.outputFiles.map((f) => relative(join(process.cwd(), "action"), f.path)).sort(),
  ).toEqual([
    "dist/index.mjs",
    "prepare/dist/index.mjs",
    "prepare/dist/vault-open.mjs",
    "publish/dist/index.mjs",
  ]);
  for (const file of out.outputFiles) {
    const committed = readFileSync(file.path, "utf8");
    expect(committed === file.text, `${file.path} is stale`).toBe(true);
  }
});
