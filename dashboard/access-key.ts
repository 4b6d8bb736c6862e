import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

const COOKIE = "havun_dashboard";

/** A key for one run of the dashboard: whoever can reach the port still needs it. */
export function newAccessKey(): string {
  return randomBytes(24).toString("base64url");
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Whether a request may see the dashboard: it carries the key in `?key=` (the address the
 * command prints; the answer then sets a cookie, so links and the event stream need no key) or
 * in that cookie. Other people on the same machine can reach 127.0.0.1 too, and the pages show
 * what the token can read.
 */
export function admit(
  req: IncomingMessage,
  url: URL,
  key: string,
): { ok: false } | { ok: true; setCookie: string | null } {
  const given = url.searchParams.get("key");
  if (given !== null && same(given, key))
    return { ok: true, setCookie: `${COOKIE}=${key}; HttpOnly; SameSite=Strict; Path=/` };
  const cookie = (req.headers.cookie ?? "")
    .split(";")
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${COOKIE}=`));
  return cookie && same(cookie.slice(COOKIE.length + 1), key)
    ? { ok: true, setCookie: null }
    : { ok: false };
}
