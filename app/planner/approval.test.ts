import { describe, expect, it } from "vitest";
import { hubConfig, installmentPlan, task } from "../spec/fixtures.ts";
import { planSchema } from "../spec/task-schema.ts";
import { approvalNeed, namedProjects, needsApproval } from "./approval.ts";

const config = hubConfig();
const tasks = (...t: Parameters<typeof task>[]) =>
  planSchema.parse({ summary: "s", tasks: t.map((a) => task(...a)) }).tasks;
const named = (request: string) => [...namedProjects(request, config)].sort();

describe("which projects a request names", () => {
  it("matches owner/name or the bare name as a whole word, ignoring case", () => {
    expect(named("Add refunds to acme/API")).toEqual(["acme/api"]);
    expect(named("Add refunds to the api.")).toEqual(["acme/api"]);
    expect(named("the Portal and the api")).toEqual(["acme/api", "acme/portal"]);
    expect(named("see https://github.com/acme/portal/issues")).toEqual(["acme/portal"]);
  });

  it("does not match inside longer names or another owner's repository", () => {
    expect(named("wrap the apis")).toEqual([]);
    expect(named("use rapid-api and api_client, api-gateway")).toEqual([]);
    expect(named("fork other/api")).toEqual([]);
    expect(named("api.js is slow")).toEqual([]);
  });

  it("reads the request as a reader sees it: hidden names do not count", () => {
    expect(named("Add refunds <!-- acme/api -->")).toEqual([]);
    // An invisible character inside a name does not hide it: the reader sees "api".
    expect(named("Add refunds to the a\u200Bpi")).toEqual(["acme/api"]);
  });
});

describe("whether a plan needs approval (approval: risky)", () => {
  it("needs none for tasks without secrets in the projects the request names", () => {
    const need = approvalNeed(
      tasks(["task-a", { repo: "acme/api", secrets: [] }]),
      "fix the api",
      config,
    );
    expect(need).toEqual({ secrets: [], repos: [] });
    expect(needsApproval(need)).toBe(false);
  });

  it("lists every task that attaches a secret", () => {
    const need = approvalNeed(
      tasks(
        ["task-a", { repo: "acme/api", secrets: ["MOLLIE_API_KEY", "SMTP_PASSWORD"] }],
        ["task-b", { repo: "acme/api", secrets: [] }],
      ),
      "fix the api",
      config,
    );
    expect(need.secrets).toEqual([
      { task: "task-a", repo: "acme/api", names: ["MOLLIE_API_KEY", "SMTP_PASSWORD"] },
    ]);
    expect(needsApproval(need)).toBe(true);
  });

  it("lists the projects beyond those the request names", () => {
    const plan = tasks(["task-a", { repo: "acme/api" }], ["task-b", { repo: "acme/portal" }]);
    expect(approvalNeed(plan, "a logo in the portal", config).repos).toEqual(["acme/api"]);
    expect(approvalNeed(plan, "the portal calls the api", config).repos).toEqual([]);
  });

  it("counts a replan's already accepted projects as named", () => {
    const plan = tasks(["task-a", { repo: "acme/api" }], ["task-b", { repo: "acme/portal" }]);
    expect(approvalNeed(plan, "more in the portal", config, ["ACME/API"]).repos).toEqual([]);
  });

  it("leaves the choice of projects to the planner when the request names none", () => {
    const plan = planSchema.parse(installmentPlan).tasks;
    const need = approvalNeed(plan, "Add installment payments", config);
    expect(need.repos).toEqual([]);
    expect(need.secrets.map((s) => s.task)).toEqual(["installment-api"]);
  });
});
