import type { Command } from "commander";

/** Placeholder until the contracts commands land; replaced by the contracts work. */
export function registerContracts(_program: Command): void {}
