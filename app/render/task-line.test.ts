import { expect, it } from "vitest";
import type { StatusTask } from "./status-view.ts";
import { taskLine } from "./task-line.ts";

const task: StatusTask = {
  id: "api",
  title: "API",
  repo: "acme/api",
  status: "running",
  dependencies: [],
  issue: { number: 3, url: "u" },
  pr: { number: 4, url: "p", merged: false },
  costUsd: 0.0712,
  attempts: 1,
  maxAttempts: 3,
  round: { n: 2, kind: "review" },
  estimateMinutes: 30,
};

it("shows a task's fix round and its cost so far, and leaves the round out once done", () => {
  expect(taskLine(task, [task])).toBe(
    "- [ ] 🔄 **api** — API · running · acme/api#3 · PR acme/api#4 · fix round 2 (review) · $0.07",
  );
  const done = { ...task, status: "done" as const };
  expect(taskLine(done, [done])).not.toContain("fix round");
});
