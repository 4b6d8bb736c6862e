/** Runs an entry point: its code as the exit code, a thrown error as `::error::` with its fix. */
export function runEntry(run: () => Promise<number>): void {
  run().then(
    (code) => {
      process.exitCode = code;
    },
    (err: Error & { code?: string; hint?: string }) => {
      process.stdout.write(
        `::error::${err.code ? `[${err.code}] ` : ""}${err.message}${err.hint ? ` — ${err.hint}` : ""}\n`,
      );
      process.exitCode = 1;
    },
  );
}
