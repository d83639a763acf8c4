/** Staff words for complaint clocks, channels and rates (the API sends ids). */
export const CLOCK_WORDS: Record<string, string> = { on_time: 'On time', late: 'Late', overdue: 'Overdue', pending: 'Not yet due', none: '—' };
export const CHANNEL_WORDS: Record<string, string> = { secure_message: 'Online', phone: 'Phone', mail: 'Mail', regulator: 'CFPB portal' };
export const COMPLAINT_STATUSES = [
  { value: 'open', label: 'Open (not closed)', api: 'received,acknowledged,responded' },
  { value: 'received', label: 'Received', api: 'received' },
  { value: 'acknowledged', label: 'Acknowledged', api: 'acknowledged' },
  { value: 'responded', label: 'Answered', api: 'responded' },
  { value: 'closed', label: 'Closed', api: 'closed' },
  { value: 'any', label: 'Any status', api: undefined },
] as const;

/** "75 % (3 of 4)", or a plain "nothing due yet" instead of a misleading 0 % or 100 %. */
export function rateText(r: { onTime: number; dueSoFar: number; rate: number | null }): string {
  if (r.rate === null) return 'Nothing due yet';
  return `${Math.round(r.rate * 100)} % (${r.onTime} of ${r.dueSoFar})`;
}

export function percent(rate: number | null): string {
  return rate === null ? 'no data' : `${Math.round(rate * 100)} %`;
}
