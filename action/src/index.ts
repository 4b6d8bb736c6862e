import { run } from "./agent/main.ts";
import { runEntry } from "./shared/entry.ts";

runEntry(() => run());
