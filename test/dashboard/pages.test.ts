import { describe, expect, it } from "vitest";
import type { OrchestrationView, TaskRow } from "../../app/gateway/orchestration-view.ts";
import { html, raw } from "../../dashboard/html.ts";
import { graphSvg, layers } from "../../dashboard/pages/graph-svg.ts";
import { layout } from "../../dashboard/pages/layout.ts";
import { parseRoute, pathOf, type Route } from "../../dashboard/routes.ts";
import { renderHub } from "../../dashboard/views/hub.ts";
import { orchestrationProbes, renderOrchestration } from "../../dashboard/views/orchestration.ts";
import { renderTask, taskProbes } from "../../dashboard/views/task.ts";

/** Markup with its whitespace collapsed, as a browser shows its text. */
const flat = (markup: string) => markup.replace(/\s+/g, " ");

const task = (id: string, over: Partial<TaskRow> = {}): TaskRow => ({
  id,
  title: `Title of ${id}`,
  repo: "acme/api",
  kind: "implementation",
  status: "pending",
  dependencies: [],
  waitingOn: [],
  acceptance: ["it works"],
  estimateMinutes: 30,
  attempt: 1,
  allowedAttempts: 3,
  fixRounds: 0,
  issue: { number: 4, url: "https://github.com/acme/api/issues/4", state: "open", labels: [] },
  pull: null,
  costUsd: null,
  ...over,
});

function view(tasks: TaskRow[], over: Partial<OrchestrationView> = {}): OrchestrationView {
  return {
    hub: {
      repo: "acme/hub",
      number: 12,
      title: "Installments",
      url: "https://github.com/acme/hub/issues/12",
      state: "open",
      author: "wendy",
      createdAt: "2026-01-01T10:00:00Z",
    },
    planned: true,
    waitingForApproval: false,
    cancelled: false,
    problems: [],
    tasks,
    progress: {
      done: 1,
      total: 3,
      cancelled: 0,
      failed: 0,
      percent: 33,
      remainingMinutes: 60,
      costUsd: 0.42,
    },
    eta: "about 1 h",
    costByRepo: { "acme/api": 0.42 },
    complete: false,
    pending: 0,
    ...over,
  };
}

describe("routes", () => {
  it("parses every level's deep link and prints it back", () => {
    const routes: Route[] = [
      { kind: "hub", page: 1 },
      { kind: "hub", page: 3 },
      { kind: "orchestration", number: 12 },
      { kind: "task", number: 12, task: "api-endpoint" },
      { kind: "run", number: 12, task: "api-endpoint", run: 98765 },
      { kind: "transcript", number: 12, task: "api-endpoint", run: 98765 },
    ];
    for (const r of routes) {
      const [path, search] = pathOf(r).split("?");
      expect(parseRoute(path!, search ? `?${search}` : "")).toEqual(r);
    }
    for (const bad of ["/x", "/12/tasks/", "/12/tasks/Bad_Id", "/12/tasks/a/runs/x", "/../etc"])
      expect(parseRoute(bad)).toBeNull();
  });
});

describe("html", () => {
  it("escapes every value (text and attributes) unless it is our own markup", () => {
    const hostile = `<script>alert(1)</script>" onmouseover="x`;
    const out = html`<p title="${hostile}">
      ${hostile}${raw("<b>ours</b>")}${[hostile, null, false]}
    </p>`;
    expect(out.value).not.toContain("<script>");
    expect(out.value).not.toContain('" onmouseover="');
    expect(out.value).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x");
    expect(out.value).toContain("<b>ours</b>");
  });

  it("lays a page out with its live address, a no-script refresh and only local assets", () => {
    const page = layout({
      hub: "acme/hub",
      body: {
        title: "T",
        crumbs: [{ label: "a", href: "/" }, { label: "b" }],
        main: html`<p>x</p>`,
      },
      live: "/events?view=%2F12&v=abc",
    });
    expect(page).toContain('<main id="main" data-live="/events?view=%2F12&amp;v=abc">');
    expect(page).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    );
    expect(page).toContain('<noscript><meta http-equiv="refresh" content="30" /></noscript>');
    for (const m of page.matchAll(/(?:src|href)="([^"]+)"/g)) expect(m[1]).toMatch(/^\//);
  });
});

describe("the dependency graph", () => {
  const nodes = [
    { id: "api", title: "API", status: "done" as const, dependencies: [], href: "/12/tasks/api" },
    {
      id: "web",
      title: "Web",
      status: "running" as const,
      dependencies: ["api"],
      href: "/12/tasks/web",
    },
    {
      id: "docs",
      title: "Docs",
      status: "failed" as const,
      dependencies: [],
      href: "/12/tasks/docs",
    },
    {
      id: "admin",
      title: "Admin <b>",
      status: "blocked" as const,
      dependencies: ["api", "web"],
      href: "/12/tasks/admin",
    },
  ];

  it("puts each task one layer below its deepest dependency", () => {
    expect(layers(nodes)).toEqual([["api", "docs"], ["web"], ["admin"]]);
  });

  it("draws a box per task in its status colour, linked, and an arrow per dependency", () => {
    const svg = flat(graphSvg(nodes).value);
    expect(svg.match(/<a href="\/12\/tasks\/[a-z]+" class="node"/g)).toHaveLength(4);
    expect(svg).toMatch(/data-task="api" data-status="done"[\s\S]*?fill="#dafbe1"/);
    expect(svg).toMatch(/data-task="docs" data-status="failed"[\s\S]*?fill="#ffebe9"/);
    expect(svg.match(/class="edge"/g)).toHaveLength(3);
    expect(svg).toContain('data-from="api" data-to="admin"');
    expect(svg).toContain("Admin &lt;b&gt;");
  });
});

describe("the pages, from plain data", () => {
  it("lists the hub's orchestrations with state, progress, cost and age", () => {
    const page = flat(
      renderHub(
        {
          hub: "acme/hub",
          page: 1,
          more: false,
          rows: [
            {
              listing: {
                number: 12,
                title: "Installments",
                url: "u",
                state: "closed",
                stateReason: "completed",
                author: "wendy",
                createdAt: "2026-01-01T10:00:00Z",
                updatedAt: "2026-01-01T10:00:00Z",
                closedAt: null,
              },
              view: view([task("api")]),
              error: null,
            },
            {
              listing: {
                number: 13,
                title: "Refunds",
                url: "u",
                state: "open",
                stateReason: null,
                author: "wendy",
                createdAt: "2026-01-01T11:00:00Z",
                updatedAt: "2026-01-01T11:00:00Z",
                closedAt: null,
              },
              view: null,
              error: "no config",
            },
          ],
        },
        Date.parse("2026-01-01T12:00:00Z"),
      ).main.value,
    );
    expect(page).toMatch(
      /<tr data-issue="12">[\s\S]*#12 Installments[\s\S]*completed[\s\S]*1\/3 \(33%\)[\s\S]*\$0\.42[\s\S]*2 h ago/,
    );
    expect(page).toMatch(/<tr data-issue="13">[\s\S]*no config[\s\S]*1 h ago/);
  });

  it("shows an orchestration's tasks with their pull request, checks, gate and cost", () => {
    const v = view([
      task("api", {
        status: "review",
        costUsd: 0.42,
        pull: {
          repo: "acme/api",
          number: 7,
          url: "https://github.com/acme/api/pull/7",
          state: "OPEN",
          draft: false,
          headSha: "a".repeat(40),
          checks: [
            {
              id: 1,
              name: "test",
              status: "COMPLETED",
              conclusion: "SUCCESS",
              app: "github-actions",
            },
            { id: 2, name: "lint", status: "IN_PROGRESS", conclusion: null, app: "github-actions" },
            {
              id: 3,
              name: "havun/gate",
              status: "COMPLETED",
              conclusion: "FAILURE",
              app: "havuncore",
            },
          ],
          gate: {
            id: 3,
            name: "havun/gate",
            status: "COMPLETED",
            conclusion: "FAILURE",
            app: "havuncore",
          },
        },
      }),
      task("web", { status: "blocked", dependencies: ["api"], waitingOn: ["api"], issue: null }),
    ]);
    const page = flat(renderOrchestration(v).main.value);
    expect(page).toMatch(
      /<tr data-task="api" data-status="review">[\s\S]*#7[\s\S]*open[\s\S]*1 passed · 1 failed · 1 running[\s\S]*not ready[\s\S]*\$0\.42/,
    );
    expect(page).toMatch(/<tr data-task="web" data-status="blocked">[\s\S]*waits on api/);
    expect(page).toContain("ETA about 1 h");
    // An open pull request's checks are watched besides the hub issue.
    expect(orchestrationProbes(v).map((p) => p.key)).toEqual([
      "issue acme/hub#12",
      `checks acme/api@${"a".repeat(40)}`,
    ]);
    const waiting = flat(
      renderOrchestration(
        view([], { waitingForApproval: true, problems: ["tasks.0.repo: not a project"] }),
      ).main.value,
    );
    expect(waiting).toContain("Waiting for approval");
    expect(waiting).toContain("tasks.0.repo: not a project");
  });

  it("shows a task's attempts, fix rounds, runs with tokens and cost, and the gate's missing items", () => {
    const m = {
      hub: { repo: "acme/hub", number: 12, title: "Installments" },
      task: task("api", { status: "failed", attempt: 2, allowedAttempts: 2, fixRounds: 1 }),
      missing: ["Acceptance: it works is not ticked"],
      runs: [
        {
          run: {
            repo: "acme/api",
            id: 555,
            url: "https://github.com/acme/api/actions/runs/555",
            attempt: 2,
            round: 1,
            status: "completed",
            conclusion: "failure",
            createdAt: "2026-01-01T10:00:00Z",
            startedAt: "2026-01-01T10:00:00Z",
            updatedAt: "2026-01-01T10:02:05Z",
            durationMs: 125_000,
          },
          result: null,
          note: "the artifact expired",
        },
      ],
    };
    const page = flat(renderTask(m).main.value);
    expect(page).toContain("attempt 2 of 2 · 1 fix round(s)");
    expect(page).toMatch(
      /<tr data-run="555">[\s\S]*\/12\/tasks\/api\/runs\/555[\s\S]*2 · fix 1[\s\S]*failure[\s\S]*2 min 5 s[\s\S]*the artifact expired/,
    );
    // The gate's items only show with a gate verdict.
    expect(page).not.toContain("it works is not ticked");
    expect(taskProbes(m).map((p) => p.key)).toEqual(["issue acme/hub#12", "issue acme/api#4"]);
  });
});
