/**
 * The forms a secret takes when someone tries to smuggle it out encoded: as is, base64 and
 * base64url at each of the three byte alignments it can have inside a longer encoded text
 * (only the characters its own bytes fully decide), hex in either case, and percent-encoding.
 * Found in a text means: that text carries the secret.
 */
export function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const forms = new Set<string>([value]);
  for (let skip = 0; skip < 3; skip++) {
    const rest = bytes.subarray(skip);
    const whole = rest.subarray(0, rest.length - (rest.length % 3));
    if (whole.length < 6) continue;
    const b64 = whole.toString("base64");
    forms.add(b64);
    forms.add(whole.toString("base64url"));
  }
  forms.add(bytes.toString("hex"));
  forms.add(bytes.toString("hex").toUpperCase());
  const pct = encodeURIComponent(value);
  if (pct !== value) forms.add(pct);
  return [...forms].filter((f) => f.length >= 6);
}

/** Which of the named secrets `text` carries, in any encoded form. */
export function secretsIn(text: string, secrets: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [name, value] of secrets) {
    if (value.length < 4) continue;
    if (encodedForms(value).some((f) => text.includes(f))) found.push(name);
  }
  return found;
}

/** `text` with every form of every secret replaced by `***`. */
export function redactForms(text: string, secrets: Iterable<string>): string {
  let out = text;
  const forms = [...secrets].filter((s) => s.length >= 4).flatMap(encodedForms);
  forms.sort((a, b) => b.length - a.length);
  for (const f of forms) out = out.split(f).join("***");
  return out;
}
