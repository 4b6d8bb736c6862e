import type { ExprValue } from "../expressions/index.ts";
import { expandMatrix, MAX_COMBINATIONS } from "./matrix.ts";
import { at, describe, type Reader } from "./reader.ts";
import type { Strategy } from "./types.ts";

/** `strategy:` with a static `matrix` (lists, include, exclude), fail-fast and max-parallel. */
export function readStrategy(r: Reader, v: unknown, path: string): Strategy {
  const m = r.map(v, path);
  r.keys(m, path, ["matrix", "fail-fast", "max-parallel"]);
  const mp = at(path, "matrix");
  if (typeof m.matrix === "string") throw dynamic(r, mp);
  const matrix = r.map(m.matrix, mp);
  const strategy: Strategy = { matrix: {} };
  for (const [key, values] of Object.entries(matrix)) {
    const p = at(mp, key);
    if (key === "include" || key === "exclude") {
      strategy[key] = readCombinations(r, values, p);
      continue;
    }
    if (typeof values === "string" && values.includes("${{")) throw dynamic(r, p);
    if (!Array.isArray(values) || values.length === 0) {
      throw r.fail(p, `a matrix vector must be a non-empty list, got ${describe(values)}`);
    }
    strategy.matrix[key] = values as ExprValue[];
  }
  if (Object.keys(strategy.matrix).length === 0 && !strategy.include?.length) {
    throw r.fail(mp, "the matrix defines no combinations (add a vector or an include)");
  }
  if (m["fail-fast"] !== undefined)
    strategy.failFast = r.bool(m["fail-fast"], at(path, "fail-fast"));
  if (m["max-parallel"] !== undefined) {
    strategy.maxParallel = r.number(m["max-parallel"], at(path, "max-parallel"));
  }
  const count = expandMatrix(strategy).length;
  if (count > MAX_COMBINATIONS) {
    throw r.fail(mp, `the matrix makes ${count} jobs; GitHub allows at most ${MAX_COMBINATIONS}`);
  }
  if (count === 0) throw r.fail(mp, "every combination is excluded: the matrix makes no jobs");
  return strategy;
}

function readCombinations(r: Reader, v: unknown, path: string): Record<string, ExprValue>[] {
  if (typeof v === "string" && v.includes("${{")) throw dynamic(r, path);
  if (!Array.isArray(v)) throw r.fail(path, `expected a list of mappings, got ${describe(v)}`);
  return v.map((item, i) => r.map(item, at(path, i)) as Record<string, ExprValue>);
}

function dynamic(r: Reader, path: string) {
  return r.unsupported(
    path,
    "matrix from an expression",
    "the sandbox expands matrices when it reads the workflow; list the values in the file",
  );
}
