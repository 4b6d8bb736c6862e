import type { Command } from "commander";

/** Placeholder until the vault commands land; replaced by the vault work. */
export function registerVault(_program: Command): void {}
