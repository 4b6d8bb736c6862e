import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, "utf8");

/**
 * HavunCore as project repositories use it: the agent Action (action.yml and its bundle) and
 * the reusable agent workflow, published in the sandbox as `havun/havuncore`.
 */
export function havuncoreRepoFiles(): Record<string, string> {
  return {
    "README.md": "# havuncore\n\nThe HavunCore agent Action and reusable workflows.\n",
    "action/action.yml": read("action/action.yml"),
    "action/dist/index.mjs": read("action/dist/index.mjs"),
    "action/dist/vault-open.mjs": read("action/dist/vault-open.mjs"),
    ".github/workflows/agent.yml": read(".github/workflows/agent.yml"),
  };
}

export const CALLER_WORKFLOW = read("action/templates/havun-agent.yml");

/** CI in each project repository: the tests on every pull request. */
export const CI_WORKFLOW = `name: CI
on:
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
`;

export const CLAUDE_BIN = `${root}node_modules/.bin/claude`;
