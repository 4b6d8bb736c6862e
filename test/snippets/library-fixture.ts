import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { buildLibrary, type Library } from "../../snippets/library.ts";
import { FIXTURE_FILES } from "./fixture-library.ts";

/** The fixture library parsed from memory. */
export function fixtureLibrary(files: Record<string, string> = FIXTURE_FILES): Library {
  const enc = new TextEncoder();
  return buildLibrary(
    Object.entries(files).map(([path, text]) => ({ path, content: enc.encode(text) })),
  );
}

/** The fixture library written to a new temporary directory (its path). */
export function writeFixtureLibrary(files: Record<string, string> = FIXTURE_FILES): string {
  const dir = mkdtempSync(join(tmpdir(), "havun-snippets-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
