import { fileURLToPath } from "node:url";
import type { SeedDescription } from "./state/seed.ts";

/** The HavunCore App manifest at the repository root. */
export const APP_MANIFEST = fileURLToPath(new URL("../app.yml", import.meta.url));

/**
 * What `havun sandbox` starts with: organization `owner` whose admin is `admin`, a hub and two
 * project repositories, and the HavunCore App installed on the organization.
 */
export function defaultSeed(owner = "havun", admin = "havun-admin"): SeedDescription {
  return {
    users: [{ login: admin, name: "Havun Admin" }],
    orgs: [{ login: owner, members: { [admin]: "admin" } }],
    repos: [
      { owner, name: "hub", description: "Orchestration hub", files: { "README.md": "# hub\n" } },
      { owner, name: "api", description: "HTTP API", files: { "README.md": "# api\n" } },
      {
        owner,
        name: "portal",
        description: "Customer portal",
        files: { "README.md": "# portal\n" },
      },
    ],
    apps: [
      { slug: "havuncore", owner, manifest: APP_MANIFEST, installations: [{ account: owner }] },
    ],
  };
}
