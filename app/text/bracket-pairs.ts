/**
 * Pairs Markdown's square brackets in one linear pass: for each `[` the offset of its `]`.
 * Backslash escapes are respected; with `codeSpans`, brackets inside a code span (backtick
 * strings of equal length, as CommonMark pairs them) are not brackets.
 */
export interface BracketPairs {
  /** For each offset holding a `[`, the offset of its matching `]`; -1 elsewhere. */
  close: Int32Array;
  /** 1 where the character is backslash-escaped. */
  escaped: Uint8Array;
}

export function pairBrackets(text: string, codeSpans: boolean): BracketPairs {
  const close = new Int32Array(text.length).fill(-1);
  const escaped = new Uint8Array(text.length);
  const closer = codeSpans ? backtickCloser(text) : undefined;
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) escaped[++i] = 1;
    else if (c === "[") stack.push(i);
    else if (c === "]" && stack.length > 0) close[stack.pop()!] = i;
    else if (c === "`" && closer) {
      let end = i;
      while (text[end] === "`") end++;
      const at = closer(end - i, end);
      i = (at < 0 ? end : at + end - i) - 1;
    }
  }
  return { close, escaped };
}

/**
 * A lookup of the next backtick string of exactly `length` starting at or after `from`; it
 * must be asked with `from` never decreasing, which keeps the whole pass linear.
 */
function backtickCloser(text: string): (length: number, from: number) => number {
  const starts = new Map<number, number[]>();
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "`") continue;
    let end = i;
    while (text[end] === "`") end++;
    const list = starts.get(end - i) ?? [];
    list.push(i);
    starts.set(end - i, list);
    i = end - 1;
  }
  const next = new Map<number, number>();
  return (length, from) => {
    const list = starts.get(length) ?? [];
    let at = next.get(length) ?? 0;
    while (at < list.length && list[at]! < from) at++;
    next.set(length, at);
    return list[at] ?? -1;
  };
}
