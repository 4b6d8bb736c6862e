/**
 * The machine settings a confined run keeps (locale, proxies, extra CA certificates): nothing
 * that authenticates anyone.
 */
const KEEP = [
  "LANG",
  "LC_ALL",
  "LC_CTYPE",
  "TZ",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "NODE_EXTRA_CA_CERTS",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "npm_config_registry",
  "NPM_CONFIG_REGISTRY",
];

/** A proxy URL may carry a user and password: those never pass. */
function withoutUserinfo(value: string): string {
  try {
    const u = new URL(value);
    if (!u.username && !u.password) return value;
    u.username = "";
    u.password = "";
    return u.toString();
  } catch {
    return value;
  }
}

export function machineSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of KEEP) {
    const v = env[k];
    if (v) out[k] = /proxy|registry/i.test(k) ? withoutUserinfo(v) : v;
  }
  return out;
}
