/** Something holding or waiting for a concurrency group: a workflow run or a job. */
export interface GroupHolder {
  /** Called when a newer run or job takes its place (cancel-in-progress, or a newer pending one). */
  supersede(group: string): void;
}

interface Group {
  running: GroupHolder | null;
  pending: { holder: GroupHolder; admit: (ok: boolean) => void } | null;
}

/**
 * GitHub's `concurrency:` groups: at most one running and one pending per group. A newer
 * pending one cancels the older pending one; with cancel-in-progress it also cancels the one
 * running.
 */
export class ConcurrencyGroups {
  private groups = new Map<string, Group>();

  /** Resolves true when `holder` may run, false when it was superseded while pending. */
  acquire(key: string, cancelInProgress: boolean, holder: GroupHolder): Promise<boolean> {
    let g = this.groups.get(key);
    if (!g) {
      g = { running: null, pending: null };
      this.groups.set(key, g);
    }
    if (!g.running) {
      g.running = holder;
      return Promise.resolve(true);
    }
    if (g.pending) {
      const old = g.pending;
      g.pending = null;
      old.admit(false);
      old.holder.supersede(key);
    }
    const group = g;
    const admitted = new Promise<boolean>((admit) => (group.pending = { holder, admit }));
    if (cancelInProgress) g.running.supersede(key);
    return admitted;
  }

  /** Someone holds the group: acquiring it now would wait. */
  busy(key: string): boolean {
    return Boolean(this.groups.get(key)?.running);
  }

  /** Withdraws a pending holder (its run was cancelled while waiting). */
  withdraw(key: string, holder: GroupHolder): void {
    const g = this.groups.get(key);
    if (g?.pending?.holder === holder) {
      g.pending.admit(false);
      g.pending = null;
    }
  }

  release(key: string, holder: GroupHolder): void {
    const g = this.groups.get(key);
    if (!g || g.running !== holder) return;
    g.running = null;
    const next = g.pending;
    g.pending = null;
    if (next) {
      g.running = next.holder;
      next.admit(true);
    } else this.groups.delete(key);
  }
}
