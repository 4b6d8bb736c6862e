import { EVENT_FILTERS, EVENT_TYPES, DEFAULT_TYPES } from "./events.ts";
import { readInputs } from "./inputs.ts";
import { at, type Reader, type YamlMap } from "./reader.ts";
import type { Trigger } from "./types.ts";

/** `on:` as a string, a list of strings, or a map of event → filters. */
export function readTriggers(r: Reader, v: unknown, path: string): Trigger[] {
  if (v === undefined || v === null)
    throw r.fail(path, "a workflow needs 'on:' naming the events that start it");
  if (typeof v === "string") return [readTrigger(r, v, null, path)];
  if (Array.isArray(v))
    return v.map((e, i) => readTrigger(r, r.text(e, at(path, i)), null, at(path, i)));
  const m = r.map(v, path);
  if (Object.keys(m).length === 0) throw r.fail(path, "'on:' names no events");
  return Object.entries(m).map(([event, spec]) => readTrigger(r, event, spec, at(path, event)));
}

function readTrigger(r: Reader, event: string, spec: unknown, path: string): Trigger {
  const filters = EVENT_FILTERS[event];
  if (!filters) throw r.fail(path, `unknown event '${event}'`, event);
  const trigger: Trigger = { event };
  if (event === "schedule") return readSchedule(r, spec, path, trigger);
  if (spec !== null && spec !== undefined) {
    const m = r.map(spec, path);
    r.keys(m, path, filters);
    readFilters(r, m, path, trigger);
    if (m.inputs !== undefined) trigger.inputs = readInputs(r, m.inputs, at(path, "inputs"), event);
    if (m.secrets !== undefined) trigger.secrets = readSecrets(r, m.secrets, at(path, "secrets"));
    if (m.outputs !== undefined) trigger.outputs = readOutputs(r, m.outputs, at(path, "outputs"));
  }
  const defaults = DEFAULT_TYPES[event];
  if (trigger.types === undefined && defaults) trigger.types = [...defaults];
  return trigger;
}

function readFilters(r: Reader, m: YamlMap, path: string, t: Trigger): void {
  const types = r.optList(m.types, at(path, "types"));
  const known = EVENT_TYPES[t.event];
  for (const type of types ?? []) {
    if (known && !known.includes(type)) {
      throw r.fail(
        at(path, "types"),
        `'${type}' is not an activity type of ${t.event} (one of: ${known.join(", ")})`,
      );
    }
  }
  if (types) t.types = types;
  pair(
    r,
    m,
    path,
    "branches",
    (l) => (t.branches = l),
    (l) => (t.branchesIgnore = l),
  );
  pair(
    r,
    m,
    path,
    "tags",
    (l) => (t.tags = l),
    (l) => (t.tagsIgnore = l),
  );
  pair(
    r,
    m,
    path,
    "paths",
    (l) => (t.paths = l),
    (l) => (t.pathsIgnore = l),
  );
  const workflows = r.optList(m.workflows, at(path, "workflows"));
  if (workflows) t.workflows = workflows;
}

/** `x` and `x-ignore` cannot both be given for one event (GitHub's rule). */
function pair(
  r: Reader,
  m: YamlMap,
  path: string,
  key: string,
  setOnly: (l: string[]) => void,
  setIgnore: (l: string[]) => void,
): void {
  const only = r.optList(m[key], at(path, key));
  const ignore = r.optList(m[`${key}-ignore`], at(path, `${key}-ignore`));
  if (only && ignore) {
    throw r.fail(
      path,
      `use either '${key}' or '${key}-ignore', not both (exclude with '!pattern' in '${key}')`,
    );
  }
  if (only) setOnly(only);
  if (ignore) setIgnore(ignore);
}

function readSchedule(r: Reader, spec: unknown, path: string, t: Trigger): Trigger {
  if (!Array.isArray(spec)) throw r.fail(path, "expected a list of { cron: '…' }");
  t.cron = spec.map((item, i) => {
    const m = r.map(item, at(path, i));
    r.keys(m, at(path, i), ["cron"]);
    return r.text(m.cron, at(at(path, i), "cron"));
  });
  return t;
}

function readSecrets(r: Reader, v: unknown, path: string): NonNullable<Trigger["secrets"]> {
  const out: NonNullable<Trigger["secrets"]> = {};
  for (const [name, spec] of Object.entries(r.map(v, path))) {
    const p = at(path, name);
    const m = spec === null ? {} : r.map(spec, p);
    r.keys(m, p, ["required", "description"]);
    out[name] = {};
    if (m.required !== undefined) out[name].required = r.bool(m.required, at(p, "required"));
    if (m.description !== undefined)
      out[name].description = r.text(m.description, at(p, "description"));
  }
  return out;
}

function readOutputs(r: Reader, v: unknown, path: string): NonNullable<Trigger["outputs"]> {
  const out: NonNullable<Trigger["outputs"]> = {};
  for (const [name, spec] of Object.entries(r.map(v, path))) {
    const p = at(path, name);
    const m = r.map(spec, p);
    r.keys(m, p, ["value", "description"]);
    out[name] = { value: r.text(m.value, at(p, "value")) };
    if (m.description !== undefined)
      out[name].description = r.text(m.description, at(p, "description"));
  }
  return out;
}
