import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.ts";
import { planScenario } from "./installments-plan.ts";

/**
 * Many comments on the hub cannot push the App's plan out of view: the App reads the first and
 * the last comments, and the plan comments its signed control state records by id.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ scenarios: [planScenario()] });
}, 60_000);
afterAll(() => h.stop());

it("keeps the orchestration going after 160 other comments around its plan comment", async () => {
  const issue = await h.writer.issues.create({
    owner: "havun",
    repo: "hub",
    title: "Installments",
    body: "Installments, discussed below.",
  });
  const where = { owner: "havun", repo: "hub", issue_number: issue.data.number };
  for (let i = 0; i < 40; i++)
    await h.reader.issues.createComment({ ...where, body: `early ${i}` });
  await h.writer.issues.createComment({ ...where, body: "/orchestrate Add installment payments" });
  await h.settle();
  for (let i = 0; i < 120; i++)
    await h.reader.issues.createComment({ ...where, body: `late ${i}` });
  await h.writer.issues.createComment({ ...where, body: "/status" });
  await h.settle();
  const comments = await h.writer.paginate(h.writer.issues.listComments, {
    ...where,
    per_page: 100,
  });
  const status = comments.filter((c) => c.user?.login === "havuncore[bot]").at(-1)?.body ?? "";
  expect(status).not.toMatch(/No plan yet/);
  expect(status).toMatch(/api-installments/);
  // The plan comment is outside both windows the App's one query reads.
  const plan = comments.findIndex((c) => c.body?.includes("havun:plan v1"));
  expect(plan).toBeGreaterThan(30);
  expect(comments.length - plan).toBeGreaterThan(100);
}, 180_000);
