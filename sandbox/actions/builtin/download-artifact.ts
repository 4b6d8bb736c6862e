import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { chooseArtifacts } from "../artifacts/choose.ts";
import { downloadArtifactZip, listRunArtifacts, type ListedArtifact } from "../artifacts/remote.ts";
import { latestRunArtifacts, readArtifactZip } from "../artifacts/store.ts";
import { unzip } from "../artifacts/unzip.ts";
import type { StepIo, StepResult } from "../runner/step-io.ts";
import { actionFailed, booleanInput, checkInputs, onlyValues, warn } from "./inputs.ts";

const ACTION = "actions/download-artifact";
const SUPPORTED = [
  "name",
  "artifact-ids",
  "path",
  "pattern",
  "merge-multiple",
  "github-token",
  "repository",
  "run-id",
  "skip-decompress",
  "digest-mismatch",
];
const ON_MISMATCH = ["ignore", "info", "warn", "error"];

interface Source {
  list(): Promise<ListedArtifact[]>;
  zip(a: ListedArtifact): Promise<Buffer>;
}

/** This run's artifacts straight from the sandbox, or another run's through the REST API. */
function sourceFor(io: StepIo, inputs: Record<string, string>): Source {
  const { core, run, dirs } = io.rt.setup.env;
  const token = inputs["github-token"] ?? "";
  if (!token)
    return {
      list: async () =>
        latestRunArtifacts(core, run.id).map((a) => ({
          id: a.id,
          name: a.name,
          size_in_bytes: a.sizeInBytes,
          digest: `sha256:${a.digest}`,
        })),
      zip: async (a) =>
        readArtifactZip(
          dirs.artifacts,
          core.store.state.artifacts.find((x) => x.id === a.id)!,
        ),
    };
  const repository = inputs.repository || core.store.fullName(io.rt.setup.env.repo);
  const [owner, name] = repository.split("/");
  if (!owner || !name)
    throw actionFailed(`Invalid repository: '${repository}'. Must be in format owner/repo`);
  const runId = Number.parseInt(inputs["run-id"] || String(run.id), 10);
  return {
    list: async () => {
      const all = await listRunArtifacts(core.urls.api, repository, runId, token);
      const latest = new Map<string, ListedArtifact>();
      for (const a of all) if ((latest.get(a.name)?.id ?? 0) < a.id) latest.set(a.name, a);
      return [...latest.values()];
    },
    zip: (a) => downloadArtifactZip(core.urls.api, repository, a.id, token),
  };
}

function extract(zip: Buffer, dest: string): void {
  for (const entry of unzip(zip)) {
    const target = resolve(dest, entry.name);
    if (relative(dest, target).startsWith(".."))
      throw new Error(`artifact entry ${entry.name} would be written outside ${dest}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.content);
  }
}

/**
 * actions/download-artifact, built in: this run's artifacts (all, one `name`, `artifact-ids`
 * or a `pattern`), or with `github-token` another repository's or run's through the REST API;
 * each into `path`, or `path/<name>` when several are downloaded and not `merge-multiple`.
 */
export async function downloadArtifact(
  io: StepIo,
  inputs: Record<string, string>,
): Promise<StepResult> {
  const { rt } = io;
  checkInputs(io, ACTION, inputs, SUPPORTED);
  onlyValues(io, ACTION, inputs, "skip-decompress", ["false"]);
  const onMismatch = inputs["digest-mismatch"] || "error";
  if (!ON_MISMATCH.includes(onMismatch))
    throw actionFailed(
      `Invalid value for 'digest-mismatch': '${onMismatch}'. Valid options are: ${ON_MISMATCH.join(", ")}`,
    );
  const merge = booleanInput(inputs, "merge-multiple", false);
  if (inputs.name && inputs["artifact-ids"])
    throw actionFailed(
      `Inputs 'name' and 'artifact-ids' cannot be used together. Please specify only one.`,
    );
  let path = inputs.path || rt.workspace;
  if (path.startsWith("~")) path = path.replace("~", rt.home);
  const dest = resolve(rt.workspace, path);
  try {
    const source = sourceFor(io, inputs);
    const artifacts = chooseArtifacts(inputs, await source.list());
    for (const a of artifacts)
      rt.log.line(
        `- ${a.name} (ID: ${a.id}, Size: ${a.size_in_bytes}, Expected Digest: ${a.digest})`,
      );
    const mismatched: string[] = [];
    for (const a of artifacts) {
      const zip = await source.zip(a);
      const digest = `sha256:${createHash("sha256").update(zip).digest("hex")}`;
      if (a.digest && a.digest !== digest) {
        mismatched.push(a.name);
        const m = `Artifact '${a.name}' digest validation failed. Please verify the integrity of the artifact.`;
        if (onMismatch === "warn") warn(io, m);
        else if (onMismatch === "info") rt.log.line(m);
      }
      const single = !!inputs.name || merge || artifacts.length === 1;
      extract(zip, single ? dest : join(dest, a.name));
    }
    if (mismatched.length && onMismatch === "error")
      throw new Error(
        `Digest validation failed for artifact(s): ${mismatched.join(", ")}. Use 'digest-mismatch: warn' to continue on mismatch.`,
      );
    rt.log.line(`Total of ${artifacts.length} artifact(s) downloaded`);
    return { ok: true, outputs: { "download-path": dest } };
  } catch (err) {
    throw actionFailed(`Unable to download artifact(s): ${(err as Error).message}`);
  }
}
