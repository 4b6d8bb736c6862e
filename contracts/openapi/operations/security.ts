import { isObject, join } from "../pointer.ts";
import { canonical } from "../schema/values.ts";
import type { Operation } from "./collect.ts";
import { OperationReporter, type DiffContext } from "./context.ts";

/** One way to authenticate: every scheme in it (with its scopes) must be satisfied. */
type Alternative = Map<string, Set<string>>;

interface Requirement {
  alternatives: Alternative[];
  pointer: string;
}

/**
 * Effective security (operation's, else the document's). A client that satisfied some base
 * alternative must still satisfy a head one: new schemes or scopes break it (oasdiff only reports
 * these as info), removed alternatives break whoever used them.
 */
export function diffSecurity(r: OperationReporter, b: Operation, h: Operation): void {
  const before = requirement(r.ctx.base.doc, b);
  const after = requirement(r.ctx.head.doc, h);
  const used = new Set<Alternative>();
  for (const alt of before.alternatives) {
    const label = `security ${show(alt)}`;
    const same = after.alternatives.find((x) => sameSchemes(x, alt));
    if (same) {
      used.add(same);
      for (const [scheme, scopes] of alt) {
        const now = same.get(scheme) ?? new Set();
        const added = [...now].filter((s) => !scopes.has(s));
        const removed = [...scopes].filter((s) => !now.has(s));
        if (added.length)
          r.report(
            "security-scope-added",
            label,
            `${scheme} now needs scope ${added.join(", ")}`,
            before.pointer,
            after.pointer,
          );
        if (removed.length)
          r.report(
            "security-scope-removed",
            label,
            `${scheme} no longer needs scope ${removed.join(", ")}`,
            before.pointer,
            after.pointer,
          );
      }
      continue;
    }
    const weaker = after.alternatives.find((x) => satisfies(alt, x));
    if (weaker) {
      used.add(weaker);
      r.report(
        "security-requirement-removed",
        label,
        `now only needs ${show(weaker)}`,
        before.pointer,
        after.pointer,
      );
      continue;
    }
    const stronger = after.alternatives.filter((x) => satisfies(x, alt));
    if (stronger.length > 0) {
      for (const x of stronger) used.add(x);
      const detail =
        alt.size === 0
          ? `now requires ${stronger.map(show).join(" or ")}`
          : `now also requires ${stronger.map(show).join(" or ")}`;
      r.report("security-requirement-added", label, detail, before.pointer, after.pointer);
      continue;
    }
    r.report(
      "security-alternative-removed",
      label,
      "no longer accepted",
      before.pointer,
      after.pointer,
    );
  }
  for (const alt of after.alternatives) {
    if (!used.has(alt))
      r.report(
        "security-alternative-added",
        `security ${show(alt)}`,
        "accepted now",
        undefined,
        after.pointer,
      );
  }
}

/** Security schemes both documents define, compared on how credentials travel. */
export function diffSecuritySchemes(ctx: DiffContext): void {
  const before = schemes(ctx.base.doc);
  const after = schemes(ctx.head.doc);
  const r = new OperationReporter(ctx, undefined);
  for (const [name, x] of Object.entries(before)) {
    const y = after[name];
    if (!isObject(x) || !isObject(y)) continue;
    const keys = ["type", "in", "name", "scheme", "openIdConnectUrl"];
    const changed = keys.filter((k) => canonical(x[k]) !== canonical(y[k]));
    if (changed.length === 0) continue;
    const detail = changed.map((k) => `${k} ${String(x[k])} → ${String(y[k])}`).join(", ");
    const at = join("/components/securitySchemes", name);
    r.report("security-scheme-changed", `security scheme ${name}`, detail, at, at);
  }
}

function schemes(doc: Record<string, unknown>): Record<string, unknown> {
  const components = doc["components"];
  const s = isObject(components) ? components["securitySchemes"] : undefined;
  return isObject(s) ? s : {};
}

function requirement(doc: Record<string, unknown>, op: Operation): Requirement {
  const own = op.node["security"];
  const list = Array.isArray(own) ? own : Array.isArray(doc["security"]) ? doc["security"] : [];
  const pointer = Array.isArray(own)
    ? join(op.pointer, "security")
    : Array.isArray(doc["security"])
      ? "/security"
      : op.pointer;
  const alternatives = list
    .filter(isObject)
    .map(
      (alt) =>
        new Map(
          Object.entries(alt).map(([k, v]) => [k, new Set(Array.isArray(v) ? v.map(String) : [])]),
        ),
    );
  return { alternatives: alternatives.length > 0 ? alternatives : [new Map()], pointer };
}

function sameSchemes(a: Alternative, b: Alternative): boolean {
  return a.size === b.size && [...a.keys()].every((k) => b.has(k));
}

/** Whether credentials for `have` satisfy `need` (every scheme and scope of `need` present). */
function satisfies(have: Alternative, need: Alternative): boolean {
  for (const [scheme, scopes] of need) {
    const mine = have.get(scheme);
    if (!mine) return false;
    for (const s of scopes) if (!mine.has(s)) return false;
  }
  return true;
}

function show(alt: Alternative): string {
  if (alt.size === 0) return "none (anonymous)";
  return [...alt].map(([k, s]) => (s.size ? `${k}[${[...s].join(" ")}]` : k)).join(" + ");
}
