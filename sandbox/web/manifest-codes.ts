import { randomBytes } from "node:crypto";
import type { SandboxCore } from "../core.ts";

/** GitHub: the code must be exchanged within an hour. */
export const MANIFEST_CODE_LIFETIME_MS = 3600_000;

interface Pending {
  appId: number;
  expiresAt: number;
}

/** What the manifest flow made that the App record does not hold. */
export interface ManifestAppInfo {
  clientSecret: string;
  public: boolean;
  setupUrl: string | null;
}

const codes = new WeakMap<SandboxCore, Map<string, Pending>>();
const infos = new WeakMap<SandboxCore, Map<number, ManifestAppInfo>>();

function table<K, V>(map: WeakMap<SandboxCore, Map<K, V>>, core: SandboxCore): Map<K, V> {
  let t = map.get(core);
  if (!t) map.set(core, (t = new Map()));
  return t;
}

export function rememberManifestApp(core: SandboxCore, appId: number, info: ManifestAppInfo): void {
  table(infos, core).set(appId, info);
}

/** Set for Apps made by the manifest flow (seeded Apps have none). */
export function manifestAppInfo(core: SandboxCore, appId: number): ManifestAppInfo | undefined {
  return table(infos, core).get(appId);
}

/** A temporary code for the App just created, good once for an hour. */
export function issueManifestCode(core: SandboxCore, appId: number, now = Date.now()): string {
  const code = randomBytes(20).toString("hex");
  table(codes, core).set(code, { appId, expiresAt: now + MANIFEST_CODE_LIFETIME_MS });
  return code;
}

/** The App a code stands for; the code is spent. Null when unknown, spent or expired. */
export function redeemManifestCode(
  core: SandboxCore,
  code: string,
  now = Date.now(),
): number | null {
  const t = table(codes, core);
  const pending = t.get(code);
  t.delete(code);
  if (!pending || pending.expiresAt <= now) return null;
  return pending.appId;
}
