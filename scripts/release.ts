/**
 * Releases HavunCore at package.json's version (see CONTRIBUTING.md, "Releasing"):
 *
 *   npx tsx scripts/release.ts --dry-run     # checks and prints the steps; writes nothing
 *   npx tsx scripts/release.ts [--remote origin]
 */
import { fileURLToPath } from "node:url";
import { release, ReleaseError } from "./release-steps.ts";

const args = process.argv.slice(2);
const remoteAt = args.indexOf("--remote");
const known = new Set(["--dry-run", "--remote"]);
const unknown = args.filter((a, i) => a.startsWith("--") && !known.has(a) && i !== remoteAt + 1);
if (unknown.length) {
  process.stderr.write(`unknown option ${unknown[0]}: use --dry-run and --remote NAME\n`);
  process.exit(2);
}
try {
  release({
    root: fileURLToPath(new URL("..", import.meta.url)),
    dryRun: args.includes("--dry-run"),
    remote: remoteAt >= 0 ? (args[remoteAt + 1] ?? "origin") : "origin",
    build: true,
    say: (line) => process.stdout.write(`${line}\n`),
  });
} catch (err) {
  if (!(err instanceof ReleaseError)) throw err;
  process.stderr.write(`cannot release:\n${err.message}\n`);
  process.exit(1);
}
