import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SandboxCore } from "../../core.ts";
import type { ArtifactRecord } from "../../state/types.ts";

/** The default and the most GitHub keeps artifacts (the repository setting's default). */
export const MAX_RETENTION_DAYS = 90;

export type NewArtifact = Omit<
  ArtifactRecord,
  "id" | "sizeInBytes" | "digest" | "createdAt" | "updatedAt" | "expiresAt"
>;

const zipPath = (dir: string, id: number) => join(dir, `${id}.zip`);

/** Stores an artifact's zip under `dir` and records it; it expires after `retentionDays`. */
export function saveArtifact(
  core: SandboxCore,
  dir: string,
  fields: NewArtifact,
  zip: Buffer,
  retentionDays: number,
): ArtifactRecord {
  const now = core.store.now();
  const record: ArtifactRecord = {
    ...fields,
    id: core.store.newId(),
    sizeInBytes: zip.length,
    digest: createHash("sha256").update(zip).digest("hex"),
    createdAt: now,
    updatedAt: now,
    expiresAt: new Date(Date.parse(now) + retentionDays * 86_400_000)
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z"),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(zipPath(dir, record.id), zip);
  core.store.state.artifacts.push(record);
  core.store.changed();
  return record;
}

export function readArtifactZip(dir: string, a: ArtifactRecord): Buffer {
  return readFileSync(zipPath(dir, a.id));
}

export function deleteArtifact(core: SandboxCore, dir: string, a: ArtifactRecord): void {
  const st = core.store.state;
  st.artifacts = st.artifacts.filter((x) => x.id !== a.id);
  rmSync(zipPath(dir, a.id), { force: true });
  core.store.changed();
}

export function isExpired(a: ArtifactRecord): boolean {
  return new Date(a.expiresAt).getTime() <= Date.now();
}

/** A run's artifacts that have not expired, the newest of each name (as `latest: true` lists). */
export function latestRunArtifacts(core: SandboxCore, runId: number): ArtifactRecord[] {
  const byName = new Map<string, ArtifactRecord>();
  for (const a of core.store.state.artifacts)
    if (a.runId === runId && !isExpired(a)) {
      const seen = byName.get(a.name);
      if (!seen || seen.id < a.id) byName.set(a.name, a);
    }
  return [...byName.values()].sort((x, y) => x.id - y.id);
}
