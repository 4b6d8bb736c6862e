import { execFileSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";

/**
 * The agent's confinement: Claude Code and everything its tools start run under bubblewrap in
 * their own PID namespace (they see no other process of the runner: not the Action holding the
 * model key, not the runner holding the job's secrets), with a new /proc, an empty /tmp, their
 * own HOME, only the system's read-only directories, the tool directories on PATH and the
 * workspace (its `.git` read-only: the Action commits, not the agent), and only the
 * environment given here. bubblewrap also sets no_new_privs, so `sudo` and other setuid
 * programs cannot raise privileges inside. Inside, Claude Code's own subprocess sandbox
 * (CLAUDE_CODE_SUBPROCESS_ENV_SCRUB) puts each tool command in a further PID namespace without
 * the model key.
 */
export interface Confinement {
  command: string;
  args: string[];
}

const SYSTEM = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc"];
/** Where Ubuntu keeps the resolver /etc/resolv.conf points to. */
const RESOLVER = ["/run/systemd/resolve"];

export function findBubblewrap(): string | null {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(":")) {
    const candidate = join(dir, "bwrap");
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

function under(path: string, dirs: string[]): boolean {
  return dirs.some((d) => path === d || path.startsWith(`${d}/`));
}

export function confine(o: {
  bwrap: string;
  /** The program and its arguments. */
  program: string;
  args: string[];
  workspace: string;
  home: string;
  env: Record<string, string>;
  /** More read-only directories (the Claude Code installation). */
  readOnly: string[];
}): Confinement {
  const args = [
    "--die-with-parent",
    "--new-session",
    "--unshare-user",
    "--unshare-pid",
    "--unshare-ipc",
    "--unshare-uts",
    "--unshare-cgroup-try",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--tmpfs",
    "/tmp",
  ];
  for (const dir of [...SYSTEM, ...RESOLVER]) args.push("--ro-bind-try", dir, dir);
  const extra = new Set<string>();
  for (const dir of (o.env.PATH ?? "").split(":")) {
    if (!dir || !isAbsolute(dir) || !existsSync(dir)) continue;
    const real = realpathSync(dir);
    if (!under(real, SYSTEM) && !under(real, [o.workspace])) extra.add(real);
  }
  for (const dir of o.readOnly) if (existsSync(dir)) extra.add(realpathSync(dir));
  for (const dir of extra) args.push("--ro-bind", dir, dir);
  args.push("--bind", o.workspace, o.workspace);
  if (existsSync(join(o.workspace, ".git")))
    args.push("--ro-bind", join(o.workspace, ".git"), join(o.workspace, ".git"));
  args.push("--bind", o.home, o.home, "--chdir", o.workspace, "--clearenv");
  for (const [k, v] of Object.entries(o.env)) args.push("--setenv", k, v);
  args.push("--", o.program, ...o.args);
  return { command: o.bwrap, args };
}

/**
 * The program's real file and the installation around it (a symlinked `.bin/claude` resolves
 * into its package, whose folder is bound read-only): the confinement runs the real file, so
 * no link outside what it sees is needed.
 */
export function installation(program: string): { file: string; dir: string } {
  const file = realpathSync(program);
  return { file, dir: dirname(dirname(file)) };
}

/** Whether bubblewrap can create its namespaces here (user namespaces allowed). */
export function bubblewrapWorks(bwrap: string): boolean {
  try {
    execFileSync(
      bwrap,
      ["--unshare-user", "--unshare-pid", "--ro-bind", "/", "/", "--proc", "/proc", "--", "true"],
      {
        stdio: "ignore",
        timeout: 10_000,
      },
    );
    return true;
  } catch {
    return false;
  }
}
