import { Octokit } from "@octokit/rest";
import { startSandbox, type Sandbox } from "../../sandbox/index.ts";

/** A sandbox with org `acme` (admin alice, member bob), user carol outside it, and the HavunCore App. */
export async function acmeSandbox(
  extra: Parameters<typeof startSandbox>[0] = {},
): Promise<Sandbox> {
  return startSandbox({
    secondaryRateLimit: 0,
    ...extra,
    seed: {
      users: [{ login: "alice" }, { login: "bob" }, { login: "carol" }],
      orgs: [{ login: "acme", members: { alice: "admin", bob: "member" } }],
      repos: [
        {
          owner: "acme",
          name: "api",
          private: true,
          files: { "README.md": "# api\n", "src/index.js": "console.log('hi');\n" },
          collaborators: { bob: "write" },
        },
        { owner: "acme", name: "portal", private: true, files: { "README.md": "# portal\n" } },
      ],
      apps: [
        {
          slug: "havuncore",
          owner: "acme",
          manifest: "app.yml",
          installations: [{ account: "acme" }],
        },
      ],
      ...extra.seed,
    },
  });
}

/** Octokit logs every 4xx; the tests assert them instead. */
export const quiet = { debug() {}, info() {}, warn() {}, error() {} };

export function octokitFor(sb: Sandbox, token: string): Octokit {
  return new Octokit({ auth: token, baseUrl: sb.apiUrl, request: { retries: 0 }, log: quiet });
}
