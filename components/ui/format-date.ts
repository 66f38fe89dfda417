// Timestamps are shown in UTC so the server-rendered text and the browser's agree (no hydration
// mismatch) and reviewers in different offices talk about the same moment.
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "3 Mar 2026, 14:05 UTC" */
export function formatDateTime(value: Date | string): string {
  return `${DATE_TIME.format(new Date(value))} UTC`;
}

/** The ISO form for a `<time dateTime>` attribute. */
export function isoOf(value: Date | string): string {
  return new Date(value).toISOString();
}

/** "3 d", "5 h": how long ago something began, as people scan a list. */
export function formatAge(from: Date | string, now = new Date()): string {
  const minutes = Math.max(0, Math.round((now.getTime() - new Date(from).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}
