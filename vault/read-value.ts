import { VaultError } from "./errors.ts";
import { secureTake, wipe } from "./secure.ts";

/**
 * Reads a secret value from a stream (stdin) into guarded memory, stripping exactly one trailing
 * line ending, and refuses an empty value. The caller wipes the result.
 */
export async function readSecretValue(
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  const all = Buffer.concat(chunks);
  wipe(...chunks);
  let end = all.length;
  if (all[end - 1] === 0x0a) end -= all[end - 2] === 0x0d ? 2 : 1;
  if (end === 0) {
    wipe(all);
    throw new VaultError(
      "VAULT_EMPTY_VALUE",
      "refusing to seal an empty value",
      'pipe the value on stdin, e.g. `printf %s "$VALUE" | havun vault seal NAME --repo OWNER/NAME`',
    );
  }
  const value = secureTake(all.subarray(0, end));
  wipe(all);
  return value;
}
