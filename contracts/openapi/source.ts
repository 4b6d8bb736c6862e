import { existsSync } from "node:fs";

/** Where a contract comes from: a file on disk or a file at a git revision (`REV:PATH`). */
export type ContractSource =
  { kind: "file"; path: string } | { kind: "git"; rev: string; path: string };

/**
 * Reads the user's spelling of a contract location. An existing file wins; otherwise `REV:PATH`
 * (e.g. `main:contracts/api/openapi.yaml`, `HEAD~1:openapi.json`) names a git revision.
 */
export function parseSource(spec: string, cwd: string): ContractSource {
  const abs = spec.startsWith("/") ? spec : `${cwd}/${spec}`;
  if (existsSync(abs)) return { kind: "file", path: spec };
  const colon = spec.indexOf(":");
  const looksLikeDrive = colon === 1 && /^[a-zA-Z]:[\\/]/.test(spec);
  if (colon > 0 && !looksLikeDrive && colon < spec.length - 1) {
    return { kind: "git", rev: spec.slice(0, colon), path: spec.slice(colon + 1) };
  }
  return { kind: "file", path: spec };
}

export function describeSource(source: ContractSource): string {
  return source.kind === "file" ? source.path : `${source.rev}:${source.path}`;
}
