import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { callerWorkflowText } from "../../app/install/caller-workflow.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");

/**
 * HavunCore as project repositories use it: its three actions (prepare, agent, publish) with
 * their bundles and the reusable agent and publish workflows, published in the sandbox as
 * `havun/havuncore`.
 */
export function havuncoreRepoFiles(): Record<string, string> {
  return {
    "README.md": "# havuncore\n\nThe HavunCore actions and reusable workflows.\n",
    "action/action.yml": read("action/action.yml"),
    "action/dist/index.mjs": read("action/dist/index.mjs"),
    "action/prepare/action.yml": read("action/prepare/action.yml"),
    "action/prepare/dist/index.mjs": read("action/prepare/dist/index.mjs"),
    "action/prepare/dist/vault-open.mjs": read("action/prepare/dist/vault-open.mjs"),
    "action/publish/action.yml": read("action/publish/action.yml"),
    "action/publish/dist/index.mjs": read("action/publish/dist/index.mjs"),
    ".github/workflows/agent.yml": read(".github/workflows/agent.yml"),
    ".github/workflows/publish.yml": read(".github/workflows/publish.yml"),
  };
}

/**
 * The caller workflow `havun init` writes, at `main`: the sandbox's `havun/havuncore` is this
 * working tree as one commit on `main`, with no release tags.
 */
export const CALLER_WORKFLOW = callerWorkflowText(
  { repo: "havun/havuncore", ref: "main" },
  "havun/hub",
);

/**
 * CI in each project repository, as the README recommends where agents write code: the tests
 * on every pull request with a read-only token and no credentials left in the checkout (the
 * agent's code runs here).
 */
export const CI_WORKFLOW = `name: CI
on:
  pull_request:
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
        with:
          persist-credentials: false
      - run: npm test
`;

export const CLAUDE_BIN = `${root}node_modules/.bin/claude`;
