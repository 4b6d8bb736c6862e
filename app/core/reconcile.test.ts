import { describe, expect, it } from "vitest";
import { hubConfigSchema } from "../config/hub-config-schema.ts";
import { parseSpecBlock, renderSpecBlock } from "../spec/spec-block.ts";
import type { Plan, Task } from "../spec/task-schema.ts";
import { emptyControl } from "./control.ts";
import { TEST_SIGNER as signer } from "../trust/test-signer.ts";
import { reconcile as reconcileWith } from "./reconcile.ts";
import { stateOf, subIssueOf } from "./test-state.ts";

const reconcile = (s: OrchestrationState, c: typeof config, now?: string) =>
  reconcileWith(s, c, { signer, now, appSlug: "havuncore" });
import type { OrchestrationState, PullView, SubIssueView } from "./state.ts";

const config = hubConfigSchema.parse({
  // The plans here attach no secrets; under "risky" the App approves such a plan itself.
  approval: "auto",
  projects: [
    { repo: "acme/api", description: "API" },
    { repo: "acme/portal", description: "Portal" },
  ],
});

function task(
  id: string,
  repo: string,
  dependencies: string[] = [],
  priority: Task["priority"] = "medium",
): Task {
  return {
    id,
    title: id,
    repo,
    kind: "implementation",
    priority,
    dependencies,
    instructions: ["do it"],
    acceptance: ["done"],
    secrets: [],
    snippets: [],
    contracts: [],
    estimate_minutes: 30,
  };
}

const plan: Plan = {
  summary: "s",
  tasks: [
    task("api", "acme/api", [], "high"),
    task("checkout", "acme/portal", ["api"]),
    task("dashboard", "acme/portal", ["api", "checkout"]),
  ],
};

let nextId = 100;
const sub = (t: Task, extra: Partial<SubIssueView> = {}) => subIssueOf(t, nextId++, extra);

function ownPull(number: number, state: PullView["state"]): PullView {
  return {
    repo: "acme/api",
    number,
    url: "u",
    state,
    author: "havuncore[bot]",
    headRef: "havun/1-api",
    own: true,
    headSha: "a".repeat(40),
    draft: false,
    mergeable: "MERGEABLE",
    checks: [],
    requests: [],
  };
}

const state = (subIssues: SubIssueView[], over: Partial<OrchestrationState> = {}) =>
  stateOf(plan, subIssues, over);

const kinds = (s: OrchestrationState) =>
  reconcile(s, config, "2026-01-02T00:00:00Z").actions.map((a) => a.kind);

describe("reconcile (pure)", () => {
  it("files a sub-issue per task, blocked ones labelled, and writes the hub checklist", () => {
    const r = reconcile(state([]), config);
    const creates = r.actions.filter((a) => a.kind === "create-sub-issue");
    expect(creates.map((a) => a.kind === "create-sub-issue" && a.task.id)).toEqual([
      "api",
      "checkout",
      "dashboard",
    ]);
    expect(creates[1]!.kind === "create-sub-issue" && creates[1]!.labels).toContain(
      "havun:blocked",
    );
    expect(r.actions.some((a) => a.kind === "update-body")).toBe(true);
  });

  it("dispatches only tasks whose dependencies are done, and links dependencies once", () => {
    const subs = plan.tasks.map((t) => sub(t));
    const first = reconcile(state(subs), config);
    const dispatched = first.actions
      .filter((a) => a.kind === "add-labels")
      .map((a) => a.kind === "add-labels" && a.issue.number);
    expect(dispatched).toEqual([subs[0]!.number]);
    expect(first.actions.filter((a) => a.kind === "add-blocked-by")).toHaveLength(3);
    // Applied: the links are remembered in the control state, the API task is labelled ready.
    subs[0]!.labels.push("havun:ready");
    const settled = state(subs, { control: first.control });
    settled.hub.body = (
      first.actions.find((a) => a.kind === "update-body" && a.issue.number === 1) as {
        body: string;
      }
    ).body;
    expect(kinds(settled)).toEqual([]);
  });

  it("moves on when a dependency is merged or closed as completed", () => {
    const subs = plan.tasks.map((t) => sub(t));
    subs[0] = { ...subs[0]!, pulls: [ownPull(9, "MERGED")] };
    const r = reconcile(
      state(subs, {
        control: {
          ...emptyControl(),
          links: ["checkout<api", "dashboard<api", "dashboard<checkout"],
        },
      }),
      config,
    );
    expect(r.views.find((v) => v.task.id === "api")!.status).toBe("done");
    expect(
      r.actions
        .filter((a) => a.kind === "add-labels")
        .map((a) => a.kind === "add-labels" && a.issue.number),
    ).toEqual([subs[1]!.number]);
  });

  it("honours max_parallel and sequential dispatch", () => {
    const wide: Plan = {
      summary: "s",
      tasks: ["wa", "wb", "wc", "wd"].map((id) => task(id, "acme/api")),
    };
    const subs = wide.tasks.map((t) => sub(t));
    const two = hubConfigSchema.parse({ ...config, agent: { max_parallel: 2 } });
    expect(
      reconcile(state(subs, { plan: wide }), two).actions.filter((a) => a.kind === "add-labels"),
    ).toHaveLength(2);
    const seq = hubConfigSchema.parse({ ...config, dispatch: "sequential" });
    expect(
      reconcile(state(subs, { plan: wide }), seq).actions.filter((a) => a.kind === "add-labels"),
    ).toHaveLength(1);
  });

  it("retries a failed attempt while attempts remain, then blocks dependents", () => {
    const subs = plan.tasks.map((t) => sub(t));
    subs[0]!.labels.push("havun:failed");
    const retry = reconcile(state(subs), config).actions;
    expect(retry.some((a) => a.kind === "remove-label" && a.label === "havun:failed")).toBe(true);
    const exhausted = sub(plan.tasks[0]!, { labels: ["havun", "havun:failed"] });
    exhausted.spec = { ...exhausted.spec!, attempt: 3 };
    const r = reconcile(state([exhausted, ...subs.slice(1)]), config);
    expect(r.views.find((v) => v.task.id === "api")!.status).toBe("failed");
    expect(r.views.find((v) => v.task.id === "checkout")!.waitingOn).toEqual(["api"]);
    expect(r.actions.some((a) => a.kind === "add-labels")).toBe(false);
  });

  it("closes a duplicate sub-issue and deletes a duplicate keyed comment, keeping the oldest", () => {
    const subs = plan.tasks.map((t) => sub(t));
    const dup = sub(plan.tasks[0]!, { createdAt: "2026-02-01T00:00:00Z" });
    const r = reconcile(
      state([...subs, dup], {
        appComments: [
          { id: 1, key: "plan" },
          { id: 2, key: "plan" },
        ],
      }),
      config,
    );
    expect(r.actions.find((a) => a.kind === "close")).toMatchObject({
      issue: { number: dup.number },
      reason: "duplicate",
    });
    expect(r.actions.find((a) => a.kind === "delete-comment")).toMatchObject({ commentId: 2 });
  });

  it("ignores sub-issues not written by the App or with an edited spec", () => {
    const forged = sub(plan.tasks[0]!, { byApp: false });
    const r = reconcile(state([forged]), config);
    expect(r.actions.filter((a) => a.kind === "create-sub-issue")).toHaveLength(3);
  });

  it("an older look-alike with a copied genuine spec closes no real sub-issue as a duplicate", () => {
    const subs = plan.tasks.map((t) => sub(t));
    // Someone copied the real sub-issue's signed spec into an issue of their own, made earlier.
    const lookAlike = sub(plan.tasks[0]!, { byApp: false, createdAt: "2025-01-01T00:00:00Z" });
    const r = reconcile(state([lookAlike, ...subs], { control: { ...emptyControl() } }), config);
    expect(r.actions.filter((a) => a.kind === "close")).toEqual([]);
    expect(r.actions.some((a) => "issue" in a && a.issue.number === lookAlike.number)).toBe(false);
  });

  it("a failed task whose spec a person edited is not signed again on retry", () => {
    const subs = plan.tasks.map((t) => sub(t));
    // read-orchestration gives an edited spec as none: the signature no longer verifies.
    subs[0] = { ...subs[0]!, labels: ["havun", "havun:failed"], spec: null };
    const r = reconcile(
      state(subs, { control: { ...emptyControl(), extraAttempts: { api: 3 } } }),
      config,
    );
    expect(
      r.actions.filter(
        (a) => "issue" in a && a.issue.number === subs[0]!.number && a.kind === "update-body",
      ),
    ).toEqual([]);
  });

  it("reports and closes the hub once every task is done", () => {
    const subs = plan.tasks.map((t) => sub(t, { state: "closed", stateReason: "completed" }));
    const r = reconcile(state(subs), config, "2026-01-02T00:00:00Z");
    expect(r.complete).toBe(true);
    expect(r.actions.map((a) => a.kind)).toEqual(expect.arrayContaining(["comment", "close"]));
    const again = reconcile(
      state(subs, {
        commentKeys: ["plan", "final-report"],
        hub: { ...state([]).hub, state: "closed" },
      }),
      config,
    );
    expect(again.actions.filter((a) => a.kind === "comment" || a.kind === "close")).toEqual([]);
  });

  it("waits for approval when the hub requires it", () => {
    const strict = hubConfigSchema.parse({ ...config, approval: "required" });
    expect(reconcile(state([]), strict).actions.map((a) => a.kind)).toEqual(["update-body"]);
  });
  describe("a task is done only through its own work", () => {
    const links = {
      ...emptyControl(),
      links: ["checkout<api", "dashboard<api", "dashboard<checkout"],
    };
    const foreign: PullView = {
      repo: "acme/api",
      number: 7,
      url: "u7",
      state: "MERGED",
      author: "mallory",
      headRef: "feature",
      own: false,
      headSha: "b".repeat(40),
      draft: false,
      mergeable: "MERGEABLE",
      checks: [],
      requests: [],
    };

    it("another pull request's merge does not finish a task: its sub-issue is reopened, naming the PR and author", () => {
      const subs = plan.tasks.map((t) => sub(t));
      subs[0] = {
        ...subs[0]!,
        state: "closed",
        stateReason: "completed",
        pulls: [foreign],
        closedBy: {
          actor: "wendy",
          pull: { repo: "acme/api", number: 7, url: "u7", author: "mallory" },
          commit: null,
        },
      };
      const r = reconcile(state(subs, { control: links }), config);
      expect(r.views.find((v) => v.task.id === "api")!.status).not.toBe("done");
      const reopen = r.actions.filter((a) => a.kind === "reopen");
      expect(reopen).toHaveLength(1);
      const note = r.actions.find(
        (a) => a.kind === "comment" && a.key === `reopened-${subs[0]!.number}`,
      );
      expect(note && note.kind === "comment" && note.body).toMatch(/acme\/api#7.*`mallory`/);
      // Its dependents wait: nothing else is dispatched.
      expect(r.actions.filter((a) => a.kind === "add-labels")).toHaveLength(0);
    });

    it("an open pull request of someone else does not put the task in review", () => {
      const subs = plan.tasks.map((t) => sub(t));
      subs[0] = {
        ...subs[0]!,
        labels: ["havun", "havun:ready"],
        pulls: [{ ...foreign, state: "OPEN" }],
      };
      const r = reconcile(state(subs, { control: links }), config);
      expect(r.views.find((v) => v.task.id === "api")!.status).toBe("dispatched");
    });

    it("an outsider's open pull request that closes the sub-issue takes no max_parallel slot", () => {
      const subs = plan.tasks.map((t) => sub(t));
      subs[0] = { ...subs[0]!, labels: ["havun"], pulls: [{ ...foreign, state: "OPEN" }] };
      const one = { ...config, agent: { ...config.agent, max_parallel: 1 } };
      const r = reconcile(state(subs, { control: links }), one);
      expect(r.views.find((v) => v.task.id === "api")!.status).toBe("dispatched");
      expect(
        r.actions.some(
          (a) =>
            a.kind === "add-labels" &&
            a.labels.includes("havun:ready") &&
            a.issue.number === subs[0]!.number,
        ),
      ).toBe(true);
    });

    it("a commit's closing keyword does not finish a task", () => {
      const subs = plan.tasks.map((t) => sub(t));
      subs[0] = {
        ...subs[0]!,
        state: "closed",
        stateReason: "completed",
        closedBy: { actor: "x", pull: null, commit: "abcdef1234567890" },
      };
      const r = reconcile(state(subs, { control: links }), config);
      expect(r.actions.some((a) => a.kind === "reopen")).toBe(true);
    });

    it("a writer closing the sub-issue by hand finishes it; a person without write access does not", () => {
      const closed = (canWrite: boolean) => {
        const subs = plan.tasks.map((t) => sub(t));
        subs[0] = {
          ...subs[0]!,
          state: "closed",
          stateReason: "completed",
          closedBy: { actor: "wendy", pull: null, commit: null, actorCanWrite: canWrite },
        };
        return reconcile(state(subs, { control: links }), config);
      };
      expect(closed(true).views.find((v) => v.task.id === "api")!.status).toBe("done");
      expect(closed(true).actions.some((a) => a.kind === "reopen")).toBe(false);
      expect(closed(false).actions.some((a) => a.kind === "reopen")).toBe(true);
    });

    it("the hub issue closed by a pull request's merge is reopened", () => {
      const s = state(
        plan.tasks.map((t) => sub(t)),
        { control: links },
      );
      s.hub.state = "closed";
      s.hub.closedBy = {
        actor: "wendy",
        pull: { repo: "acme/api", number: 7, url: "u7", author: "mallory" },
        commit: null,
      };
      const r = reconcile(s, config);
      expect(
        r.actions
          .filter((a) => a.kind === "reopen")
          .map((a) => a.kind === "reopen" && a.issue.number),
      ).toEqual([1]);
    });
  });
  describe("fix rounds on a task's open pull request", () => {
    const links = {
      ...emptyControl(),
      links: ["checkout<api", "dashboard<api", "dashboard<checkout"],
    };
    const check = (name: string, conclusion: string | null, status = "COMPLETED") => ({
      id: name.length,
      name,
      status,
      conclusion,
      app: name === "havun/gate" ? "havuncore" : "github-actions",
    });
    const withPull = (
      pull: Partial<PullView>,
      extra: Partial<SubIssueView> = {},
      control = links,
    ) => {
      const subs = plan.tasks.map((t) => sub(t));
      subs[0] = { ...subs[0]!, pulls: [{ ...ownPull(9, "OPEN"), ...pull }], ...extra };
      return reconcile(state(subs, { control }), config);
    };
    const specOf = (r: ReturnType<typeof withPull>) => {
      const u = r.actions.find((a) => a.kind === "update-body" && a.issue.number !== 1);
      return u && u.kind === "update-body" ? parseSpecBlock(u.body, signer) : null;
    };

    it("dispatches a fix round on the same branch when a check fails (not for the gate)", () => {
      const r = withPull({ checks: [check("test", "FAILURE"), check("havun/gate", "FAILURE")] });
      expect(specOf(r)).toMatchObject({
        authentic: true,
        spec: {
          round: {
            kind: "checks",
            n: 1,
            trigger: `checks@${"a".repeat(40)}`,
            pull: 9,
            branch: "havun/1-api",
          },
        },
      });
      expect(
        r.actions.some((a) => a.kind === "add-labels" && a.labels.includes("havun:ready")),
      ).toBe(true);
      expect(r.control.fixRounds.api).toBe(1);
      expect(r.views.find((v) => v.task.id === "api")!.status).toBe("dispatched");
    });

    it("waits while a check still runs, and does nothing more for a failure a round already answers", () => {
      expect(
        specOf(
          withPull({ checks: [check("test", "FAILURE"), check("lint", null, "IN_PROGRESS")] }),
        ),
      ).toBeNull();
      const answered = sub(plan.tasks[0]!);
      const round = {
        kind: "checks" as const,
        n: 1,
        trigger: `checks@${"a".repeat(40)}`,
        pull: 9,
        branch: "havun/1-api",
      };
      const again = withPull(
        { checks: [check("test", "FAILURE")] },
        { spec: { ...answered.spec!, round } },
      );
      expect(specOf(again)).toBeNull();
      expect(again.views.find((v) => v.task.id === "api")!.status).toBe("review");
    });

    it("fails the task with the reason once the fix rounds are used up; /retry's grant gives one more", () => {
      const used = { ...links, fixRounds: { api: 2 } };
      const r = withPull({ checks: [check("test", "FAILURE")] }, {}, used);
      expect(specOf(r)).toBeNull();
      const note = r.actions.find(
        (a) => a.kind === "comment" && a.key.startsWith("fix-exhausted-api"),
      );
      expect(note && note.kind === "comment" && note.body).toMatch(
        /2 fix rounds are used up and `test` fails on acme\/api#9/,
      );
      expect(r.views.find((v) => v.task.id === "api")!.status).toBe("failed");
      expect(r.control.exhausted).toEqual(["api"]);
      const granted = withPull(
        { checks: [check("test", "FAILURE")] },
        { labels: ["havun", "havun:failed"] },
        { ...used, exhausted: ["api"], extraFixes: { api: 1 } },
      );
      expect(specOf(granted)).toMatchObject({ spec: { round: { n: 3 } } });
      expect(
        granted.actions.some((a) => a.kind === "remove-label" && a.label === "havun:failed"),
      ).toBe(true);
    });

    it("answers a conflict with its base before anything else", () => {
      const r = withPull({ mergeable: "CONFLICTING", checks: [check("test", "FAILURE")] });
      expect(specOf(r)).toMatchObject({ spec: { round: { kind: "conflict" } } });
    });

    it("marks a green draft ready for review once its dependencies are done; not a red one", () => {
      const green = withPull({
        draft: true,
        checks: [check("test", "SUCCESS"), check("havun/gate", "FAILURE")],
      });
      expect(green.actions).toContainEqual({ kind: "mark-ready", repo: "acme/api", number: 9 });
      const pending = withPull({ draft: true, checks: [check("test", null, "QUEUED")] });
      expect(pending.actions.some((a) => a.kind === "mark-ready")).toBe(false);
    });

    it("answers a writer's review or /havun comment once; a reader's never reaches the agent", () => {
      const ask = (canWrite: boolean) => ({
        kind: "review" as const,
        id: 77,
        author: canWrite ? "wendy" : "rita",
        canWrite,
      });
      const writer = withPull({ checks: [check("test", "SUCCESS")], requests: [ask(true)] });
      expect(specOf(writer)).toMatchObject({
        spec: { round: { kind: "review", trigger: "review@77" } },
      });
      expect(writer.control.answered).toEqual(["api:review@77"]);
      expect(
        specOf(withPull({ checks: [check("test", "SUCCESS")], requests: [ask(false)] })),
      ).toBeNull();
      const done = withPull(
        { checks: [check("test", "SUCCESS")], requests: [ask(true)] },
        {},
        { ...links, answered: ["api:review@77"] },
      );
      expect(specOf(done)).toBeNull();
    });

    it("a failed round on an open pull request goes on in fix rounds, never afresh", () => {
      const r = withPull(
        { checks: [check("test", "FAILURE")] },
        { labels: ["havun", "havun:failed"] },
      );
      expect(specOf(r)).toMatchObject({ spec: { attempt: 1, round: { n: 1 } } });
    });
  });
});
