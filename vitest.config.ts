import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "action/dist/**"],
    setupFiles: ["test/setup/response-violations.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Most end-to-end files wait on subprocesses (git, the runner, Claude Code): three at a time
    // on a 2-core machine, where the default would run one (measured: 11.0 min against 12.0 with
    // two).
    maxWorkers: 3,
  },
});
