import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse as parseYaml } from "yaml";
import { ScenarioError } from "./errors.ts";
import { scenarioSchema, type Scenario, type ScenarioInput } from "./scenario.ts";

/** Checks a scenario given in code or read from a file; `source` names it in the error. */
export function parseScenario(input: unknown, source = "scenario"): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`)
    .join("; ");
  throw new ScenarioError(
    "SCENARIO_INVALID",
    `${source} is not a valid scenario: ${problems}`,
    "see ScenarioInput in sandbox/model/scenario.ts for the fields",
  );
}

/** Reads a scenario from a `.yaml`/`.yml`/`.json` file. A missing `name` defaults to the file's. */
export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new ScenarioError(
      "SCENARIO_FILE_UNREADABLE",
      `cannot read scenario file ${path}: ${(err as Error).message}`,
      "check the path (relative paths resolve from the process's cwd)",
    );
  }
  let raw: unknown;
  try {
    raw = path.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ScenarioError(
      "SCENARIO_INVALID",
      `${path} does not parse: ${(err as Error).message}`,
      "fix the YAML/JSON syntax at the position given",
    );
  }
  const withName =
    raw && typeof raw === "object" && !("name" in raw)
      ? { name: basename(path).replace(/\.(ya?ml|json)$/, ""), ...raw }
      : raw;
  return parseScenario(withName as ScenarioInput, path);
}
