/** Helpers shared by the vault's tests. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateRepoKey, type RecipientKey } from "./repo-key.ts";
import { sealSecret, type SealRequest } from "./seal.ts";
import { serializeSealedFile } from "./sealed-file.ts";

/** The hub the tests' vaults belong to, unless a test says otherwise. */
export const TEST_HUB = "acme/hub";

export interface TestKey {
  recipient: RecipientKey;
  privateKey: string;
}

export function testKey(repo: string): TestKey {
  return generateRepoKey(repo);
}

/** Seals `value` (for TEST_HUB unless `hub` is given) and returns the file text. */
export function sealedText(
  request: Omit<SealRequest, "hub" | "value" | "version" | "expires"> & {
    hub?: string;
    value: string;
    version?: number;
    expires?: string | null;
  },
): string {
  return serializeSealedFile(
    sealSecret({
      ...request,
      hub: request.hub ?? TEST_HUB,
      value: Buffer.from(request.value, "utf8"),
      version: request.version ?? 1,
      expires: request.expires ?? null,
    }),
  );
}

export function secretFilePath(repo: string, name: string): string {
  return `secrets/${repo.replace("/", "__")}/${name}.sealed.json`;
}

/** A temporary directory, removed by the returned cleanup. */
export async function tempDir(
  prefix = "havun-vault-",
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
