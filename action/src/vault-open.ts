/**
 * The vault's opening side, bundled apart (dist/vault-open.mjs) because it needs sodium-native,
 * a native module the Action installs, pinned, only when a task names secrets.
 */
export { openTaskSecrets } from "../../vault/task-secrets.ts";
export { parsePinnedSealers } from "../../vault/pinned-sealers.ts";
