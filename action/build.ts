/**
 * Bundles the Action: dist/index.mjs (everything but the vault's native crypto) and
 * dist/vault-open.mjs (loaded only for tasks with secrets; sodium-native stays external and is
 * installed pinned in the run). `npm run build:action`; a test fails when dist/ is stale.
 */
import { build, type BuildOptions } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export const buildOptions: BuildOptions = {
  absWorkingDir: root,
  entryPoints: { index: "action/src/index.ts", "vault-open": "action/src/vault-open.ts" },
  outdir: "action/dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  target: "node20",
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
  console.log("built action/dist");
}
