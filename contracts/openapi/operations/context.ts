import type { RuleId } from "../catalogue/index.ts";
import { formatPath, makeFinding, type Finding, type OperationRef } from "../finding.ts";
import type { LoadedSpec } from "../load.ts";
import type { SchemaChange, Side } from "../schema/change.ts";
import type { SchemaComparer } from "../schema/comparer.ts";
import type { SchemaRef } from "../schema/model.ts";

/** What every rule family needs: both documents, the schema comparer, and where to report. */
export interface DiffContext {
  base: LoadedSpec;
  head: LoadedSpec;
  schemas: SchemaComparer;
  findings: Finding[];
}

/** Reports findings for one operation. */
export class OperationReporter {
  constructor(
    readonly ctx: DiffContext,
    readonly op: OperationRef | undefined,
  ) {}

  report(id: RuleId, location: string, detail: string, base?: string, head?: string): void {
    const input: { location: string; detail: string; base?: string; head?: string } = {
      location,
      detail,
    };
    if (base !== undefined) input.base = base;
    if (head !== undefined) input.head = head;
    this.ctx.findings.push(makeFinding(id, this.op, input));
  }

  /** Compares two schemas on one side and reports each change under `location` (but `skip`'s). */
  schema(
    b: SchemaRef,
    h: SchemaRef,
    side: Side,
    location: string,
    skip?: (c: SchemaChange) => boolean,
  ): void {
    for (const c of this.ctx.schemas.compare(b, h, side))
      if (!skip?.(c)) this.schemaChange(c, location);
  }

  private schemaChange(c: SchemaChange, location: string): void {
    const where = c.path.length > 0 ? `${location} property ${formatPath(c.path)}` : location;
    this.report(c.id, where, c.detail, c.base, c.head);
  }
}
