import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { artifactNameProblem, artifactPathProblem } from "../artifacts/names.ts";
import { deleteArtifact, MAX_RETENTION_DAYS, saveArtifact } from "../artifacts/store.ts";
import { findFilesToUpload } from "../artifacts/upload-search.ts";
import { zipFiles } from "../runner/zip.ts";
import type { StepIo, StepResult } from "../runner/step-io.ts";
import { actionFailed, booleanInput, checkInputs, onlyValues, warn } from "./inputs.ts";

const ACTION = "actions/upload-artifact";
const SUPPORTED = [
  "name",
  "path",
  "if-no-files-found",
  "retention-days",
  "compression-level",
  "overwrite",
  "include-hidden-files",
  "archive",
];
const NO_FILES = ["warn", "error", "ignore"];

function integer(inputs: Record<string, string>, name: string): number | undefined {
  const raw = inputs[name] ?? "";
  if (raw === "") return undefined;
  const n = Number.parseInt(raw, 10);
  if (Number.isNaN(n)) throw actionFailed(`Invalid ${name}`);
  return n;
}

function retention(io: StepIo, inputs: Record<string, string>): number {
  const days = integer(inputs, "retention-days") ?? 0;
  if (days < 0) throw actionFailed(`Invalid retention-days: ${days} (1 to ${MAX_RETENTION_DAYS})`);
  if (days === 0) return MAX_RETENTION_DAYS;
  if (days > MAX_RETENTION_DAYS) {
    warn(
      io,
      `Retention days cannot be greater than the maximum allowed retention set within the repository. Using ${MAX_RETENTION_DAYS} instead.`,
    );
    return MAX_RETENTION_DAYS;
  }
  return days;
}

/**
 * actions/upload-artifact, built in: the files `path` selects, zipped relative to their root,
 * stored as an artifact of this run. A name already uploaded in this run attempt fails the
 * step unless `overwrite` (which replaces it, with a new id).
 */
export async function uploadArtifact(
  io: StepIo,
  inputs: Record<string, string>,
): Promise<StepResult> {
  const { rt } = io;
  const { core, repo, run, dirs } = rt.setup.env;
  checkInputs(io, ACTION, inputs, SUPPORTED);
  onlyValues(io, ACTION, inputs, "archive", ["true"]);
  const name = inputs.name ?? "artifact";
  const pathInput = inputs.path ?? "";
  if (!pathInput.trim()) throw actionFailed("Input required and not supplied: path");
  const ifNone = inputs["if-no-files-found"] || "warn";
  if (!NO_FILES.includes(ifNone))
    throw actionFailed(
      `Unrecognized if-no-files-found input. Provided: ${ifNone}. Available options: ${NO_FILES.join(",")}`,
    );
  const overwrite = booleanInput(inputs, "overwrite", false);
  const hidden = booleanInput(inputs, "include-hidden-files", false);
  const level = integer(inputs, "compression-level") ?? 6;
  if (level < 0 || level > 9) throw actionFailed("Invalid compression-level. Valid values are 0-9");
  const days = retention(io, inputs);
  const nameProblem = artifactNameProblem(name);
  if (nameProblem) throw actionFailed(nameProblem);
  const found = findFilesToUpload(pathInput, rt.workspace, rt.home, hidden);
  if (found.files.length === 0) {
    const message = `No files were found with the provided path: ${pathInput}. No artifacts will be uploaded.`;
    if (ifNone === "error") throw actionFailed(message);
    if (ifNone === "warn") warn(io, message);
    else rt.log.line(message);
    return { ok: true, outputs: {} };
  }
  const n = found.files.length;
  rt.log.line(`With the provided path, there will be ${n} file${n === 1 ? "" : "s"} uploaded`);
  const entries = found.files.map((file) => {
    const inside = relative(found.root, file).split(sep).join("/");
    const problem = artifactPathProblem(inside);
    if (problem) throw actionFailed(problem);
    return { name: inside, content: readFileSync(file) };
  });
  const same = core.store.state.artifacts.find(
    (a) => a.runId === run.id && a.runAttempt === run.runAttempt && a.name === name,
  );
  if (same && !overwrite)
    throw actionFailed(
      "Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run",
    );
  if (same) deleteArtifact(core, dirs.artifacts, same);
  const record = saveArtifact(
    core,
    dirs.artifacts,
    {
      repoId: repo.id,
      runId: run.id,
      runAttempt: run.runAttempt,
      jobId: rt.setup.record.id,
      name,
      headBranch: run.headBranch,
      headSha: run.headSha,
    },
    zipFiles(entries, new Date(), level),
    days,
  );
  const url = `${core.urls.server}/${core.store.fullName(repo)}/actions/runs/${run.id}/artifacts/${record.id}`;
  rt.log.line(
    `Artifact ${name} has been successfully uploaded! Final size is ${record.sizeInBytes} bytes. Artifact ID is ${record.id}`,
  );
  rt.log.line(`Artifact download URL: ${url}`);
  return {
    ok: true,
    outputs: {
      "artifact-id": String(record.id),
      "artifact-url": url,
      "artifact-digest": record.digest,
    },
  };
}
