import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { expect, it } from "vitest";
import { buildOptions } from "../../action/build.ts";

it("action/dist is the bundle of action/src (run `npm run build:action` and commit when this fails)", async () => {
  const out = await build({ ...buildOptions, write: false });
  expect(out.outputFiles.length).toBe(2);
  for (const file of out.outputFiles) {
    const committed = readFileSync(
      join(process.cwd(), "action/dist", file.path.split("/").pop()!),
      "utf8",
    );
    expect(committed === file.text, `${file.path} is stale`).toBe(true);
  }
});
