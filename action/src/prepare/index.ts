import { runEntry } from "../shared/entry.ts";
import { run } from "./main.ts";

runEntry(() => run());
