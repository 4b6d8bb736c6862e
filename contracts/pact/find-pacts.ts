import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";

export interface RegistryPact {
  /** The consumer's folder name (its repository's name). */
  consumer: string;
  file: string;
}

/** Every consumer's pacts for a service: `<dir>/<service>/pacts/<consumer>/*.json`, sorted. */
export async function findServicePacts(dir: string, service: string): Promise<RegistryPact[]> {
  const root = join(dir, service, "pacts");
  if (!existsSync(root)) return [];
  const out: RegistryPact[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    for (const file of await readdir(join(root, entry.name))) {
      if (file.endsWith(".json"))
        out.push({ consumer: entry.name, file: join(root, entry.name, file) });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
