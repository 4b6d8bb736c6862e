import { VaultError } from "./errors.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** True for a real calendar date written YYYY-MM-DD. */
export function isExpiryDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Checks an `--expires` value. */
export function parseExpiryDate(text: string): string {
  if (!isExpiryDate(text)) {
    throw new VaultError(
      "VAULT_INVALID_DATE",
      `invalid expiry date ${JSON.stringify(text)}`,
      "give the last day the secret may be used as YYYY-MM-DD, e.g. 2027-03-31",
    );
  }
  return text;
}

/**
 * A secret expiring on D may be opened through the end of day D (UTC); this is the first
 * instant it no longer opens.
 */
export function expiredFrom(expires: string): Date {
  return new Date(new Date(`${expires}T00:00:00Z`).getTime() + DAY_MS);
}

export function isExpired(expires: string | null, now: Date): boolean {
  return expires !== null && now.getTime() >= expiredFrom(expires).getTime();
}

/** Whole days left before the secret stops opening (0 on its last day). */
export function daysLeft(expires: string, now: Date): number {
  return Math.ceil((expiredFrom(expires).getTime() - now.getTime()) / DAY_MS) - 1;
}

export function expiredError(expires: string): VaultError {
  return new VaultError(
    "VAULT_EXPIRED",
    `expired since ${expiredFrom(expires).toISOString()} (valid through ${expires})`,
    "seal a fresh value with `havun vault seal NAME --repo OWNER/NAME --expires YYYY-MM-DD`",
  );
}
