/**
 * Bundles HavunCore's three actions for Node 24, which runs JavaScript actions on GitHub:
 * `action/` (the agent step, dist/index.mjs), `action/prepare/` (the step that opens the task's
 * secrets, with prepare/dist/vault-open.mjs loaded only for tasks with secrets; sodium-native
 * stays external and is installed pinned in the run) and `action/publish/` (the publish job).
 * The publish bundle is built from its own entry and imports nothing that runs the agent.
 * `npm run build:action`; a test fails when a bundle is stale.
 */
import { build, type BuildOptions } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export const buildOptions: BuildOptions = {
  absWorkingDir: root,
  entryPoints: {
    "dist/index": "action/src/index.ts",
    "prepare/dist/index": "action/src/prepare/index.ts",
    "prepare/dist/vault-open": "action/src/vault-open.ts",
    "publish/dist/index": "action/src/publish/index.ts",
  },
  outdir: "action",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  target: "node24",
  format: "esm",
  external: ["sodium-native"],
  banner: {
    js: "import { createRequire as __havunRequire } from 'node:module'; const require = __havunRequire(import.meta.url);",
  },
  legalComments: "none",
  logLevel: "warning",
  minifySyntax: true,
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await build(buildOptions);
  console.log("built action/dist, action/prepare/dist, action/publish/dist");
}
