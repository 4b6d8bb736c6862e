import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { planScenario } from "./installments-plan.ts";

/**
 * A writer on the hub and one project cannot have agents work in, or the planner read, the
 * other projects: tasks are planned only in repositories the person asking can write to.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    scenarios: [planScenario()],
    seed: {
      repos: [
        {
          owner: "havun",
          name: "hub",
          files: {
            "README.md": "# hub\n",
            ".github/havun.yml":
              "version: 1\nprojects:\n  - repo: havun/api\n    description: API\n  - repo: havun/portal\n    description: Portal\n",
          },
        },
        { owner: "havun", name: "api", files: { "README.md": "# api\n" } },
        {
          owner: "havun",
          name: "portal",
          private: true,
          files: { "README.md": "# portal\nPORTAL-PRIVATE-README\n" },
        },
      ],
    },
  });
  for (const repo of ["hub", "api"])
    await h.writer.repos.addCollaborator({
      owner: "havun",
      repo,
      username: "rita",
      permission: "push",
    });
}, 60_000);
afterAll(() => h.stop());

it("plans only in the projects the person asking can write to, and never reads the others", async () => {
  const mark = h.model.recorder.records.length;
  const issue = await h.reader.issues.create({
    owner: "havun",
    repo: "hub",
    title: "Installments",
    body: "/orchestrate Add installment payments",
  });
  await h.settle();
  const prompts = JSON.stringify(h.model.recorder.records.slice(mark).map((r) => r.body));
  const first = JSON.stringify(h.model.recorder.records[mark]?.body);
  expect(first).toContain("havun/api");
  expect(first).not.toContain("havun/portal");
  expect(prompts).not.toContain("PORTAL-PRIVATE-README");
  // The scripted planner insists on tasks in havun/portal: that plan is invalid, nothing is filed.
  const subs = (
    await h.writer.issues.listSubIssues({
      owner: "havun",
      repo: "hub",
      issue_number: issue.data.number,
    })
  ).data;
  expect(subs.filter((s) => s.repository_url.endsWith("/havun/portal"))).toEqual([]);
  const portal = await h.writer.issues.listForRepo({
    owner: "havun",
    repo: "portal",
    state: "all",
  });
  expect(portal.data).toEqual([]);
}, 120_000);
