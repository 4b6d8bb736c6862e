/** Issues a pull request body closes on merge: `Closes #3`, `fixes owner/repo#4`, `Resolves <issue url>`. */
export interface ClosingReference {
  owner: string | null;
  repo: string | null;
  number: number;
}

const KEYWORDS = "close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved";
const PATTERN = new RegExp(
  `\\b(?:${KEYWORDS})\\s*:?\\s+(?:([\\w.-]+)\\/([\\w.-]+))?#(\\d+)|\\b(?:${KEYWORDS})\\s*:?\\s+https?:\\/\\/[^\\s/]+\\/([\\w.-]+)\\/([\\w.-]+)\\/issues\\/(\\d+)`,
  "gi",
);

export function closingReferences(body: string | null): ClosingReference[] {
  if (!body) return [];
  const out: ClosingReference[] = [];
  for (const m of body.matchAll(PATTERN)) {
    const owner = m[1] ?? m[4] ?? null;
    const repo = m[2] ?? m[5] ?? null;
    out.push({ owner, repo, number: Number(m[3] ?? m[6]) });
  }
  return out;
}
