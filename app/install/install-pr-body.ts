import { CALLER_PATH, type HavunCoreRef } from "./caller-workflow.ts";
import type { HardenedFile } from "./init-plan.ts";

export const CALLER_COMMIT = "Add HavunCore's caller workflow";
export const HARDENING_COMMIT =
  "Harden CI that runs pull requests: read-only token, no persisted credentials";

function hardeningLines(f: HardenedFile): string[] {
  const lines = [`- \`${f.path}\` runs on \`pull_request\`:`];
  for (const c of f.changes) {
    if (c.kind === "permissions")
      lines.push(
        "  - added `permissions: contents: read` at the top: jobs without their own `permissions` got the repository's default token, which can write to it. A job that needs more can be given its own `permissions:`.",
      );
    else
      lines.push(
        `  - \`persist-credentials: false\` on \`actions/checkout\` (job \`${c.job}\`, step ${c.step}): otherwise the token stays in \`.git/config\`, where the code under test can read it.`,
      );
  }
  if (f.secrets.length)
    lines.push(
      `  - not changed, look at it: it uses the secrets ${f.secrets.map((s) => `\`${s}\``).join(", ")}, which the pull request's code can read while it runs.`,
    );
  return lines;
}

/** The pull request body: what each commit does and why. */
export function installPullBody(o: {
  repo: string;
  hub: string;
  havuncore: HavunCoreRef;
  caller: boolean;
  hardened: HardenedFile[];
}): string {
  const parts = [
    `This pull request connects \`${o.repo}\` to the HavunCore hub \`${o.hub}\`. It was opened by \`havun init\`; each commit can be reviewed on its own.`,
    "",
  ];
  if (o.caller)
    parts.push(
      `### ${CALLER_COMMIT} — \`${CALLER_PATH}\``,
      "",
      `When the HavunCore App labels a sub-issue of this repository \`havun:ready\`, this workflow runs HavunCore's reusable workflows at \`${o.havuncore.repo}@${o.havuncore.ref}\`:`,
      "",
      "- **agent** (`agent.yml`): runs Claude Code on the task with a read-only token and no stored credential;",
      "- **publish** (`publish.yml`): checks the change and opens its pull request with a short-lived token the App issues for this repository only.",
      "",
      `It takes tasks from \`${o.hub}\` only. It needs the secret \`ANTHROPIC_API_KEY\`, the variable \`HAVUN_APP_URL\` and, for tasks with sealed secrets, the secret \`HAVUN_VAULT_KEY\` — \`havun init\` printed the commands; \`havun doctor --hub ${o.hub}\` checks them.`,
      "",
    );
  if (o.hardened.length)
    parts.push(
      `### ${HARDENING_COMMIT}`,
      "",
      "Agents write code that runs in this repository's CI, so CI on pull requests should hold nothing worth stealing (HavunCore's security model):",
      "",
      ...o.hardened.flatMap(hardeningLines),
      "",
      "Workflows that already set these were left alone.",
      "",
    );
  return parts.join("\n");
}
