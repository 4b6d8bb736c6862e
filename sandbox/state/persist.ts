import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { emptyState, type State } from "./types.ts";

/** Loads a state file written by `persistTo`, or a fresh state when there is none. */
export function loadState(file: string | undefined): State {
  if (!file || !existsSync(file)) return emptyState();
  const parsed = JSON.parse(readFileSync(file, "utf8")) as State;
  if (parsed.version !== 1)
    throw new Error(`${file}: unknown sandbox state version ${String(parsed.version)}`);
  return { ...emptyState(), ...parsed };
}

/** Writes the state atomically (temp file + rename), at most every `delayMs`. */
export function persistTo(
  file: string,
  get: () => State,
  delayMs = 200,
): { schedule(): void; flush(): void } {
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(get()));
    renameSync(tmp, file);
  };
  return {
    schedule() {
      timer ??= setTimeout(flush, delayMs);
    },
    flush,
  };
}
