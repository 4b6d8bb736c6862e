import { describe, expect, it } from "vitest";
import type { ReviewRecord, ReviewState } from "../state/review-types.ts";
import { reviewDecision } from "./review-decision.ts";

let next = 1;
function review(userId: number, state: ReviewState): ReviewRecord {
  const at = "2026-01-01T00:00:00Z";
  return {
    id: next++,
    repoId: 1,
    issueId: 2,
    userId,
    body: "",
    state,
    commitId: "a".repeat(40),
    submittedAt: state === "PENDING" ? null : at,
    createdAt: at,
    updatedAt: at,
  };
}

const writers = new Set([10, 11]);
const isWriter = (id: number) => writers.has(id);

describe("GitHub's reviewDecision", () => {
  it("is null when the base branch requires no approving review, whatever the reviews say", () => {
    expect(reviewDecision([review(10, "CHANGES_REQUESTED")], 0, isWriter)).toBeNull();
    expect(reviewDecision([review(10, "APPROVED")], 0, isWriter)).toBeNull();
  });

  it("needs as many approvals from writers as required", () => {
    expect(reviewDecision([], 1, isWriter)).toBe("REVIEW_REQUIRED");
    expect(reviewDecision([review(10, "APPROVED")], 1, isWriter)).toBe("APPROVED");
    expect(reviewDecision([review(10, "APPROVED")], 2, isWriter)).toBe("REVIEW_REQUIRED");
    // A reader's approval does not count toward the requirement.
    expect(reviewDecision([review(99, "APPROVED")], 1, isWriter)).toBe("REVIEW_REQUIRED");
  });

  it("takes each writer's latest verdict: a request for changes wins; comments and pending reviews change nothing", () => {
    const reviews = [review(10, "APPROVED"), review(11, "CHANGES_REQUESTED")];
    expect(reviewDecision(reviews, 1, isWriter)).toBe("CHANGES_REQUESTED");
    const later = [...reviews, review(11, "COMMENTED"), review(11, "PENDING")];
    expect(reviewDecision(later, 1, isWriter)).toBe("CHANGES_REQUESTED");
    expect(reviewDecision([...reviews, review(11, "APPROVED")], 2, isWriter)).toBe("APPROVED");
    expect(reviewDecision([...reviews, review(11, "DISMISSED")], 1, isWriter)).toBe("APPROVED");
  });
});
