import type {
  ProgressRequestBody,
  PublishRequestBody,
  PublishResponse,
  TaskRequestBody,
  TaskResponse,
} from "../../../app/api/schemas.ts";
import type { JobEnv } from "./job-env.ts";

/** A refusal by the App (or a failure to reach it), with its code. */
export class AppApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "AppApiError";
  }
}

/** The job's GitHub Actions ID token for the App's audience (needs `permissions: id-token: write`). */
async function idToken(job: JobEnv): Promise<string> {
  if (!job.idToken)
    throw new AppApiError(
      "NO_ID_TOKEN",
      "this job cannot request an ID token: give it `permissions: id-token: write` (HavunCore's reusable workflows do; check the caller's permissions)",
      0,
    );
  const sep = job.idToken.url.includes("?") ? "&" : "?";
  const res = await fetch(`${job.idToken.url}${sep}audience=${encodeURIComponent(job.audience)}`, {
    headers: { authorization: `bearer ${job.idToken.token}`, accept: "application/json" },
  });
  if (!res.ok)
    throw new AppApiError(
      "ID_TOKEN",
      `GitHub refused the ID token request (${res.status})`,
      res.status,
    );
  const body = (await res.json()) as { value?: string };
  if (!body.value)
    throw new AppApiError("ID_TOKEN", "GitHub's ID token response has no value", res.status);
  return body.value;
}

/**
 * Waits before each new try of a call the App did not answer (down, or a 5xx). The task and
 * publish calls outlast an App server restarting (a deploy, a crash: about 1.5 minutes in all),
 * since a job that gives up leaves its task waiting; progress reports are best effort.
 */
const WAITS_MS = {
  long: [500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000, 15_000],
  short: [500, 1_000],
};

/** A 5xx without a reason of the App's (its configuration, e.g. `API_OFF`, is an answer). */
async function unanswered(res: Response): Promise<boolean> {
  if (res.status < 500) return false;
  const body = (await res
    .clone()
    .json()
    .catch(() => ({}))) as { error?: { code?: string } };
  return !body.error?.code || body.error.code === "INTERNAL";
}

async function call<T>(
  job: JobEnv,
  endpoint: string,
  body: unknown,
  waits: readonly number[] = WAITS_MS.long,
): Promise<T> {
  if (!job.appUrl)
    throw new AppApiError("NO_APP_URL", "no App server address (app_url) is set for this call", 0);
  const jwt = await idToken(job);
  let res: Response | null = null;
  for (let attempt = 0; ; attempt++) {
    res = null;
    try {
      res = await fetch(`${job.appUrl}/api/havun/v1/${endpoint}`, {
        method: "POST",
        headers: { authorization: `Bearer ${jwt}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch (err) {
      if (attempt >= waits.length)
        throw new AppApiError(
          "APP_UNREACHABLE",
          `cannot reach the HavunCore App at ${job.appUrl}: ${(err as Error).message}`,
          0,
        );
    }
    if ((res && !(await unanswered(res))) || attempt >= waits.length) break;
    await new Promise((r) => setTimeout(r, waits[attempt]));
  }
  if (!res)
    throw new AppApiError("APP_UNREACHABLE", `cannot reach the HavunCore App at ${job.appUrl}`, 0);
  const data = (await res.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string };
  };
  if (!res.ok)
    throw new AppApiError(
      data.error?.code ?? "APP_ERROR",
      data.error?.message ?? `the App answered ${res.status}`,
      res.status,
    );
  return data as T;
}

export const appApi = {
  task: (job: JobEnv, body: TaskRequestBody) => call<TaskResponse>(job, "task", body),
  progress: (job: JobEnv, body: ProgressRequestBody) =>
    call<{ ok: true }>(job, "progress", body, WAITS_MS.short),
  publish: (job: JobEnv, body: PublishRequestBody) => call<PublishResponse>(job, "publish", body),
};
