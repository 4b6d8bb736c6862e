/** One line of `havun doctor`'s checklist. */
export interface DoctorCheck {
  /** What is checked, e.g. "caller-workflow". */
  id: string;
  /** The repository, account or App it is about. */
  subject: string;
  status: "ok" | "fail" | "skip";
  /** What was found, in a few words. */
  title: string;
  /** More lines when one is not enough (each config error, each missing permission). */
  detail?: string[];
  /** One line: what to do (for `fail`), or how to make a `skip` checkable. */
  fix?: string;
}

export const ok = (id: string, subject: string, title: string): DoctorCheck => ({
  id,
  subject,
  status: "ok",
  title,
});

export const fail = (
  id: string,
  subject: string,
  title: string,
  fix: string,
  detail?: string[],
): DoctorCheck => ({
  id,
  subject,
  status: "fail",
  title,
  fix,
  ...(detail?.length ? { detail } : {}),
});

export const skip = (id: string, subject: string, title: string, fix: string): DoctorCheck => ({
  id,
  subject,
  status: "skip",
  title,
  fix,
});
