/** `45 min`, `2 h`, `2 h 10 min`. */
export function formatMinutes(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** `about 2 h 10 min`; "none" for nothing left. */
export function formatEta(minutes: number): string {
  return minutes <= 0 ? "none" : `about ${formatMinutes(Math.ceil(minutes))}`;
}
