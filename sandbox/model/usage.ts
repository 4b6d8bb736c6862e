import type { InputAccount } from "./prompt-cache.ts";
import type { ScenarioBlock, UsageOverride } from "./scenario.ts";

/** The usage object of a response, as the Messages API reports it. */
export interface Usage extends InputAccount {
  output_tokens: number;
}

/** About four characters a token, the rule of thumb for English text and code. */
export const estimateTokens = (chars: number): number => Math.ceil(chars / 4);

export function outputTokens(content: readonly ScenarioBlock[]): number {
  const chars = content.reduce((n, b) => {
    if (b.type === "text") return n + b.text.length;
    if (b.type === "thinking") return n + b.thinking.length;
    return n + b.name.length + JSON.stringify(b.input).length;
  }, 0);
  return Math.max(1, estimateTokens(chars));
}

export function usageFor(
  input: InputAccount,
  content: readonly ScenarioBlock[],
  override: UsageOverride | undefined,
): Usage {
  return { ...input, output_tokens: outputTokens(content), ...override };
}
