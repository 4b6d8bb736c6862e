import sodium from "sodium-native";

/** A buffer in sodium's guarded memory (not swapped, not in core dumps, guard pages around it). */
export function secureAlloc(size: number): Buffer {
  return sodium.sodium_malloc(size);
}

/** Copies bytes into guarded memory and zeroes the source. */
export function secureTake(source: Buffer): Buffer {
  const secure = secureAlloc(source.length);
  source.copy(secure);
  sodium.sodium_memzero(source);
  return secure;
}

/** Zeroes every buffer given (undefined ones are skipped). */
export function wipe(...buffers: Array<Buffer | undefined>): void {
  for (const buffer of buffers) if (buffer !== undefined) sodium.sodium_memzero(buffer);
}

/** Runs `use` on a secure buffer and zeroes it afterwards, whatever happens. */
export function withWiped<T>(buffer: Buffer, use: (buffer: Buffer) => T): T {
  try {
    return use(buffer);
  } finally {
    wipe(buffer);
  }
}
