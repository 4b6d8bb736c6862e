import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Finding } from "../openapi/finding.ts";
import type { VerifyReport } from "../pact/verify.ts";
import type { ContractCheckResult } from "./contract-check.ts";
import {
  contractsResultSchema,
  RESULT_FILE_VERSION,
  RESULT_LIMITS,
  type ContractsResultFile,
} from "./result-file.ts";

const clip = (s: string, max = RESULT_LIMITS.text) =>
  s.length <= max ? s : `${s.slice(0, max - 1)}…`;
const name = (s: string) => clip(s, RESULT_LIMITS.name);
const few = <T>(items: T[], max = RESULT_LIMITS.list) => items.slice(0, max);

type FileFinding = NonNullable<ContractsResultFile["openapi"]>["findings"][number];

function findingOf(f: Finding): FileFinding {
  return {
    id: name(f.id),
    ...(f.changeId ? { changeId: name(f.changeId) } : {}),
    level: f.level,
    operation: clip(f.operation),
    method: name(f.method),
    path: clip(f.path),
    location: clip(f.location),
    detail: clip(f.detail),
    message: clip(f.message),
    pointer: clip(f.pointer),
    doc: f.doc,
    ...(f.basePointer !== undefined ? { basePointer: clip(f.basePointer) } : {}),
    ...(f.headPointer !== undefined ? { headPointer: clip(f.headPointer) } : {}),
  };
}

function reportOf(r: VerifyReport): NonNullable<ContractsResultFile["pacts"]> {
  return {
    service: name(r.service),
    providerUrl: name(r.providerUrl),
    ok: r.ok,
    pacts: few(r.pacts).map((p) => ({
      consumer: name(p.consumer),
      file: name(p.file),
      ok: p.ok,
      interactions: few(p.interactions).map((i) => ({
        description: name(i.description),
        ok: i.ok,
      })),
      failures: few(p.failures).map((f) => ({
        interaction: name(f.interaction),
        problems: few(f.problems).map((x) => clip(x)),
      })),
      missingStates: few(p.missingStates).map(name),
    })),
  };
}

/** The result file for a contract check (clipped to the file's limits, and validated). */
export function resultFileOf(result: ContractCheckResult, headSha?: string): ContractsResultFile {
  return contractsResultSchema.parse({
    version: RESULT_FILE_VERSION,
    service: result.verdict.service,
    ...(headSha ? { headSha } : {}),
    conclusion: result.conclusion,
    verdict: {
      ...result.verdict,
      ...(result.verdict.changes ? { changes: few(result.verdict.changes) } : {}),
    },
    openapi: result.openapi
      ? {
          status: result.openapi.status,
          findings: few(result.openapi.findings, RESULT_LIMITS.findings).map(findingOf),
        }
      : null,
    pacts: result.pacts ? reportOf(result.pacts) : null,
    problems: few(result.problems, 10).map((p) => ({
      step: p.step,
      message: clip(p.message),
      hint: clip(p.hint),
    })),
  });
}

/** Writes the result file (JSON), creating its folder. */
export async function writeResultFile(
  path: string,
  result: ContractCheckResult,
  headSha?: string,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(resultFileOf(result, headSha), null, 2)}\n`);
}
