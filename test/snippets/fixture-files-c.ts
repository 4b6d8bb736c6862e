/** The fixture library's files, part three: frontend, devops and the rest (fixture-library.ts). */
export const FILES_C: Record<string, string> = {
  "frontend/vue-checkout-form.vue": `<!-- ---
title: Vue checkout form
description: A checkout form component with field validation and a choice between paying now and installments.
tags: [vue, checkout, forms, frontend]
usage: Register CheckoutForm in the checkout page and listen for its submit event.
--- -->
<template>
  <form @submit.prevent="submit">
    <input v-model="email" type="email" required />
    <select v-model="plan">
      <option value="now">Pay now</option>
      <option value="3">3 monthly installments</option>
      <option value="6">6 monthly installments</option>
    </select>
    <button :disabled="!valid">Pay</button>
  </form>
</template>
<script setup>
import { computed, ref } from "vue";
const emit = defineEmits(["submit"]);
const email = ref("");
const plan = ref("now");
const valid = computed(() => /.+@.+/.test(email.value));
const submit = () => emit("submit", { email: email.value, plan: plan.value });
</script>
`,
  "frontend/react-debounce-hook.tsx": `// ---
// title: useDebounce hook
// description: A React hook that delays a changing value, for search inputs that should not query on every keystroke.
// tags: [react, hooks, debounce, frontend]
// usage: const query = useDebounce(input, 300); fetch with query in an effect.
// requires: [react]
// ---
import { useEffect, useState } from "react";

export function useDebounce<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}
`,
  "devops/github-actions-node-ci.yml": `# ---
# title: Node CI workflow
# description: A GitHub Actions workflow that installs dependencies with npm ci and runs the tests on pushes and pull requests.
# tags: [github-actions, ci, node]
# usage: Save as .github/workflows/ci.yml.
# ---
name: CI
on: [push, pull_request]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci
      - run: npm test
`,
  "devops/dockerfile-node.dockerfile": `# ---
# title: Multi-stage Dockerfile for Node
# description: Builds a Node application in one stage and runs it from a slim image as a non-root user.
# tags: [docker, node, container]
# usage: Save as Dockerfile at the repository root; docker build -t app .
# ---
FROM node:22 AS build
WORKDIR /app
COPY package*.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:22-slim
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY --from=build /app/node_modules ./node_modules
USER node
CMD ["node", "dist/server.js"]
`,
  "logging/pino-logger.ts": `// ---
// title: Structured logging with pino
// description: A pino logger with a request id per HTTP request and redaction of authorization headers.
// tags: [logging, pino, observability]
// usage: Import logger; in each request handler use requestLogger(req).
// requires: [pino]
// ---
import { randomUUID } from "node:crypto";
import pino from "pino";

export const logger = pino({ redact: ["req.headers.authorization"] });

export function requestLogger(req: { headers: Record<string, string | undefined> }) {
  return logger.child({ requestId: req.headers["x-request-id"] ?? randomUUID() });
}
`,
  "cache/redis-cache-aside.ts": `// ---
// title: Redis cache-aside
// description: Reads through a Redis cache with a TTL and fills it from the loader on a miss.
// tags: [redis, cache, performance]
// usage: const plans = await cached("plans", 60, () => loadPlans());
// requires: [ioredis]
// secrets: [REDIS_URL]
// ---
import Redis from "ioredis";

const redis = new Redis(process.env.REDIS_URL!);

export async function cached<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  const hit = await redis.get(key);
  if (hit !== null) return JSON.parse(hit) as T;
  const value = await load();
  await redis.set(key, JSON.stringify(value), "EX", ttlSeconds);
  return value;
}
`,
  "validation/zod-env.ts": `// ---
// title: Validate environment variables
// description: Parses process.env with zod at start-up so a missing or malformed setting fails fast with a clear message.
// tags: [zod, env, config, validation]
// usage: Import env from src/env.ts instead of reading process.env directly.
// requires: [zod]
// ---
import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().default(3000),
  DATABASE_URL: z.string().url(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export const env = schema.parse(process.env);
`,
  "dates/business-days.ts": `// ---
// title: Add business days
// description: Adds working days to a date, skipping weekends and a list of public holidays.
// tags: [dates, calendar]
// usage: addBusinessDays(new Date(), 5, holidays) for due dates and delivery estimates.
// ---
export function addBusinessDays(start: Date, days: number, holidays: string[] = []): Date {
  const date = new Date(start);
  let left = days;
  while (left > 0) {
    date.setDate(date.getDate() + 1);
    const weekend = date.getDay() === 0 || date.getDay() === 6;
    if (!weekend && !holidays.includes(date.toISOString().slice(0, 10))) left--;
  }
  return date;
}
`,
  "config/feature-flags.json": `{
  "newCheckout": false,
  "installments": { "enabled": true, "months": [3, 6] },
  "darkMode": { "enabled": true, "rollout": 0.25 }
}
`,
  "config/feature-flags.meta.yml": `title: Feature flag defaults
description: Default feature flags with on/off switches and gradual percentage rollouts, read at start-up.
tags: [feature-flags, config, json]
usage: Save as config/flags.json; override per environment.
`,
  "docs/api-error-format.md": `---
title: API error response format
description: The JSON shape every API error answers with, with a code, a message and a hint, and the HTTP status to use.
tags: [api, errors, docs]
usage: Link it from the API's README and follow it in every error handler.
---

# Error responses

Every error answers JSON: \`{ "error": { "code": "ORDER_NOT_FOUND", "message": "…", "hint": "…" } }\`.

| status | when |
| --- | --- |
| 400 | the request is malformed |
| 404 | the resource does not exist |
| 409 | the request conflicts with the resource's state |
| 422 | the request is well-formed but invalid |
`,
};
