/**
 * GitHub's addresses for bots (`41898282+github-actions[bot]@users.noreply.github.com`) are not
 * RFC-5322 "email" format, yet GitHub's own payloads carry them where its schemas say `email`.
 * The sandbox accepts any `local@domain` without spaces there, as GitHub's data does.
 */
export const LENIENT_EMAIL = /^[^\s@]+@[^\s@]+$/;
