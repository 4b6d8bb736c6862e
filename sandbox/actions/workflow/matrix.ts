import type { ExprValue } from "../expressions/index.ts";
import type { Strategy } from "./types.ts";

/** GitHub's limit on jobs one matrix may make. */
export const MAX_COMBINATIONS = 256;

type Combination = Record<string, ExprValue>;

/**
 * The jobs a strategy makes, in GitHub's order: the product of the vectors (in key order),
 * minus each `exclude` that matches (all its keys equal), then each `include` added to every
 * combination whose original values it does not change, or as a new combination when it
 * fits none. No strategy → one job with an empty matrix.
 */
export function expandMatrix(strategy: Strategy | undefined): Combination[] {
  if (!strategy) return [{}];
  const vectors = Object.entries(strategy.matrix);
  let combos: Combination[] = vectors.length === 0 ? [] : [{}];
  for (const [key, values] of vectors) {
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
  }
  for (const ex of strategy.exclude ?? []) {
    combos = combos.filter(
      (c) => !Object.entries(ex).every(([k, v]) => k in c && deepEqual(c[k]!, v)),
    );
  }
  const originals = combos.map((c) => ({ ...c }));
  const extra: Combination[] = [];
  for (const inc of strategy.include ?? []) {
    let added = false;
    combos.forEach((c, i) => {
      const original = originals[i]!;
      const fits = Object.entries(inc).every(
        ([k, v]) => !(k in original) || deepEqual(original[k]!, v),
      );
      if (fits) {
        Object.assign(c, inc);
        added = true;
      }
    });
    if (!added) extra.push({ ...inc });
  }
  const all = [...combos, ...extra];
  return all.length === 0 && vectors.length === 0 && !strategy.include?.length ? [{}] : all;
}

function deepEqual(a: ExprValue, b: ExprValue): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => deepEqual((a as Combination)[k]!, (b as Combination)[k] ?? null) && k in b,
  );
}
