import { readFileSync } from 'node:fs';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { builtInHolidayCalendar, type HolidayCalendar } from '../calendars/index.ts';

const Entry = Type.Object({ id: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), label: Type.String({ minLength: 1, maxLength: 120 }) }, { additionalProperties: false });

const ComplaintPolicyFile = Type.Object(
  {
    version: Type.Literal(1),
    $comment: Type.Optional(Type.String()),
    acknowledgmentBusinessDays: Type.Integer({ minimum: 0, maximum: 30 }),
    responseCalendarDays: Type.Integer({ minimum: 1, maximum: 90 }),
    finalCalendarDays: Type.Integer({ minimum: 1, maximum: 365 }),
    holidayCalendar: Type.String(),
    categories: Type.Array(Entry, { minItems: 1 }),
    rootCauses: Type.Array(Entry, { minItems: 1 }),
  },
  { additionalProperties: false },
);
type ComplaintPolicyFile = Static<typeof ComplaintPolicyFile>;

/** The issuer's complaint rules: the clocks and the category and root-cause lists. */
export type ComplaintPolicy = Omit<ComplaintPolicyFile, 'holidayCalendar' | '$comment'> & { calendar: HolidayCalendar };

export const DEFAULT_POLICY_PATH = new URL('./complaint-policy.json', import.meta.url);

export function parseComplaintPolicy(raw: unknown): ComplaintPolicy {
  const errors = [...Value.Errors(ComplaintPolicyFile, raw)];
  if (errors.length > 0) throw new Error(`complaint policy is invalid: ${errors.slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ')}`);
  const file = raw as ComplaintPolicyFile;
  const calendar = builtInHolidayCalendar(file.holidayCalendar);
  if (!calendar) throw new Error(`complaint policy is invalid: no holiday calendar "${file.holidayCalendar}"`);
  if (file.responseCalendarDays > file.finalCalendarDays) throw new Error('complaint policy is invalid: the response is due after the final answer');
  const { holidayCalendar: _h, $comment: _c, ...rest } = file;
  return { ...rest, calendar };
}

export function loadComplaintPolicy(file: string | URL = DEFAULT_POLICY_PATH): ComplaintPolicy {
  return parseComplaintPolicy(JSON.parse(readFileSync(file, 'utf8')));
}
