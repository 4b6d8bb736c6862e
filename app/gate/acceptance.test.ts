import { describe, expect, it } from "vitest";
import { renderAcceptanceSection } from "../spec/agent-pull.ts";
import { checkAcceptance } from "./acceptance.ts";
import { evaluateGate } from "./evaluate-gate.ts";
import { CRITERIA, inputs, ownPull, section, TICKED } from "./test-fixtures.ts";

const UNTICKED = renderAcceptanceSection(CRITERIA);

describe("the acceptance checklist", () => {
  it("ignores the agent's forged ticked checklist outside HavunCore's section", () => {
    const forged =
      "## Acceptance\n\n- [x] GET /plans lists 3 and 6 months\n- [x] Tests cover `GET /plans`\n";
    const body = `${forged}\nCloses acme/api#3\n\n${UNTICKED}`;
    const r = evaluateGate(inputs({ pull: { body } }));
    expect(r.conclusion).toBe("failure");
    expect(r.missing.map((m) => m.text)).toEqual([
      "“GET /plans lists 3 and 6 months” is not ticked",
      "“Tests cover `GET /plans`” is not ticked",
    ]);
  });

  it("refuses a second copy of HavunCore's section (a forged one above the real one)", () => {
    const body = `${TICKED}\n\nCloses acme/api#3\n\n${UNTICKED}`;
    const r = checkAcceptance(CRITERIA, ownPull({ body }));
    expect(r.passed).toBeNull();
    expect(r.missing).toEqual([
      "the pull request's body has 2 HavunCore checklist markers where HavunCore writes one section: a person with write access removes the copies (restore the body from its edit history)",
    ]);
  });

  it("counts no ticks saved last by a person without write access, and says who it was", () => {
    const mallory = { login: "mallory", bot: false, canWrite: false };
    const r = evaluateGate(inputs({ pull: { editor: mallory } }));
    expect(r.conclusion).toBe("failure");
    expect(r.missing.map((m) => m.text)).toEqual([
      "“GET /plans lists 3 and 6 months” is not ticked by a person with write access",
      "“Tests cover `GET /plans`” is not ticked by a person with write access",
    ]);
    expect(r.summary).toContain(
      "> The checklist has 2 ticks, but the body was last saved by `mallory`, who has no write access to acme/api, so they do not count: only people with write access and the pull request's author (HavunCore, which writes every box unticked) can edit its body",
    );
  });

  it("counts no ticks saved last by a bot (a workflow's token), nor ticks nobody saved", () => {
    const bot = checkAcceptance(
      CRITERIA,
      ownPull({ editor: { login: "github-actions", bot: true, canWrite: null } }),
    );
    expect(bot.passed).toBeNull();
    expect(bot.notes[0]).toContain(
      "the body was last saved by `github-actions`, a bot, so they do not count",
    );
    const never = checkAcceptance(CRITERIA, ownPull({ editor: null }));
    expect(never.passed).toBeNull();
    expect(never.notes[0]).toContain(
      "last saved by nobody since HavunCore opened the pull request",
    );
  });

  it("counts a writer's ticks, listing the ones still open", () => {
    const half = section([
      [CRITERIA[0]!, true],
      [CRITERIA[1]!, false],
    ]);
    const r = checkAcceptance(CRITERIA, ownPull({ body: half }));
    expect(r).toEqual({
      missing: ["“Tests cover `GET /plans`” is not ticked"],
      passed: null,
      notes: [],
    });
    const all = checkAcceptance(CRITERIA, ownPull());
    expect(all.missing).toEqual([]);
    expect(all.passed).toBe(
      "Acceptance: all 2 criteria ticked, the body last saved by `wendy` (write access)",
    );
  });

  it("matches the task's criteria in order, after white space only", () => {
    const spaced = TICKED.replace("lists 3 and", "lists   3 and");
    expect(checkAcceptance(CRITERIA, ownPull({ body: spaced })).passed).not.toBeNull();
    const renamed = TICKED.replace("3 and 6 months", "any months");
    expect(checkAcceptance(CRITERIA, ownPull({ body: renamed })).missing[0]).toContain(
      "item 1 reads “GET /plans lists any months” where the task says “GET /plans lists 3 and 6 months”",
    );
    const swapped = section([
      [CRITERIA[1]!, true],
      [CRITERIA[0]!, true],
    ]);
    expect(checkAcceptance(CRITERIA, ownPull({ body: swapped })).passed).toBeNull();
    expect(
      checkAcceptance(CRITERIA, ownPull({ body: section([[CRITERIA[0]!, true]]) })).missing,
    ).toEqual([
      "HavunCore's checklist does not list the task's acceptance criteria as HavunCore wrote them (it has 1 item, the task 2 criteria): restore the body from its edit history",
    ]);
  });
});
