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
  const raw = readScenarioText(path);
  const withName =
    raw && typeof raw === "object" && !("name" in raw)
      ? { name: basename(path).replace(/\.(ya?ml|json)$/, ""), ...raw }
      : raw;
  return parseScenario(withName as ScenarioInput, path);
}

/**
 * Reads one scenario or a list of them from a `.yaml`/`.yml`/`.json` file; unnamed ones are
 * named after the file and their position.
 */
export function loadScenariosFile(path: string): Scenario[] {
  const raw = readScenarioText(path);
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0)
    throw new ScenarioError(
      "SCENARIO_INVALID",
      `${path} holds an empty list`,
      "give one scenario or a list of them",
    );
  const base = basename(path).replace(/\.(ya?ml|json)$/, "");
  return list.map((item, i) => {
    const named =
      item && typeof item === "object" && !("name" in item)
        ? { name: list.length === 1 ? base : `${base}-${i + 1}`, ...item }
        : item;
    return parseScenario(named as ScenarioInput, `${path}${list.length === 1 ? "" : ` [${i}]`}`);
  });
}

function readScenarioText(path: string): unknown {
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
  return raw;
}
