import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** Base62 characters like the API's ids (`msg_01…`, `toolu_01…`, `req_…`). */
export function randomId(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export const messageId = (): string => `msg_01${randomId(22)}`;
export const toolUseId = (): string => `toolu_01${randomId(22)}`;
