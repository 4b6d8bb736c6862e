import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { callerWorkflowText } from "../../app/install/caller-workflow.ts";
import type { SeedDescription } from "../../sandbox/state/seed.ts";
import { HUB_CONFIG } from "./harness.ts";

/**
 * Stand-ins for HavunCore's reusable workflows, called by the caller workflow `havun init`
 * writes (the real template): the agent job first asks the test whether its runner survives
 * (the test holds the answer, so it decides when and how a run dies before it takes its task),
 * then takes its task from the App with its ID token, as the real agent job does. The publish
 * job does nothing.
 */
const AGENT = `name: HavunCore agent
on:
  workflow_call:
    inputs:
      hub: { type: string, required: true }
      app-url: { type: string, default: "" }
    secrets:
      ANTHROPIC_API_KEY: { required: false }
      HAVUN_VAULT_KEY: { required: false }
jobs:
  agent:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - name: Set up the runner
        env:
          OUTAGE: \${{ vars.OUTAGE_URL }}
        run: |
          node -e 'fetch(process.env.OUTAGE).then((r) => r.text()).then((t) => { if (t !== "up") { console.error("the runner was lost"); process.exit(1); } })'
      - name: Take the task
        env:
          APP_URL: \${{ inputs.app-url }}
          HUB: \${{ inputs.hub }}
          ISSUE: \${{ github.event.issue.number }}
        run: |
          node -e '
            const env = process.env;
            (async () => {
              const id = await fetch(env.ACTIONS_ID_TOKEN_REQUEST_URL + "&audience=havuncore", { headers: { authorization: "bearer " + env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } });
              const { value } = await id.json();
              const r = await fetch(env.APP_URL + "/api/havun/v1/task", { method: "POST", headers: { authorization: "Bearer " + value, "content-type": "application/json" }, body: JSON.stringify({ issue: Number(env.ISSUE), hub: env.HUB }) });
              console.log(r.status, await r.text());
              if (!r.ok) process.exit(1);
            })();
          '
`;

const PUBLISH = `name: HavunCore publish
on:
  workflow_call:
    inputs:
      hub: { type: string, required: true }
      app-url: { type: string, default: "" }
      app-id: { type: string, default: "" }
    secrets:
      HAVUN_APP_PRIVATE_KEY: { required: false }
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: echo nothing to publish
`;

/** A workflow of the project's own whose failing runs claim to be the task's (a hostile run-name). */
export const impostorWorkflow = (issue: number) => `name: Triage
run-name: "HavunCore agent: #${issue} havun:ready"
on:
  issues:
    types: [labeled]
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - run: exit 1
`;

/** The seed: the harness's hub, api (with the caller workflow) and portal, and the stand-ins. */
export function readyRunRepos(outageUrl: string): NonNullable<SeedDescription["repos"]> {
  return [
    {
      owner: "havun",
      name: "havuncore",
      files: {
        "README.md": "# havuncore\n",
        ".github/workflows/agent.yml": AGENT,
        ".github/workflows/publish.yml": PUBLISH,
      },
    },
    {
      owner: "havun",
      name: "hub",
      files: { "README.md": "# hub\n", ".github/havun.yml": HUB_CONFIG },
    },
    {
      owner: "havun",
      name: "api",
      description: "Payments API",
      files: {
        "README.md": "# api\nAn HTTP API.\n",
        "src/server.js": "// api\n",
        ".github/workflows/havun-agent.yml": callerWorkflowText(
          { repo: "havun/havuncore", ref: "main" },
          "havun/hub",
        ),
      },
      variables: { OUTAGE_URL: outageUrl },
    },
    {
      owner: "havun",
      name: "portal",
      description: "Customer portal",
      files: { "README.md": "# portal\n", "src/checkout.js": "// checkout\n" },
    },
  ];
}

/** The runners' fate: each agent job's first step waits here until the test answers it. */
export async function outageSwitch(): Promise<{
  url: string;
  /** The next waiting runner; answer "up" to let it go on, anything else and it dies. */
  next(): Promise<(answer: string) => void>;
  close(): Promise<void>;
}> {
  const waiting: ServerResponse[] = [];
  const wanted: ((res: ServerResponse) => void)[] = [];
  const server = createServer((req, res) => {
    req.resume();
    const taker = wanted.shift();
    if (taker) taker(res);
    else waiting.push(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const answer = (res: ServerResponse) => (text: string) => res.end(text);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    next: () => {
      const res = waiting.shift();
      if (res) return Promise.resolve(answer(res));
      return new Promise((r) => wanted.push((got) => r(answer(got))));
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
