/**
 * Memoises a recursive function over pairs of nodes that may form cycles (recursive schemas).
 * A pair met again while it is still being computed yields `onCycle`. Results that leaned on such
 * an open pair are provisional: reused while that pair is open, dropped when it closes, so a later
 * entry from another point of the cycle computes a complete answer.
 */
export class PairMemo<K extends object, R> {
  private readonly done = new WeakMap<K, WeakMap<K, R>>();
  private readonly open = new Map<K, Map<K, number>>();
  private readonly provisional: [K, K][] = [];
  private depth = 0;
  private lowest = Infinity;

  constructor(private readonly onCycle: R) {}

  get(a: K, b: K, compute: () => R): R {
    const hit = this.done.get(a)?.get(b);
    if (hit !== undefined) return hit;
    const at = this.open.get(a)?.get(b);
    if (at !== undefined) {
      this.lowest = Math.min(this.lowest, at);
      return this.onCycle;
    }
    const depth = this.depth++;
    let row = this.open.get(a);
    if (!row) this.open.set(a, (row = new Map()));
    row.set(b, depth);
    const saved = this.lowest;
    const start = this.provisional.length;
    this.lowest = Infinity;
    let result: R;
    try {
      result = compute();
    } finally {
      this.depth--;
      row.delete(b);
      if (row.size === 0) this.open.delete(a);
    }
    let doneRow = this.done.get(a);
    if (!doneRow) this.done.set(a, (doneRow = new WeakMap()));
    doneRow.set(b, result);
    if (this.lowest < depth) {
      this.provisional.push([a, b]);
      this.lowest = Math.min(saved, this.lowest);
    } else {
      for (const [x, y] of this.provisional.splice(start)) this.done.get(x)?.delete(y);
      this.lowest = saved;
    }
    return result;
  }
}
