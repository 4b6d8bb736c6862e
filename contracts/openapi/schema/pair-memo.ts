/**
 * Memoises a recursive function over pairs of nodes that may form cycles (recursive schemas).
 * A pair met again while it is still being computed yields `onCycle`. Results that leaned on such
 * an open pair are provisional: reused while that pair is open, dropped when it closes, so a later
 * entry from another point of the cycle computes a complete answer.
 *
 * The memo lives for one diff, as long as the documents it holds nodes of, so plain maps do (no
 * weak maps to burden the collector); the open pairs are a stack, searched from the top (it is as
 * deep as the schemas are nested).
 */
export class PairMemo<K extends object, R> {
  private readonly done = new Map<K, Map<K, R>>();
  private readonly openA: K[] = [];
  private readonly openB: K[] = [];
  private readonly provisional: [K, K][] = [];
  private lowest = Infinity;

  constructor(private readonly onCycle: R) {}

  /** The finished result for the pair, if there is one (no closure needed to ask). */
  peek(a: K, b: K): R | undefined {
    return this.done.get(a)?.get(b);
  }

  get(a: K, b: K, compute: () => R): R {
    const hit = this.done.get(a)?.get(b);
    if (hit !== undefined) return hit;
    for (let i = this.openA.length - 1; i >= 0; i--) {
      if (this.openA[i] === a && this.openB[i] === b) {
        this.lowest = Math.min(this.lowest, i);
        return this.onCycle;
      }
    }
    const depth = this.openA.length;
    this.openA.push(a);
    this.openB.push(b);
    const saved = this.lowest;
    const start = this.provisional.length;
    this.lowest = Infinity;
    let result: R;
    try {
      result = compute();
    } finally {
      this.openA.pop();
      this.openB.pop();
    }
    let row = this.done.get(a);
    if (!row) this.done.set(a, (row = new Map()));
    row.set(b, result);
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
