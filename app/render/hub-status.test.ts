import { describe, expect, it } from "vitest";
import { renderHubStatus } from "./hub-status.ts";
import type { StatusTask, StatusView } from "./status-view.ts";

const base = { repo: "acme/api", estimateMinutes: 30, dependencies: [] as string[] };
const tasks: StatusTask[] = [
  {
    ...base,
    id: "api-endpoint",
    title: "Add installment endpoint",
    status: "done",
    issue: { number: 3, url: "u3" },
    pr: { number: 4, url: "u4", merged: true },
    costUsd: 0.42,
  },
  {
    ...base,
    id: "checkout",
    title: "Checkout",
    repo: "acme/portal",
    status: "review",
    issue: { number: 5, url: "u5" },
    pr: { number: 6, url: "u6", merged: false },
    dependencies: ["api-endpoint"],
    estimateMinutes: 45,
  },
  {
    ...base,
    id: "admin",
    title: "Admin",
    status: "blocked",
    dependencies: ["api-endpoint", "checkout"],
    estimateMinutes: 40,
    issue: { number: 7, url: "u7" },
  },
  {
    ...base,
    id: "emails",
    title: "Emails",
    status: "running",
    attempts: 2,
    maxAttempts: 3,
    estimateMinutes: 60,
  },
  { ...base, id: "docs", title: "Docs", status: "failed", attempts: 3, costUsd: 1.5 },
  { ...base, id: "later", title: "Later", status: "pending" },
  { ...base, id: "ready-one", title: "Ready", status: "ready" },
  { ...base, id: "sent", title: "Sent", status: "dispatched" },
  { ...base, id: "dropped", title: "Dropped", status: "cancelled" },
];
const view: StatusView = { tasks, maxParallel: 3 };

describe("renderHubStatus", () => {
  const md = renderHubStatus(view);

  it("shows progress, ETA and cost", () => {
    // 8 tasks count (one cancelled). Three slots: checkout (45), emails (60) and sent (30) hold
    // them; at 30 "later" starts (admin waits for checkout), at 45 admin (to 85), at 60 ready-one.
    expect(md).toContain(
      "**1/8 done (12%)** · ETA about 1 h 30 min · cost $1.92 · 1 failed · 1 cancelled",
    );
  });

  it("has one checklist line per task, with its status", () => {
    expect(md).toContain(
      "- [x] ✅ **api-endpoint** — Add installment endpoint · acme/api#3 · PR acme/api#4 · $0.42\n",
    );
    expect(md).toContain(
      "- [ ] 👀 **checkout** — Checkout · in review · acme/portal#5 · PR acme/portal#6\n",
    );
    expect(md).toContain("- [ ] ⛔ **admin** — Admin · waiting for checkout · acme/api#7\n");
    expect(md).toContain("- [ ] 🔄 **emails** — Emails · running (attempt 2 of 3)\n");
    expect(md).toContain("- [ ] ❌ **docs** — Docs · failed after 3 attempts · $1.50\n");
    expect(md).toContain("- [ ] ⏳ **later** — Later · pending\n");
    expect(md).toContain("- [ ] 🟢 **ready-one** — Ready · ready\n");
    expect(md).toContain("- [ ] 🚀 **sent** — Sent · dispatched\n");
    expect(md).toContain("- [ ] 🚫 **dropped** — Dropped · cancelled\n");
    expect(md.match(/^- \[[ x]\] /gm)).toHaveLength(tasks.length);
  });

  it("colours the graph's nodes by status", () => {
    expect(md).toContain("  t_api_endpoint --> t_checkout");
    expect(md).toContain("  classDef done fill:#dafbe1");
    expect(md).toContain("  class t_api_endpoint done");
    expect(md).toContain("  class t_admin blocked");
    expect(md).toContain("  class t_dropped cancelled");
  });

  it("says so when nothing is left", () => {
    const done = renderHubStatus({ tasks: [tasks[0]!], maxParallel: 3 });
    expect(done).toContain("**1/1 done (100%)** · cost $0.42");
    expect(done).not.toContain("ETA");
  });

  it("stays within its budget, leaving out the graph and then lines", () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      ...tasks[5]!,
      id: `task-${i}`,
      title: "T".repeat(200),
    }));
    const text = renderHubStatus({ tasks: many, maxParallel: 3 }, 10_000);
    expect(text.length).toBeLessThanOrEqual(10_000);
    expect(text).not.toContain("mermaid");
    expect(text).toMatch(/_… \d+ more tasks not shown._/);
  });
});
