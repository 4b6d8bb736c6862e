import { createHash } from "node:crypto";
import type { CountTokensRequest } from "./request.ts";
import { estimateTokens } from "./usage.ts";

interface Segment {
  text: string;
  breakpoint: boolean;
}

/** The blocks in the order the API caches them (tools, system, messages), each with its marker. */
export function segments(req: CountTokensRequest): Segment[] {
  const of = (b: Record<string, unknown>): Segment => {
    const { cache_control, ...rest } = b;
    const text = typeof rest.text === "string" ? rest.text : JSON.stringify(rest);
    return { text, breakpoint: cache_control !== undefined && cache_control !== null };
  };
  const out: Segment[] = (req.tools ?? []).map(of);
  if (typeof req.system === "string") out.push({ text: req.system, breakpoint: false });
  else for (const b of req.system ?? []) out.push(of(b));
  for (const m of req.messages) {
    if (typeof m.content === "string") out.push({ text: m.content, breakpoint: false });
    else for (const b of m.content) out.push(of(b));
  }
  return out;
}

export interface InputAccount {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

/** How far back from a breakpoint the API looks for an earlier cached prefix. */
const LOOKBACK = 20;

/**
 * Prompt caching as the API describes it: the prefix up to the last `cache_control` breakpoint is
 * written on first sight and read when a request repeats a prefix written before (checked at each
 * block boundary up to 20 blocks before a breakpoint). Prefixes under `minTokens` are not cached.
 */
export class PromptCache {
  private readonly written = new Set<string>();

  constructor(private readonly minTokens = 1024) {}

  account(req: CountTokensRequest): InputAccount {
    const segs = segments(req);
    const chars: number[] = [];
    const hashes: string[] = [];
    let total = 0;
    let hash = "";
    for (const s of segs) {
      total += s.text.length;
      hash = createHash("sha256").update(hash).update("\0").update(s.text).digest("hex");
      chars.push(total);
      hashes.push(hash);
    }
    const totalTokens = estimateTokens(total);
    const breakpoints = segs.flatMap((s, i) => (s.breakpoint ? [i] : []));
    const last = breakpoints.at(-1);
    const none = {
      input_tokens: totalTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    };
    if (last === undefined) return none;
    const prefixTokens = estimateTokens(chars[last] ?? 0);
    if (prefixTokens < this.minTokens) return none;
    let hit = -1;
    for (const b of breakpoints)
      for (let i = b; i >= Math.max(0, b - LOOKBACK) && i > hit; i--)
        if (this.written.has(hashes[i] ?? "")) hit = i;
    const read = hit < 0 ? 0 : estimateTokens(chars[hit] ?? 0);
    for (const b of breakpoints)
      if (estimateTokens(chars[b] ?? 0) >= this.minTokens) this.written.add(hashes[b] ?? "");
    return {
      input_tokens: totalTokens - prefixTokens,
      cache_creation_input_tokens: prefixTokens - read,
      cache_read_input_tokens: read,
    };
  }

  clear(): void {
    this.written.clear();
  }
}
