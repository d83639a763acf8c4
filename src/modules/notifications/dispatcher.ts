import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { maskPans } from '../../platform/pan.ts';
import { type CoreBanking, createLedgerBanking, type Customer } from '../banking/index.ts';
import type { Notification, Notifier, OutboxPayload } from './notification.types.ts';
import { onNudge } from './nudge.ts';
import { type ClaimedRow, claimDueRows, markDelivered, markFailed } from './outbox.repo.ts';
import { resolveRecipient } from './resolve-recipient.ts';
import { isTemplateName, renderTemplate } from './templates.ts';

export type DispatcherOptions = {
  db: Db;
  clock: Clock;
  notifier: Notifier;
  logger: Logger;
  /** PUBLIC_URL: links in notifications point here. */
  publicUrl: string;
  /** Names the issuer in the text ("… will never ask for your PIN"); from the issuer profile. */
  issuerName?: string;
  /** Dates in notifications are written in this zone; the issuer profile's time zone. */
  timeZone?: string;
  /** Where contact addresses come from; the built-in ledger when absent. */
  banking?: CoreBanking;
  batchSize?: number;
  /** How long a claimed row is hidden from other dispatchers; longer than a send can take (SMTP timeouts). */
  leaseMs?: number;
  /** Attempts before a row is marked dead. */
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
};

export type DispatchResult = { claimed: number; delivered: number; retrying: number; dead: number };

export const DISPATCH_DEFAULTS = {
  batchSize: 50,
  leaseMs: 5 * 60_000,
  maxAttempts: 8, // 30 s … 32 min between tries: about an hour of outage before giving up
  retryBaseMs: 30_000,
  retryMaxMs: 60 * 60_000,
  maxBatchesPerPass: 50, // one pass never monopolizes the process; the next pass continues
};

/** Exponential backoff after the n-th failed attempt (1-based): base, 2×base, 4×base … capped. */
export function retryDelayMs(attempts: number, baseMs: number = DISPATCH_DEFAULTS.retryBaseMs, maxMs: number = DISPATCH_DEFAULTS.retryMaxMs): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

const EMPTY: DispatchResult = { claimed: 0, delivered: 0, retrying: 0, dead: 0 };

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return maskPans(message).text.slice(0, 500);
}

function readPayload(raw: unknown): OutboxPayload | null {
  const p = raw as Partial<OutboxPayload> | null;
  if (!p || p.v !== 1 || !isTemplateName(p.template) || (p.channel !== 'email' && p.channel !== 'sms')) return null;
  if (typeof p.recipient !== 'object' || p.recipient === null || typeof p.data !== 'object' || p.data === null) return null;
  return p as OutboxPayload;
}

type Outcome = 'delivered' | 'retrying' | 'dead';

/**
 * The customers a batch will write to, read in one query: contact details are still read at send time (an
 * address changed after queueing is honoured), just not one query per notification.
 */
async function customersFor(banking: CoreBanking, payloads: ReadonlyArray<OutboxPayload | null>): Promise<Map<string, Customer>> {
  const ids = payloads.flatMap((p) => (p?.recipient.customerId ? [p.recipient.customerId] : []));
  return ids.length > 0 ? banking.findCustomers(ids) : new Map();
}

/** Sends one claimed row whose payload dispatchOnce has read (null: unreadable). */
async function deliverRow(
  options: DispatcherOptions,
  banking: CoreBanking,
  row: ClaimedRow,
  payload: OutboxPayload | null,
  customers: ReadonlyMap<string, Customer>,
): Promise<Outcome> {
  const { db, clock, logger } = options;
  const maxAttempts = options.maxAttempts ?? DISPATCH_DEFAULTS.maxAttempts;
  const log = { outboxId: row.id, topic: row.topic, attempts: row.attempts };
  const giveUp = async (reason: string): Promise<Outcome> => {
    await markFailed(db, { id: row.id, attempts: row.attempts, error: reason, retryAt: null, now: clock.now() });
    logger.error({ ...log, error: reason }, 'notification dead: not delivered');
    return 'dead';
  };
  try {
    if (!payload) return await giveUp('unreadable payload');
    const address = await resolveRecipient({ db, banking }, payload.recipient, payload.channel, customers);
    if ('unreachable' in address) return await giveUp(address.unreachable); // retrying would not help
    const ctx = { publicUrl: options.publicUrl, issuerName: options.issuerName ?? 'Your card issuer', timeZone: options.timeZone ?? 'UTC' };
    const rendered = renderTemplate(payload.template, payload.data, ctx);
    const notification: Notification = {
      id: `outbox-${row.id}`,
      topic: row.topic,
      channel: payload.channel,
      template: payload.template,
      to: address.to,
      subject: rendered.subject,
      text: payload.channel === 'sms' ? rendered.sms : rendered.text,
      html: rendered.html,
    };
    await options.notifier.send(notification);
  } catch (error) {
    const message = errorText(error);
    if (row.attempts >= maxAttempts) return await giveUp(message);
    const retryAt = new Date(clock.now().getTime() + retryDelayMs(row.attempts, options.retryBaseMs, options.retryMaxMs));
    await markFailed(db, { id: row.id, attempts: row.attempts, error: message, retryAt, now: clock.now() });
    logger.warn({ ...log, retryAt, error: message }, 'notification not delivered; will retry');
    return 'retrying';
  }
  // Sent: recorded for the whole batch by dispatchOnce in one statement. A crash before that means the row is
  // sent again after its lease (at least once, never lost).
  logger.debug(log, 'notification sent');
  return 'delivered';
}

/**
 * Sends what is due now: claims batches (a short statement each) and sends them after claiming, never
 * inside a transaction, until a batch comes back short. Safe to run in many processes at once.
 */
export async function dispatchOnce(options: DispatcherOptions): Promise<DispatchResult> {
  const banking = options.banking ?? createLedgerBanking(options.db);
  const batchSize = options.batchSize ?? DISPATCH_DEFAULTS.batchSize;
  const leaseMs = options.leaseMs ?? DISPATCH_DEFAULTS.leaseMs;
  const total = { ...EMPTY };
  for (let batch = 0; batch < DISPATCH_DEFAULTS.maxBatchesPerPass; batch++) {
    const rows = await claimDueRows(options.db, options.clock.now(), leaseMs, batchSize);
    total.claimed += rows.length;
    const payloads = rows.map((row) => readPayload(row.payload));
    const customers = await customersFor(banking, payloads).catch(() => new Map<string, Customer>()); // else one by one
    // allSettled: one row's database error must not stop the others from recording their outcome.
    const settled = await Promise.allSettled(rows.map((row, i) => deliverRow(options, banking, row, payloads[i] ?? null, customers)));
    for (const s of settled) if (s.status === 'fulfilled') total[s.value]++;
    const sent = rows.flatMap((row, i) => {
      const s = settled[i]!;
      return s.status === 'fulfilled' && s.value === 'delivered' ? [row.id] : [];
    });
    await markDelivered(options.db, sent, options.clock.now());
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason; // those rows are retried when their lease ends
    if (rows.length < batchSize) break;
  }
  return total;
}

export type RunningDispatcher = { stop(): Promise<void> };

/**
 * Runs `dispatchOnce` every `intervalMs`, and more eagerly right after `enqueueNotification` in this process:
 * a wake polls every `nudgePollMs` until a pass that started after the wake finds rows (the caller's
 * transaction has committed), or `nudgeWindowMs` passes (it rolled back). Real-time waits here are
 * scheduling only; every recorded time comes from the injected clock.
 */
export function startDispatcher(
  options: DispatcherOptions & { intervalMs?: number; nudgePollMs?: number; nudgeWindowMs?: number },
): RunningDispatcher {
  const intervalMs = options.intervalMs ?? 5_000;
  const pollMs = options.nudgePollMs ?? 25;
  const windowMs = options.nudgeWindowMs ?? 2_000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let timerDueAt = 0;
  let busy: Promise<DispatchResult> | null = null;
  let wakes = 0;
  let burstUntil = 0;

  /**
   * Runs the next pass in `delayMs`, or sooner if one is already due sooner: a nudge never postpones a pass. (It
   * did: with a message every millisecond each nudge pushed the pending pass 25 ms further, and under steady
   * load the dispatcher never ran.)
   */
  const schedule = (delayMs: number) => {
    if (stopped) return;
    const dueAt = performance.now() + delayMs;
    if (timer) {
      if (timerDueAt <= dueAt) return;
      clearTimeout(timer);
    }
    timerDueAt = dueAt;
    timer = setTimeout(tick, delayMs);
  };

  async function tick(): Promise<void> {
    timer = null;
    const wakesBefore = wakes;
    busy = dispatchOnce(options).catch((error: unknown) => {
      options.logger.error({ error: errorText(error) }, 'notification dispatch pass failed');
      return EMPTY;
    });
    const result = await busy;
    busy = null;
    if (result.claimed > 0 && wakes === wakesBefore) burstUntil = 0; // what woke us has been found
    schedule(performance.now() < burstUntil ? pollMs : intervalMs);
  }

  const unsubscribe = onNudge(() => {
    wakes++;
    burstUntil = performance.now() + windowMs;
    if (timer) schedule(pollMs); // otherwise a pass is running and reschedules itself when done
  });
  schedule(0);

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
      await busy;
    },
  };
}
