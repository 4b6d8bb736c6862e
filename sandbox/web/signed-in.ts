import type { IncomingMessage } from "node:http";
import type { SandboxCore } from "../core.ts";
import type { AccountRecord } from "../state/types.ts";

/** How a test signs in to the sandbox's web pages (it has no login page). */
export const SIGN_IN_HELP =
  "Sign in: send a user's sandbox token as `Authorization: token TOKEN` or as the cookie `user_session=TOKEN`.";

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/**
 * The person using the web pages: the user whose (unexpired) user token comes in
 * `Authorization: token …` or the `user_session` cookie; null when none.
 */
export function signedInUser(core: SandboxCore, req: IncomingMessage): AccountRecord | null {
  const header = /^(?:token|bearer)\s+(\S+)$/i.exec(String(req.headers.authorization ?? "").trim());
  const secret = header?.[1] ?? cookie(req, "user_session");
  if (!secret) return null;
  const t = core.store.state.tokens.find((x) => x.token === secret && x.kind === "user");
  if (!t || (t.expiresAt && t.expiresAt < new Date().toISOString())) return null;
  const account = core.store.account(t.login);
  return account?.type === "User" ? account : null;
}
