// The calendar day in Japan, whatever the server's time zone: rules, notices, periods and forms are dated by it.

/** Today in Japan (JST has no daylight saving), YYYY-MM-DD. */
export function japanToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
