import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { recordAudit } from '../../platform/audit.ts';
import type { CardholderActor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { applyRightsInvoked, findCaseForLink, prepareServiceCase, writeServiceCase } from '../cases/index.ts';
import type { ComplaintDeps, RequestMeta } from './complaint-deps.ts';

/** Callbacks go to the phone team's queue; the agent who takes the case calls the number at the time asked. */
export const PHONE_QUEUE = 'phone';
const MAX_AHEAD_MS = 30 * 86_400_000;

export type CallbackInput = { phone: string; preferredTime: string; reason: string; accountId?: string | undefined };

const invalid = (field: string, message: string) => new AppError('validation_failed', `${field} ${message}`, { errors: [{ field, message }] });

/** E.164 and a real number plan (libphonenumber), not just the shape. */
export function checkPhone(phone: string): string {
  const parsed = parsePhoneNumberFromString(phone);
  if (!parsed || !parsed.isValid() || parsed.number !== phone) throw invalid('phone', 'must be a valid phone number in E.164 form, e.g. +12125550123');
  return parsed.number;
}

export async function prepareCallback(d: ComplaintDeps, actor: CardholderActor, input: CallbackInput) {
  const phone = checkPhone(input.phone);
  const at = new Date(input.preferredTime);
  const now = d.cases.clock.now();
  if (at.getTime() < now.getTime()) throw invalid('preferredTime', 'must be in the future');
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS) throw invalid('preferredTime', 'must be within 30 days');
  const local = at.toLocaleString('en-US', { timeZone: d.timeZone, dateStyle: 'full', timeStyle: 'short' });
  const serviceCase = await prepareServiceCase(d.cases, {
    customerId: actor.customerId,
    accountId: input.accountId ?? null,
    subject: 'Callback request',
    body: `Please call me on ${phone} around ${local} (${d.timeZone}).\n\nReason: ${input.reason.trim()}`,
    author: { id: actor.userId, role: 'cardholder', name: actor.displayName, agentCode: null },
    visibleToCardholder: true,
    type: 'general',
    channel: 'phone',
    queue: PHONE_QUEUE,
    links: { callbackAt: at.toISOString() },
    openedData: { callback: { preferredTime: at.toISOString(), phoneLast4: phone.slice(-4) } },
  });
  return { actor, phone, at, local, reason: input.reason, serviceCase };
}

/** A case in the phone queue with the number (in the encrypted message) and the time; rights words still count. */
export async function writeCallback(d: ComplaintDeps, unit: Unit, p: Awaited<ReturnType<typeof prepareCallback>>, meta: RequestMeta) {
  const opened = await writeServiceCase(d.cases, unit, p.serviceCase, meta);
  const now = d.cases.clock.now();
  const row = await findCaseForLink(unit.tx, opened.id, null, true);
  const who = { id: p.actor.userId, role: 'cardholder', name: p.actor.displayName };
  const rights = await applyRightsInvoked(d.cases, unit.tx, row!, who, p.reason, now, meta.requestId);
  await recordAudit(unit.tx, { action: 'callback.create', actorId: p.actor.userId, actorRole: 'cardholder', targetType: 'case', targetId: opened.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { preferredTime: p.at.toISOString() } });
  return {
    caseId: opened.id,
    number: opened.number,
    queue: rights.row.queue,
    channel: 'phone' as const,
    preferredTime: p.at.toISOString(),
    phoneLast4: p.phone.slice(-4),
    message: `We will call you on the number ending ${p.phone.slice(-4)} around ${p.local}. Your case number is ${opened.number}.`,
    nextSteps: rights.nextSteps,
  };
}
