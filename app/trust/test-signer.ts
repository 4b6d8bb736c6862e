import { signerFromPrivateKey } from "./marker-signer.ts";

/** A signer for pure tests: derived from a fixed text, as the App's is from its private key. */
export const TEST_SIGNER = signerFromPrivateKey(
  "-----BEGIN PRIVATE KEY-----\nhavuncore pure tests\n-----END PRIVATE KEY-----",
);
