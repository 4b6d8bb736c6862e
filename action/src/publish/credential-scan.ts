import { encodedForms } from "../shared/encoded-forms.ts";

/**
 * Credentials that must never be published, by their documented shapes: GitHub tokens (classic,
 * fine-grained, App installation, OAuth, refresh), Anthropic keys, AWS access keys, PEM private
 * keys, Slack and Google API keys, Stripe live keys.
 */
const PATTERNS: [string, RegExp][] = [
  ["a GitHub token", /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/],
  ["an Anthropic API key", /\bsk-ant-[A-Za-z0-9_-]{20,}/],
  ["an AWS access key", /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ["a private key", /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/],
  ["a Slack token", /\bxox[abposr]-[A-Za-z0-9-]{10,}/],
  ["a Google API key", /\bAIza[0-9A-Za-z_-]{35}\b/],
  ["a Stripe live key", /\b[rs]k_live_[0-9A-Za-z_]{10,}/],
  ["a HavunCore vault key", /havun-vault-key\/v1:[^\s:]+:[A-Za-z0-9+/=]{40,}/],
];

const BASE64_RUN = /[A-Za-z0-9+/_-]{24,}={0,2}/g;
const HEX_RUN = /\b(?:[0-9a-fA-F]{2}){20,}\b/g;

function printable(text: string): boolean {
  let ok = 0;
  for (const ch of text) if (ch >= " " && ch <= "~") ok++;
  return text.length > 0 && ok / text.length > 0.9;
}

/** `text` plus what its base64 and hex runs decode to (when that reads as text). */
function withDecoded(text: string): string[] {
  const out = [text];
  for (const m of text.matchAll(BASE64_RUN)) {
    const decoded = Buffer.from(m[0].replace(/-/g, "+").replace(/_/g, "/"), "base64").toString(
      "latin1",
    );
    if (printable(decoded)) out.push(decoded);
  }
  for (const m of text.matchAll(HEX_RUN)) {
    const decoded = Buffer.from(m[0], "hex").toString("latin1");
    if (printable(decoded)) out.push(decoded);
  }
  return out;
}

/**
 * The credentials `text` carries, plain or base64/hex-encoded, and whether it carries any of
 * `known` (values the publish job holds, such as its own token) in any encoded form.
 */
export function credentialsIn(text: string, known: string[] = []): string[] {
  const found = new Set<string>();
  for (const chunk of withDecoded(text))
    for (const [what, re] of PATTERNS) if (re.test(chunk)) found.add(what);
  for (const value of known)
    if (value.length >= 8 && encodedForms(value).some((f) => text.includes(f)))
      found.add("the publish job's token");
  return [...found];
}
