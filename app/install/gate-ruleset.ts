/** The check run the App writes on agent pull requests. */
export const GATE_CHECK = "havun/gate";

/**
 * The repository ruleset that makes `havun/gate` required on the default branch, from the App
 * (its id as `integration_id`, so no other App or workflow can satisfy it with a check of the
 * same name). The README shows the same body.
 */
export function gateRuleset(appId: number) {
  return {
    name: "HavunCore merge gate",
    target: "branch" as const,
    enforcement: "active" as const,
    conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
    rules: [
      {
        type: "required_status_checks" as const,
        parameters: {
          strict_required_status_checks_policy: false,
          do_not_enforce_on_create: false,
          required_status_checks: [{ context: GATE_CHECK, integration_id: appId }],
        },
      },
    ],
  };
}
