import { gateRuleset } from "./gate-ruleset.ts";
import { ghHostPrefix, installUrl } from "./github-web.ts";

export interface ChecklistInput {
  apiUrl: string;
  hub: string;
  projects: string[];
  slug: string;
  appId: number | null;
  /** The App server's address for HAVUN_APP_URL, when known. */
  appUrl: string | null;
  /** Repositories the App is known not to be installed on, and those this token cannot tell. */
  install: { missing: string[]; unknown: string[] };
  /** Pull requests of init still to merge. */
  pulls: { repo: string; number: number; url: string }[];
}

const RULESET_FILE = "havun-gate-ruleset.json";

/**
 * What only the person can do after `havun init`, each with the exact link or command:
 * installing the App, merging the pull requests, the model key, the App's address, vault keys
 * for sealed secrets, and the ruleset requiring `havun/gate`.
 */
export function checklist(o: ChecklistInput): string[] {
  const gh = ghHostPrefix(o.apiUrl);
  const { missing, unknown } = o.install;
  const todo = [...missing, ...unknown];
  const items: string[][] = [];
  if (todo.length)
    items.push([
      `Install the App on ${todo.join(", ")} (as an owner; with "Only select repositories", pick each${unknown.length ? "; this token cannot tell whether it is there already" : ""}):`,
      installUrl(o.apiUrl, o.slug),
    ]);
  if (o.pulls.length)
    items.push([
      "Review and merge the pull requests adding the caller workflow:",
      ...o.pulls.map((p) => `${p.repo}#${p.number}: ${p.url}`),
    ]);
  items.push(
    [
      "Give each project the model key (gh asks for the value):",
      ...o.projects.map((p) => `${gh}gh secret set ANTHROPIC_API_KEY --repo ${p}`),
    ],
    [
      "Tell each project where the App server is:",
      ...o.projects.map(
        (p) =>
          `${gh}gh variable set HAVUN_APP_URL --repo ${p} --body ${o.appUrl ?? "https://YOUR-APP-HOST"}`,
      ),
    ],
    [
      "Only for projects whose tasks get sealed secrets — in a checkout of the hub, then commit vault/:",
      ...o.projects.map((p) => `havun vault keygen --repo ${p} --set-secret`),
    ],
    [
      `Require ${"havun/gate"} on each project's default branch (needs admin):`,
      `cat > ${RULESET_FILE} <<'JSON'`,
      ...JSON.stringify(gateRuleset(o.appId ?? 0), null, 2)
        .replace('"integration_id": 0', '"integration_id": APP_ID')
        .split("\n"),
      "JSON",
      ...(o.appId === null
        ? ["(replace APP_ID with the App's id, shown on its settings page)"]
        : []),
      ...o.projects.map((p) => `${gh}gh api -X POST repos/${p}/rulesets --input ${RULESET_FILE}`),
    ],
  );
  return [
    ...(todo.length ? [] : ["The App is installed on the hub and every project."]),
    "What only you can do:",
    ...items.flatMap(([head, ...rest], i) => [
      `  ${i + 1}. ${head}`,
      ...rest.map((line) => `       ${line}`),
    ]),
    `Then check everything: havun doctor --hub ${o.hub}`,
  ];
}
