import { isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";
import { split } from "../pointer.ts";
import { locateJson } from "./locate-json.ts";

/** Maps JSON Pointers to 1-based line numbers in a description's text (JSON or YAML). */
export class LineLocator {
  private yamlDoc: Document | undefined;
  private lineStarts: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly format: "json" | "yaml",
  ) {}

  /** The line of the pointer's target, or of its deepest existing ancestor. */
  line(pointer: string): number {
    const segments = split(pointer);
    const offset =
      this.format === "json" ? locateJson(this.text, segments) : this.locateYaml(segments);
    return this.lineOf(offset);
  }

  private locateYaml(segments: readonly string[]): number {
    this.yamlDoc ??= parseDocument(this.text, { uniqueKeys: false });
    let node: unknown = this.yamlDoc.contents;
    let found = 0;
    for (const seg of segments) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
        if (!pair) break;
        found = (isScalar(pair.key) && pair.key.range?.[0]) || found;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(seg)] as { range?: [number, number, number] } | undefined;
        if (!item) break;
        found = item.range?.[0] ?? found;
        node = item;
      } else break;
    }
    return found;
  }

  private lineOf(offset: number): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < this.text.length; i++)
        if (this.text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
