/**
 * The demo's integration check and deployments: the API's integration workflow (its tests on
 * the merged default branch), the API's deploy workflow (dispatched by the App with the
 * deployment's id) and the portal's (`on: deployment`, for a `github_deployments_only` target).
 * Each reports its deployment's statuses with the job's token, as a real deploy job would.
 */
const REPORT_STATUS = `const [id, state, envUrl] = process.argv.slice(2);
const api = process.env.GITHUB_API_URL + "/repos/" + process.env.GITHUB_REPOSITORY;
const log = process.env.GITHUB_SERVER_URL + "/" + process.env.GITHUB_REPOSITORY + "/actions/runs/" + process.env.GITHUB_RUN_ID;
const r = await fetch(api + "/deployments/" + id + "/statuses", {
  method: "POST",
  headers: { authorization: "Bearer " + process.env.GITHUB_TOKEN, "content-type": "application/json" },
  body: JSON.stringify({ state, log_url: log, ...(envUrl ? { environment_url: envUrl } : {}) }),
});
if (!r.ok) { console.error(r.status, await r.text()); process.exit(1); }
`;

/** A step that reports a deployment status (the script is written to a file first). */
const step = (args: string, when = "") => `      - ${when ? `if: ${when}\n        ` : ""}run: |
          cat > /tmp/report-status-$GITHUB_RUN_ID.mjs <<'JS'
${REPORT_STATUS.split("\n")
  .map((l) => `          ${l}`)
  .join("\n")}
          JS
          node /tmp/report-status-$GITHUB_RUN_ID.mjs "$DEPLOYMENT_ID" ${args}`;

export const API_INTEGRATION_WORKFLOW = `name: integration
run-name: integration \${{ inputs.hub_issue }}
on:
  workflow_dispatch:
    inputs:
      hub_issue: { type: string, required: true }
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

export const API_DEPLOY_WORKFLOW = `name: deploy
on:
  workflow_dispatch:
    inputs:
      deployment_id: { type: string, required: true }
      environment: { type: string, required: true }
      ref: { type: string, required: true }
permissions:
  deployments: write
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      DEPLOYMENT_ID: \${{ inputs.deployment_id }}
      GITHUB_TOKEN: \${{ github.token }}
    steps:
${step("in_progress")}
      - name: Respect a deploy freeze (the repository variable DEPLOY_FREEZE says why)
        if: vars.DEPLOY_FREEZE != ''
        env:
          DEPLOY_FREEZE: \${{ vars.DEPLOY_FREEZE }}
        run: |
          echo "::error::Deploys are frozen: $DEPLOY_FREEZE"
          exit 1
${step("success https://api.havun.example")}
${step("failure", "failure()")}
`;

export const PORTAL_DEPLOY_WORKFLOW = `name: deploy
on: deployment
permissions:
  deployments: write
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      DEPLOYMENT_ID: \${{ github.event.deployment.id }}
      GITHUB_TOKEN: \${{ github.token }}
    steps:
${step("success https://portal.havun.example")}
`;

/** The hub config's release sections (appended to the demo's HUB_CONFIG; the API first). */
export const RELEASE_CONFIG = `integration:
  workflows:
    - repo: havun/api
      workflow: integration.yml
deploy:
  - repo: havun/api
    environment: production
    workflow: deploy.yml
  - repo: havun/portal
    environment: production
    github_deployments_only: true
`;

/** The hub config with the demo's contract declared: the API provides it, the portal consumes it. */
export function releaseHubConfig(config: string): string {
  return (
    config
      .replace(
        "    description: The payments HTTP API (Node, node:http)\n    stack: [node]\n",
        "    description: The payments HTTP API (Node, node:http)\n    stack: [node]\n    contracts: { provides: [payments] }\n",
      )
      .replace(
        "    description: The customer portal; its checkout and admin pages call the API\n    stack: [node]\n",
        "    description: The customer portal; its checkout and admin pages call the API\n    stack: [node]\n    contracts: { consumes: [payments] }\n",
      ) + RELEASE_CONFIG
  );
}

/** The portal's pact with the API, as its Pact tests would publish it to the hub (spec 3). */
export function portalPact(plan: Record<string, unknown> = { months: 3 }): string {
  return (
    JSON.stringify(
      {
        consumer: { name: "portal" },
        provider: { name: "api" },
        interactions: [
          {
            description: "the checkout reads the installment plans",
            request: { method: "GET", path: "/installment-plans" },
            response: {
              status: 200,
              headers: { "Content-Type": "application/json" },
              body: { plans: [plan] },
            },
          },
        ],
        metadata: { pactSpecification: { version: "3.0.0" } },
      },
      null,
      2,
    ) + "\n"
  );
}

/** The hub's contract registry: `payments`, its provider's description path and the portal's pact. */
export const RELEASE_HUB_FILES: Record<string, string> = {
  "contracts/payments/contract.yml": [
    "provider: havun/api",
    "provider_openapi: openapi.yaml",
    "description: Payments and installment plans",
    "consumers:",
    "  - havun/portal",
    "",
  ].join("\n"),
  "contracts/payments/pacts/portal/portal-api.json": portalPact(),
};
