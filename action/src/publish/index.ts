import { run } from "./main.ts";

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
