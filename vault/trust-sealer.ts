import path from "node:path";
import { SEALERS_FILE } from "./layout.ts";
import { serializeSealersFile, type TrustedSealer } from "./sealers-file.ts";
import { readTrustedSealers, writeAtomic } from "./vault-dir.ts";

/**
 * Adds a sealer to the vault's sealers.json, creating it if needed. Creating it turns on signature
 * enforcement: from then on unsigned files and files by unlisted sealers are refused.
 */
export async function addTrustedSealer(
  dir: string,
  sealer: TrustedSealer,
): Promise<{ file: string; created: boolean }> {
  const existing = await readTrustedSealers(dir);
  const others = (existing ?? []).filter((s) => s.keyId !== sealer.keyId);
  const file = path.join(dir, SEALERS_FILE);
  await writeAtomic(file, serializeSealersFile([...others, sealer]));
  return { file, created: existing === undefined };
}
