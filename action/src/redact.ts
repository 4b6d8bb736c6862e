/** Replaces every secret value in text with *** (for anything the Action writes to GitHub). */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const value of secrets) if (value.length >= 4) out = out.split(value).join("***");
  return out;
}
