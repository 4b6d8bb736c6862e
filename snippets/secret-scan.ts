import { credentialsIn } from "../action/src/publish/credential-scan.ts";

/**
 * A literal assigned to a name that reads like a secret (`API_KEY = "…"`, `'password' => '…'`,
 * `token: …`): long enough and not a placeholder or an environment lookup.
 */
const ASSIGNED =
  /\b([A-Za-z_]*(?:secret|passw(?:or)?d|token|api[_-]?key|private[_-]?key|credential)[A-Za-z_]*)['"]?\s*(?:=>|=|:)\s*['"]([^'"\s]{12,})['"]/i;
const PLACEHOLDER =
  /^(?:x+|\*+|\.\.\.|your[_-]|<|\$\{|\{\{|changeme|example|test_|dummy|placeholder|process\.env|env\()/i;

/**
 * Secret values pasted in a snippet, by line: credentials of a known shape (plain or encoded,
 * the publish job's scanner) and literals assigned to secret-looking names. A snippet names
 * secrets in `secrets:` and reads them from the environment; it never holds a value.
 */
export function secretValuesIn(text: string): { line: number; what: string }[] {
  const found: { line: number; what: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const what of credentialsIn(line)) found.push({ line: i + 1, what });
    const m = ASSIGNED.exec(line);
    if (m && !PLACEHOLDER.test(m[2]!) && /[0-9]/.test(m[2]!) && /[A-Za-z]/.test(m[2]!))
      found.push({ line: i + 1, what: `a value for ${m[1]}` });
  });
  return found;
}
