import type { StepIo, StepResult } from "../runner/step-io.ts";
import { createAppToken } from "./create-app-token.ts";
import { downloadArtifact } from "./download-artifact.ts";
import { uploadArtifact } from "./upload-artifact.ts";

export type BuiltinAction = (
  io: StepIo,
  inputs: Record<string, string>,
  name: string,
) => Promise<StepResult>;

/** Actions the sandbox runner does itself (any version), by `owner/name`; checkout is the runner's. */
const BUILTIN: Record<string, BuiltinAction> = {
  "actions/upload-artifact": uploadArtifact,
  "actions/download-artifact": downloadArtifact,
  "actions/create-github-app-token": createAppToken,
};

export const BUILTIN_NAMES = ["actions/checkout", ...Object.keys(BUILTIN)];

/** The built-in implementation for `uses: owner/name@ref`, or null for any other action. */
export function builtinAction(uses: string): BuiltinAction | null {
  const m = /^([\w.-]+\/[\w.-]+)@/.exec(uses);
  return (m && BUILTIN[m[1]!.toLowerCase()]) || null;
}
