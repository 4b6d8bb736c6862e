/** One consumer's pact verified against the provider. */
export interface PactVerification {
  consumer: string;
  /** The pact file, as found in the registry. */
  file: string;
  ok: boolean;
  interactions: { description: string; ok: boolean }[];
  /** What went wrong per failed interaction, in the verifier's words. */
  failures: { interaction: string; problems: string[] }[];
}

interface VerifierJson {
  result?: boolean;
  errors?: { interaction?: string; mismatch?: unknown }[];
  interactionResults?: { description?: string; result?: string }[];
}

/**
 * Reads the Pact verifier's JSON result (what `Verifier.verifyProvider()` resolves with, or
 * rejects with as the error message) into plain data. Null when it is not that JSON.
 */
export function parseVerifierJson(
  text: string,
): Pick<PactVerification, "ok" | "interactions" | "failures"> | null {
  let json: VerifierJson;
  try {
    json = JSON.parse(text) as VerifierJson;
  } catch {
    return null;
  }
  if (typeof json !== "object" || json === null || typeof json.result !== "boolean") return null;
  return {
    ok: json.result,
    interactions: (json.interactionResults ?? []).map((r) => ({
      description: r.description ?? "(unnamed interaction)",
      ok: r.result === "OK",
    })),
    failures: (json.errors ?? []).map((e) => ({
      interaction: e.interaction ?? "(unnamed interaction)",
      problems: problemsOf(e.mismatch),
    })),
  };
}

function problemsOf(mismatch: unknown): string[] {
  if (!mismatch || typeof mismatch !== "object") return [];
  const m = mismatch as { message?: string; mismatches?: { mismatch?: string; path?: string }[] };
  if (Array.isArray(m.mismatches)) {
    return m.mismatches.map((x) =>
      x.path && x.path !== "/" ? `${x.path}: ${x.mismatch ?? ""}` : (x.mismatch ?? ""),
    );
  }
  return m.message ? [m.message] : [JSON.stringify(mismatch)];
}
