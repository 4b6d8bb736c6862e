/**
 * Octokit's throttling plugin spaces content-creating requests (1 s apart, 3 s for those that
 * notify people), as GitHub asks of integrations. That is right against GitHub; against the
 * sandbox, which enforces its own secondary rate limit, tests shorten the spacing. This is a
 * drop-in for the plugin's Bottleneck group: one request at a time, `minTimeMs` apart.
 */
export interface PacedGroup {
  key(id: string): {
    schedule<T>(
      options: unknown,
      fn: (...args: unknown[]) => Promise<T>,
      ...args: unknown[]
    ): Promise<T>;
  };
}

export function pacedGroup(minTimeMs: number): PacedGroup {
  const lanes = new Map<string, Promise<unknown>>();
  return {
    key(id: string) {
      return {
        schedule<T>(
          _options: unknown,
          fn: (...args: unknown[]) => Promise<T>,
          ...args: unknown[]
        ): Promise<T> {
          const prev = lanes.get(id) ?? Promise.resolve();
          const run = prev.then(
            () => fn(...args),
            () => fn(...args),
          );
          lanes.set(id, run.then(wait(minTimeMs), wait(minTimeMs)));
          return run;
        },
      };
    },
  };
}

function wait(ms: number): () => Promise<void> {
  return () => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());
}
