import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * Signs and verifies what the App writes into GitHub text (task specs, the control state, cost
 * figures) with a key only the App has: derived from its private key, so every App instance
 * computes the same key and nothing is stored. A person, an agent or another App can copy a
 * signed value but cannot make a new one.
 *
 * A signature covers a purpose ("spec", "control", "cost", …) and the exact data, so a value
 * signed for one use never verifies for another.
 */
export interface MarkerSigner {
  /** base64url HMAC-SHA256 (43 characters). */
  sign(purpose: string, data: string): string;
  verify(purpose: string, data: string, signature: string): boolean;
  /** False for the read-only signer used where no App key is available (CLI views). */
  readonly canSign: boolean;
}

const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

function mac(key: Buffer, purpose: string, data: string): Buffer {
  return createHmac("sha256", key).update(`havun:${purpose}\n`).update(data, "utf8").digest();
}

/** The App's signer, from its GitHub App private key (PEM). */
export function signerFromPrivateKey(privateKeyPem: string): MarkerSigner {
  const pem = privateKeyPem.replace(/\r\n/g, "\n").trim();
  if (!pem.includes("PRIVATE KEY")) throw new Error("the App's private key is not a PEM key");
  const key = Buffer.from(hkdfSync("sha256", pem, "havuncore", "markers v1", 32));
  return {
    canSign: true,
    sign: (purpose, data) => mac(key, purpose, data).toString("base64url"),
    verify(purpose, data, signature) {
      if (!SIGNATURE.test(signature)) return false;
      const given = Buffer.from(signature, "base64url");
      return timingSafeEqual(given, mac(key, purpose, data));
    },
  };
}

/**
 * For views without the App's key (`havun status` with a person's token): it signs nothing
 * (a placeholder of a signature's length) and takes every signature as good, so a view shows
 * what the App's bot wrote without being able to check it. Never given to anything that acts:
 * the gateway refuses to apply writes with it.
 */
export const VIEW_ONLY_SIGNER: MarkerSigner = {
  canSign: false,
  sign: () => "view-only-signer-signs-nothing-000000000000".slice(0, 43),
  verify: () => true,
};
