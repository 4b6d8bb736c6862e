import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { SandboxCore } from "../../core.ts";

/** Download links expire like GitHub's (one minute) and are signed, so they need no token. */
const LINK_TTL_MS = 60_000;
const KEY = randomBytes(32);

function sign(path: string, expires: number): string {
  return createHmac("sha256", KEY).update(`${path}:${expires}`).digest("base64url");
}

/** A short-lived URL for `path` on the sandbox's server, as GitHub redirects downloads to. */
export function signedLink(core: SandboxCore, path: string): string {
  const expires = Date.now() + LINK_TTL_MS;
  return `${core.urls.server}${path}?expires=${expires}&sig=${sign(path, expires)}`;
}

/** The link is one `signedLink` made and it has not expired. */
export function validLink(url: URL): boolean {
  const expires = Number(url.searchParams.get("expires"));
  const sig = Buffer.from(url.searchParams.get("sig") ?? "");
  const want = Buffer.from(sign(url.pathname, expires));
  return (
    Number.isFinite(expires) &&
    expires >= Date.now() &&
    sig.length === want.length &&
    timingSafeEqual(sig, want)
  );
}
