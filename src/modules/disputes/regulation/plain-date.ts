/**
 * A calendar date in the words a cardholder reads: "Monday, March 16, 2026" (DESIGN.md: plain language and
 * concrete dates). Pure: the date is a day, not an instant, so it is read at noon UTC and formatted in UTC.
 */
const FORMAT = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

export function plainDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`not a date: ${isoDate}`);
  return FORMAT.format(new Date(`${isoDate}T12:00:00Z`));
}
