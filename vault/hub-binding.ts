import { VaultError } from "./errors.ts";
import { CONFIG_FILE } from "./layout.ts";
import { normalizeHub } from "./names.ts";
import { hubOf, type SealedFile } from "./sealed-file.ts";
import { hubMissing, parseVaultConfig } from "./vault-config.ts";

/**
 * A sealed file belongs to the hub it was sealed in. Refuses a v1 file (bound to no hub) unless
 * `allowLegacy` (rotation, which re-seals it as v2), and a file sealed for another hub than
 * `hub`, the one it is read from. Without `hub` only the format is checked.
 */
export function checkHubBinding(
  file: SealedFile,
  hub: string | undefined,
  allowLegacy = false,
): void {
  const bound = hubOf(file);
  const reseal = `\`havun vault seal ${file.name} --repo ${file.repo}\``;
  if (bound === null) {
    if (allowLegacy) return;
    throw new VaultError(
      "VAULT_LEGACY_FORMAT",
      `${file.name} for ${file.repo} is in the old format ${file.format}, which is bound to no ` +
        "hub, so no run opens it",
      `re-seal it in the hub's vault, which writes the hub-bound format: \`havun vault rotate ` +
        `--repo ${file.repo}\` (all of its secrets, with its HAVUN_VAULT_KEY) or ${reseal}`,
    );
  }
  if (hub !== undefined && bound !== hub) {
    throw new VaultError(
      "VAULT_WRONG_HUB",
      `${file.name} for ${file.repo} was sealed for hub ${bound}, not for ${hub}, where it is read from`,
      "a sealed file opens only from the hub it was sealed in, so a copy in another hub is " +
        `refused; if ${hub} should hold it, delete the copy and seal the value there (${reseal})`,
    );
  }
}

/**
 * The hub a vault's files must be bound to, for `verify`: vault.json's, which must agree with
 * `given` (e.g. --hub in the hub's CI); else `given`. A vault holding sealed files must say it.
 */
export function expectedVaultHub(input: {
  configText: string | undefined;
  given: string | undefined;
  hasSecrets: boolean;
}): string | undefined {
  const given = input.given === undefined ? undefined : normalizeHub(input.given);
  if (input.configText === undefined) {
    if (given === undefined && input.hasSecrets) throw hubMissing();
    return given;
  }
  const { hub } = parseVaultConfig(input.configText);
  if (given !== undefined && hub !== given) {
    throw new VaultError(
      "VAULT_WRONG_HUB",
      `names hub ${hub}, but this vault is ${given}'s`,
      `${CONFIG_FILE} must name the repository whose vault/ this is; if the hub was renamed, ` +
        'see "Renaming the hub" in the vault README',
    );
  }
  return hub;
}
