import { CliError } from "./errors.ts";

export interface GitHubFlags {
  apiUrl?: string;
  token?: string;
}

/** GitHub's address and token from flags or the environment, with a clear error when missing. */
export function githubFromEnv(flags: GitHubFlags): { baseUrl: string; token: string } {
  const token = flags.token ?? process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
  if (!token) {
    throw new CliError(
      "no GitHub token: pass --token or set GITHUB_TOKEN (against `npx havun sandbox`, use the `token` it prints)",
    );
  }
  return { baseUrl: flags.apiUrl ?? process.env.GITHUB_API_URL ?? "https://api.github.com", token };
}

/** `owner/repo` or `owner/repo#12`. */
export function parseRepoRef(text: string, wantNumber: boolean): { repo: string; number?: number } {
  const m = /^([A-Za-z0-9-]+\/[A-Za-z0-9._-]+)(?:#(\d+))?$/.exec(text.trim());
  if (!m?.[1] || (wantNumber && !m[2])) {
    throw new CliError(
      `"${text}" is not ${wantNumber ? "owner/repo#number, like acme/hub#12" : "owner/repo, like acme/hub"}`,
    );
  }
  return { repo: m[1], ...(m[2] ? { number: Number(m[2]) } : {}) };
}
