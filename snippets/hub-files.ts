/**
 * Read access to the hub repository at one commit, as the snippet delivery needs it: the
 * entries of a folder and a file's bytes. The App implements it with its installation token,
 * the agent job with its read-only token (github-files.ts); tests with a directory.
 */
export interface HubFiles {
  /** The entries of a folder (names, kinds, sizes); null when there is no such folder. */
  list(path: string): Promise<{ name: string; type: string; size: number }[] | null>;
  /** A file's bytes; null when there is no such file. */
  read(path: string): Promise<Uint8Array | null>;
}
