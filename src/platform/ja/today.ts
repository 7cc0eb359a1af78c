// The calendar day and the clock in Japan, whatever the server's time zone: rules, notices, periods, forms and
// the times pages show are dated by them.

/** Today in Japan (JST has no daylight saving), YYYY-MM-DD. */
export function japanToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

const japanMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const japanHourMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Tokyo',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as the office's clock reads it: 2026-04-01 09:30 (Japan time). */
export const japanDateTime = (at: Date): string => japanMinute.format(at);

/** The time of day in Japan: 09:30. */
export const japanClock = (at: Date): string => japanHourMinute.format(at);
