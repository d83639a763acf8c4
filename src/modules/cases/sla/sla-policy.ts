/**
 * SLA policies and the shapes `computeSla` reads and returns.
 */
import { AppError, type FieldError } from '../../../platform/errors.ts';

export const SLA_TARGETS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type SlaTargetName = (typeof SLA_TARGETS)[number];

export type SlaPolicy = {
  id: string;
  /** The work calendar the targets are measured on; the caller resolves it and passes it to `computeSla`. */
  calendarId: string;
  /** Working minutes per target; a target left out is not measured (its clock stays idle). */
  targets: Partial<Record<SlaTargetName, number>>;
};

/**
 * The case events an SLA clock needs, in order. `paused`/`resumed` are emitted when the case enters or leaves
 * a state whose `slaPaused` flag is set (e.g. pending_customer), see CONVENTIONS habit 5.
 */
export type SlaEventType = 'opened' | 'customer_message' | 'agent_reply' | 'paused' | 'resumed' | 'resolved' | 'reopened';
export type SlaEvent = { type: SlaEventType; at: Date };

export type SlaClock = {
  /** The target in working minutes, or null when the policy has none. */
  targetMinutes: number | null;
  /**
   * When the target runs out. Running: the projected due time. Met: the due time that applied when it was met.
   * Paused (and not yet breached): null, because it depends on when the pause ends; see `remainingMinutes`.
   * Idle (never started, or no target): null.
   */
  dueAt: Date | null;
  /** The target ran out before the clock stopped: a reply/resolution after `dueAt`, or `now` past it. */
  breached: boolean;
  /** = dueAt when breached. */
  breachedAt: Date | null;
  /**
   * Working minutes left (target − working time spent) while the clock is running or paused — frozen while
   * paused, negative once overdue. Null when met or idle. Fractional minutes are kept; round for display.
   */
  remainingMinutes: number | null;
  /** The clock is running-but-paused (the case is in a state that pauses the SLA). */
  paused: boolean;
  met: boolean;
  metAt: Date | null;
};

export type SlaStatus = Record<SlaTargetName, SlaClock>;

const ID = /^[a-z][a-z0-9_]{1,39}$/;
/** A year of round-the-clock minutes: anything longer is a typo in configuration. */
const MAX_TARGET_MINUTES = 525_600;

/** Validates a policy from configuration; throws AppError('validation_failed') naming each bad field. */
export function parseSlaPolicy(raw: unknown): SlaPolicy {
  const problems: FieldError[] = [];
  const obj = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  for (const key of Object.keys(obj)) if (!['id', 'calendarId', 'targets'].includes(key)) problems.push({ field: key, message: 'unknown field' });
  if (typeof obj.id !== 'string' || !ID.test(obj.id)) problems.push({ field: 'id', message: 'must be lowercase letters, digits and underscores, 2–40 long' });
  if (typeof obj.calendarId !== 'string' || !ID.test(obj.calendarId)) problems.push({ field: 'calendarId', message: 'must be a work calendar id' });
  const targets: Partial<Record<SlaTargetName, number>> = {};
  const rawTargets = obj.targets;
  if (typeof rawTargets !== 'object' || rawTargets === null || Array.isArray(rawTargets) || Object.keys(rawTargets).length === 0) {
    problems.push({ field: 'targets', message: `must set at least one of ${SLA_TARGETS.join(', ')}` });
  } else {
    for (const [key, value] of Object.entries(rawTargets)) {
      if (!(SLA_TARGETS as readonly string[]).includes(key)) problems.push({ field: `targets.${key}`, message: 'unknown target' });
      else if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_TARGET_MINUTES) {
        problems.push({ field: `targets.${key}`, message: `must be whole minutes from 1 to ${MAX_TARGET_MINUTES}` });
      } else targets[key as SlaTargetName] = value as number;
    }
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', `SLA policy is not valid: ${problems.map((p) => p.field).join(', ')}`, { errors: problems });
  }
  return Object.freeze({ id: obj.id as string, calendarId: obj.calendarId as string, targets: Object.freeze(targets) });
}
