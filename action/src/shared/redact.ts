import { redactForms } from "./encoded-forms.ts";

/**
 * Replaces every secret value, also base64-, hex- or percent-encoded, with *** (for anything
 * the Action writes to GitHub or hands to the publish job).
 */
export function redact(text: string, secrets: Iterable<string>): string {
  return redactForms(text, secrets);
}
