import { readFileSync } from 'node:fs';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import type { AppError } from '../../platform/errors.ts';
import { parseSlaPolicy, parseWorkCalendar, type SlaPolicy, type WorkCalendar } from './sla/index.ts';

const Priority = Type.Union([Type.Literal('low'), Type.Literal('normal'), Type.Literal('high'), Type.Literal('urgent')]);
export const CASE_TYPES = ['general', 'dispute', 'fraud', 'rewards', 'fee', 'account_review', 'complaint', 'card_services'] as const;
const CaseTypeSchema = Type.Union([Type.Literal('general'), Type.Literal('dispute'), Type.Literal('fraud'), Type.Literal('rewards'), Type.Literal('fee'), Type.Literal('account_review'), Type.Literal('complaint'), Type.Literal('card_services')]);
const Channel = Type.Union([Type.Literal('secure_message'), Type.Literal('phone'), Type.Literal('web'), Type.Literal('email'), Type.Literal('regulator')]);

const ServicePolicyFile = Type.Object(
  {
    version: Type.Literal(1),
    workCalendars: Type.Array(Type.Object({ id: Type.String({ minLength: 2 }), calendar: Type.Unknown() }, { additionalProperties: false }), { minItems: 1 }),
    slaPolicies: Type.Array(Type.Unknown(), { minItems: 1 }),
    slaRules: Type.Array(
      Type.Object(
        {
          when: Type.Object(
            { priority: Type.Optional(Priority), channel: Type.Optional(Channel), escalation: Type.Optional(Type.Literal('supervisor')) },
            { additionalProperties: false },
          ),
          policy: Type.String(),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    slaWarningFraction: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
    priorityRules: Type.Array(
      Type.Object(
        {
          phrases: Type.Array(Type.String({ minLength: 2, maxLength: 80 }), { minItems: 1 }),
          priority: Type.Optional(Priority),
          type: Type.Optional(CaseTypeSchema),
        },
        { additionalProperties: false },
      ),
    ),
    messageLimits: Type.Object(
      { subjectMaxChars: Type.Integer({ minimum: 10, maximum: 1000 }), bodyMaxChars: Type.Integer({ minimum: 100, maximum: 200_000 }) },
      { additionalProperties: false },
    ),
    attachments: Type.Object(
      { maxBytes: Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024 }), maxPerMessage: Type.Integer({ minimum: 0, maximum: 20 }) },
      { additionalProperties: false },
    ),
    assignment: Type.Object({ defaultMaxOpenCases: Type.Integer({ minimum: 1, maximum: 1000 }) }, { additionalProperties: false }),
    reopenWindowDays: Type.Integer({ minimum: 0, maximum: 365 }),
  },
  { additionalProperties: false },
);
type ServicePolicyFile = Static<typeof ServicePolicyFile>;

export type Priority = Static<typeof Priority>;
export type CaseType = (typeof CASE_TYPES)[number];
export type Channel = Static<typeof Channel>;
export type SlaRule = ServicePolicyFile['slaRules'][number];
export type PriorityRule = ServicePolicyFile['priorityRules'][number];

/** The issuer's service rules: SLA policies with their calendars, priority phrases, limits. Data, not code. */
export type ServicePolicy = Omit<ServicePolicyFile, 'workCalendars' | 'slaPolicies'> & {
  calendars: ReadonlyMap<string, WorkCalendar>;
  slaPolicies: ReadonlyMap<string, SlaPolicy>;
};

export class ServicePolicyError extends Error {}

function path(pointer: string): string {
  return pointer.split('/').slice(1).reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || '(root)';
}

export function parseServicePolicy(raw: unknown, source = 'service policy'): ServicePolicy {
  const errors = Value.Errors(ServicePolicyFile, raw).filter((e) => e.keyword !== 'boolean');
  if (errors.length > 0) {
    throw new ServicePolicyError(`${source} is invalid: ${errors.slice(0, 8).map((e) => `${path(e.instancePath)}: ${e.message}`).join('; ')}`);
  }
  const file = raw as ServicePolicyFile;
  const fail = (field: string, message: string): never => {
    throw new ServicePolicyError(`${source} is invalid: ${field}: ${message}`);
  };
  const explain = (error: unknown) => {
    const e = error as AppError;
    return e.errors?.length ? e.errors.map((x) => `${x.field} ${x.message}`).join(', ') : e.message;
  };
  const calendars = new Map<string, WorkCalendar>();
  file.workCalendars.forEach((entry, i) => {
    try {
      calendars.set(entry.id, parseWorkCalendar(entry.calendar));
    } catch (error) {
      fail(`workCalendars[${i}].calendar`, explain(error));
    }
  });
  const slaPolicies = new Map<string, SlaPolicy>();
  file.slaPolicies.forEach((rawPolicy, i) => {
    let policy: SlaPolicy;
    try {
      policy = parseSlaPolicy(rawPolicy);
    } catch (error) {
      return fail(`slaPolicies[${i}]`, explain(error));
    }
    if (!calendars.has(policy.calendarId)) fail(`slaPolicies[${i}].calendarId`, `no work calendar "${policy.calendarId}"`);
    slaPolicies.set(policy.id, policy);
  });
  file.slaRules.forEach((rule, i) => {
    if (!slaPolicies.has(rule.policy)) fail(`slaRules[${i}].policy`, `no SLA policy "${rule.policy}"`);
  });
  if (Object.keys(file.slaRules.at(-1)?.when ?? { x: 1 }).length !== 0) fail('slaRules', 'the last rule must match everything ("when": {})');
  const { workCalendars: _c, slaPolicies: _p, ...rest } = file;
  return { ...rest, calendars, slaPolicies };
}

export function loadServicePolicy(file: string): ServicePolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ServicePolicyError(`Cannot read the service policy ${file}: ${(error as Error).message}`);
  }
  return parseServicePolicy(raw, `Service policy ${file}`);
}

/** First matching rule wins (the file ends with a catch-all). */
export function slaPolicyFor(policy: ServicePolicy, c: { priority: Priority; channel: Channel; escalation: 'supervisor' | null }): SlaPolicy {
  const rule = policy.slaRules.find(
    (r) =>
      (r.when.priority === undefined || r.when.priority === c.priority) &&
      (r.when.channel === undefined || r.when.channel === c.channel) &&
      (r.when.escalation === undefined || r.when.escalation === c.escalation),
  );
  const found = rule && policy.slaPolicies.get(rule.policy);
  if (!found) throw new Error('service policy has no catch-all SLA rule');
  return found;
}
