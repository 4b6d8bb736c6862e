#!/usr/bin/env node
// Entry point of the `havun` command: loads the TypeScript sources through tsx, with
// HavunCore's own tsconfig.json (never one from the directory it runs in, which may be a
// pull request's checkout).
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../tsconfig.json", import.meta.url)) });
const { main } = await import("../main.ts");
process.exitCode = await main(process.argv);
