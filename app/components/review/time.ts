// Instants as people in England read them: "19 October 2026 at 3:30pm".
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: 'Europe/London' });
const ISO_DAY = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });

/** An ISO instant as "19 October 2026 at 3:30pm" (England's time). */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  return `${DAY.format(date)} at ${TIME.format(date).replace(/\s/g, '').toLowerCase()}`;
}

/** The day an instant falls on in England, as YYYY-MM-DD. */
export function londonDay(value: string): string {
  return ISO_DAY.format(new Date(value));
}

/** Whole days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Submitted after the due date? { late, days } (days late, 0 when on time). */
export function lateness(submittedAt: string | null | undefined, dueDate: string): { late: boolean; days: number } {
  if (!submittedAt) return { late: false, days: 0 };
  const days = daysBetween(dueDate, londonDay(submittedAt));
  return { late: days > 0, days: Math.max(0, days) };
}
