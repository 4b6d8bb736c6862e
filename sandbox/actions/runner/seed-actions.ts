import { sealTo } from "../../ops/sealed-box.ts";
import type { SandboxCore } from "../../core.ts";
import { repoKey } from "../../rest/handlers/secrets.ts";
import type { SeedDescription } from "../../state/seed.ts";
import {
  putEnvironmentSecret,
  putEnvironmentVariable,
  sealForEnvironment,
} from "../../ops/environment-secrets.ts";
import { ensureEnvironment } from "../../ops/environments.ts";
import { putVariable } from "../rest/variables.ts";

/**
 * `repos[].secrets` (sealed to the repository's key, as a client would), `repos[].variables`,
 * and `repos[].environments` with their secrets (sealed to each environment's key) and variables.
 */
export function seedActionsData(core: SandboxCore, d: SeedDescription): void {
  for (const r of d.repos ?? []) {
    const repo = core.store.repo(r.owner, r.name);
    if (!repo) continue;
    for (const [name, value] of Object.entries(r.secrets ?? {})) {
      const key = repoKey(core, repo);
      const now = core.store.now();
      const upper = name.toUpperCase();
      const st = core.store.state;
      st.repoSecrets = st.repoSecrets.filter((s) => !(s.repoId === repo.id && s.name === upper));
      st.repoSecrets.push({
        repoId: repo.id,
        name: upper,
        encryptedValue: sealTo(key, value),
        keyId: key.keyId,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (const [name, value] of Object.entries(r.variables ?? {}))
      putVariable({ core }, repo, name, value);
    for (const [envName, e] of Object.entries(r.environments ?? {})) {
      const { environment } = ensureEnvironment(core, repo, envName);
      for (const [name, value] of Object.entries(e.secrets ?? {}))
        putEnvironmentSecret(core, environment, name, sealForEnvironment(core, environment, value));
      for (const [name, value] of Object.entries(e.variables ?? {}))
        putEnvironmentVariable(core, environment, name, value);
    }
  }
  core.store.changed();
}
