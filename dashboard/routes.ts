/** The dashboard's pages, each a deep link. */
export type Route =
  | { kind: "hub"; page: number }
  | { kind: "orchestration"; number: number }
  | { kind: "task"; number: number; task: string }
  | { kind: "run"; number: number; task: string; run: number }
  | { kind: "transcript"; number: number; task: string; run: number };

const TASK = "([a-z0-9][a-z0-9-]{0,63})";

/** `/`, `/12`, `/12/tasks/api`, `/12/tasks/api/runs/7`, `/12/tasks/api/runs/7/transcript.md`. */
export function parseRoute(pathname: string, search = ""): Route | null {
  if (pathname === "/") {
    const page = Number(new URLSearchParams(search).get("page") ?? "1");
    return { kind: "hub", page: Number.isInteger(page) && page > 0 && page < 1000 ? page : 1 };
  }
  let m = /^\/(\d{1,9})$/.exec(pathname);
  if (m) return { kind: "orchestration", number: Number(m[1]) };
  m = new RegExp(`^/(\\d{1,9})/tasks/${TASK}$`).exec(pathname);
  if (m) return { kind: "task", number: Number(m[1]), task: m[2]! };
  m = new RegExp(`^/(\\d{1,9})/tasks/${TASK}/runs/(\\d{1,15})(/transcript\\.md)?$`).exec(pathname);
  if (m)
    return {
      kind: m[4] ? "transcript" : "run",
      number: Number(m[1]),
      task: m[2]!,
      run: Number(m[3]),
    };
  return null;
}

export function pathOf(r: Route): string {
  switch (r.kind) {
    case "hub":
      return r.page > 1 ? `/?page=${r.page}` : "/";
    case "orchestration":
      return `/${r.number}`;
    case "task":
      return `/${r.number}/tasks/${r.task}`;
    case "run":
      return `/${r.number}/tasks/${r.task}/runs/${r.run}`;
    case "transcript":
      return `/${r.number}/tasks/${r.task}/runs/${r.run}/transcript.md`;
  }
}

export const taskPath = (n: number, task: string) => pathOf({ kind: "task", number: n, task });
export const runPath = (n: number, task: string, run: number) =>
  pathOf({ kind: "run", number: n, task, run });
