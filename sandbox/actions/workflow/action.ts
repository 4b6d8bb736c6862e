import { at, Reader } from "./reader.ts";
import { readSteps } from "./steps.ts";
import type { ActionInput, ActionManifest } from "./types.ts";
import { loadYaml } from "./yaml.ts";

const TOP_KEYS = ["name", "description", "author", "inputs", "outputs", "runs", "branding"];
const NODE_RUNS = ["using", "main", "pre", "post", "pre-if", "post-if"];

/** An action's `action.yml` → its manifest; docker and old node runtimes are refused. */
export function parseAction(text: string, file: string): ActionManifest {
  const r = new Reader(file);
  const data = loadYaml(text, file);
  if (data === null || data === undefined) throw r.fail("", "the action file is empty");
  const m = r.map(data, "");
  r.keys(m, "", TOP_KEYS);
  if (m.name === undefined) throw r.fail("", "an action needs 'name'");
  const manifest: ActionManifest = {
    file,
    name: r.text(m.name, "name"),
    inputs: readInputs(r, m.inputs, "inputs"),
    outputs: {},
    runs: readRuns(r, m.runs, "runs"),
  };
  const description = r.optText(m.description, "description");
  if (description !== undefined) manifest.description = description;
  const composite = manifest.runs.using === "composite";
  for (const [id, spec] of Object.entries(
    m.outputs === undefined ? {} : r.map(m.outputs, "outputs"),
  )) {
    const p = at("outputs", id);
    const o = spec === null ? {} : r.map(spec, p);
    r.keys(o, p, composite ? ["description", "value"] : ["description"]);
    if (composite && o.value === undefined)
      throw r.fail(p, "a composite action's output needs 'value'");
    const out: { description?: string; value?: string } = {};
    if (o.description !== undefined) out.description = r.text(o.description, at(p, "description"));
    if (o.value !== undefined) out.value = r.text(o.value, at(p, "value"));
    manifest.outputs[id] = out;
  }
  return manifest;
}

function readInputs(r: Reader, v: unknown, path: string): Record<string, ActionInput> {
  const out: Record<string, ActionInput> = {};
  if (v === undefined || v === null) return out;
  for (const [id, spec] of Object.entries(r.map(v, path))) {
    const p = at(path, id);
    const m = spec === null ? {} : r.map(spec, p);
    r.keys(m, p, ["description", "required", "default", "deprecationMessage"]);
    const input: ActionInput = {
      required: m.required === undefined ? false : r.bool(m.required, at(p, "required")),
    };
    const description = r.optText(m.description, at(p, "description"));
    if (description !== undefined) input.description = description;
    const def = r.optText(m.default, at(p, "default"));
    if (def !== undefined) input.default = def;
    const deprecation = r.optText(m.deprecationMessage, at(p, "deprecationMessage"));
    if (deprecation !== undefined) input.deprecationMessage = deprecation;
    out[id] = input;
  }
  return out;
}

function readRuns(r: Reader, v: unknown, path: string): ActionManifest["runs"] {
  const m = r.map(v, path);
  const using = r.text(m.using, at(path, "using"));
  if (using === "composite") {
    r.keys(m, path, ["using", "steps"]);
    return { using, steps: readSteps(r, m.steps, at(path, "steps"), true) };
  }
  if (using !== "node20" && using !== "node24") {
    const why =
      using === "docker"
        ? "no container engine runs here; use a node or composite action"
        : "the sandbox runner has node20, node24 and composite";
    throw r.unsupported(at(path, "using"), `using: ${using}`, why);
  }
  r.keys(m, path, NODE_RUNS);
  if (m.main === undefined)
    throw r.fail(path, `a ${using} action needs 'main' (the script to run)`);
  const runs: ActionManifest["runs"] = { using, main: r.text(m.main, at(path, "main")) };
  const pre = r.optText(m.pre, at(path, "pre"));
  if (pre !== undefined) runs.pre = pre;
  const post = r.optText(m.post, at(path, "post"));
  if (post !== undefined) runs.post = post;
  const preIf = r.optText(m["pre-if"], at(path, "pre-if"));
  if (preIf !== undefined) runs.preIf = preIf;
  const postIf = r.optText(m["post-if"], at(path, "post-if"));
  if (postIf !== undefined) runs.postIf = postIf;
  return runs;
}
