/**
 * The demo hub's agents (`.github/havun/agents/*.md`): one for the API, one for the portal, on
 * different models, so the demo shows which agent ran which task.
 */
export const HUB_AGENTS: Record<string, string> = {
  ".github/havun/agents/backend-engineer.md": `---
name: backend-engineer
description: Server-side work in the payments API — endpoints, payment providers, their tests.
kinds: [implementation, testing]
repos: [havun/api]
model: claude-sonnet-5-5
fallback_model: claude-haiku-5-5
max_turns: 20
---
You work on the payments HTTP API (Node, node:http, no framework).

- Every route lives in src/routes.js and answers [status, body].
- Add a node:test test in test/ for each route you add, and run \`npm test\`.
- Payment provider keys come from the environment; never log them.
`,
  ".github/havun/agents/frontend-engineer.md": `---
name: frontend-engineer
description: The customer portal — checkout and admin pages that call the API.
kinds: [implementation, docs]
repos: [havun/portal]
model: claude-haiku-5-5
max_turns: 15
---
You work on the customer portal (plain Node modules, no build step).

- Keep the existing function signatures in src/; pages read data the API gives them.
- Prefer small, readable changes; the portal has no test suite yet, so check by reading the code.
`,
};
