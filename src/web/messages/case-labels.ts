import type { Priority, SlaClock, StaffCaseSummary, TimelineEntry } from '../api-types.ts';
import { formatDateTime, humanize } from '../components/format.ts';
import type { BadgeTone } from '../components/status.tsx';

export const PRIORITIES: Priority[] = ['urgent', 'high', 'normal', 'low'];

export function priorityBadge(priority: Priority): { label: string; tone: BadgeTone } {
  if (priority === 'urgent') return { label: 'Urgent priority', tone: 'danger' };
  if (priority === 'high') return { label: 'High priority', tone: 'warning' };
  if (priority === 'low') return { label: 'Low priority', tone: 'neutral' };
  return { label: 'Normal priority', tone: 'neutral' };
}

/** Staff-side words for the states (the cardholder sees the server's plain `statusLabel`). */
export const STATUS_LABELS: Record<string, string> = {
  new: 'New',
  open: 'Open',
  pending_customer: 'Waiting for cardholder',
  pending_internal: 'Waiting on another team',
  resolved: 'Resolved',
  closed: 'Closed',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? humanize(status);
}

export function statusTone(status: string): BadgeTone {
  if (status === 'resolved') return 'good';
  if (status === 'closed') return 'neutral';
  if (status === 'pending_customer') return 'warning';
  return 'pending';
}

/** "2 h 15 min", "3 days 4 h", "45 min". */
export function formatDuration(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  if (m < 60) return `${m} min`;
  const hours = Math.floor(m / 60);
  if (hours < 24) return m % 60 ? `${hours} h ${m % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} day${days === 1 ? '' : 's'} ${hours % 24} h` : `${days} day${days === 1 ? '' : 's'}`;
}

export type SlaLine = { name: string; clock: SlaClock };

/** The clock that matters now: the first response until it is met, then the next response, then resolution. */
export function currentSla(sla: StaffCaseSummary['sla']): SlaLine | null {
  const lines: SlaLine[] = [
    { name: 'First response', clock: sla.firstResponse },
    { name: 'Next response', clock: sla.nextResponse },
    { name: 'Resolution', clock: sla.resolution },
  ];
  return lines.find((l) => l.clock.dueAt && !l.clock.met) ?? null;
}

export type SlaState = { text: string; badge: { label: string; tone: BadgeTone } | null };

/** Words, never colour alone: "Due in 2 h 15 min (Mar 3, 2026, 4:05 PM)", "Overdue by 1 h", with a badge. */
export function slaState(clock: SlaClock): SlaState {
  const due = clock.dueAt ? ` (${formatDateTime(clock.dueAt)})` : '';
  if (clock.met) return { text: 'Met', badge: { label: 'Met', tone: 'good' } };
  if (clock.paused) return { text: `Paused while waiting${due}`, badge: { label: 'Paused', tone: 'neutral' } };
  const minutes = clock.remainingMinutes;
  if (clock.breached || (minutes !== null && minutes < 0)) {
    return { text: minutes !== null ? `Overdue by ${formatDuration(minutes)}${due}` : `Overdue${due}`, badge: { label: 'Breached', tone: 'danger' } };
  }
  const left = minutes !== null ? `${formatDuration(minutes)} left${due}` : clock.dueAt ? `Due ${formatDateTime(clock.dueAt)}` : 'No due time';
  return { text: left, badge: clock.atRisk ? { label: 'At risk', tone: 'warning' } : null };
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function representative(author: { displayName: string; agentCode?: string | undefined }): string {
  return author.agentCode ? `${author.displayName} (agent ID ${author.agentCode})` : author.displayName;
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value) return value;
  if (value && typeof value === 'object' && 'displayName' in value && typeof value.displayName === 'string') return value.displayName;
  return null;
}

const TARGETS: Record<string, string> = {
  first_response: 'first response',
  firstResponse: 'first response',
  next_response: 'next response',
  nextResponse: 'next response',
  resolution: 'resolution',
};

/** ": first response, resolution" from `data.targets` (or `data.clock`). */
function targetsText(d: Record<string, unknown>): string {
  const list = Array.isArray(d.targets) ? d.targets : typeof d.clock === 'string' ? [d.clock] : [];
  const names = list.filter((t): t is string => typeof t === 'string').map((t) => TARGETS[t] ?? humanize(t).toLowerCase());
  return names.length ? `: ${names.join(', ')}` : '';
}

const CARDHOLDER_STATUS: Record<string, string> = {
  new: 'Received',
  open: 'In progress',
  pending_customer: 'Waiting for your reply',
  pending_internal: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** One line for a timeline event; `data` is read defensively (unknown kinds are humanized). */
export function describeEvent(entry: TimelineEntry, audience: 'cardholder' | 'staff'): string {
  const d = entry.data;
  const to = text(d.to);
  const from = text(d.from);
  const words = (s: string | null) => (s ? (audience === 'staff' ? statusLabel(s) : (CARDHOLDER_STATUS[s] ?? humanize(s))) : '');
  switch (entry.kind) {
    case 'opened': {
      if (audience === 'cardholder') return `Case ${text(d.number) ?? ''} opened`.replace('  ', ' ');
      const extra = [text(d.priority) ? `${humanize(text(d.priority) ?? '')} priority` : null, text(d.queue) ? `queue ${text(d.queue)}` : null].filter(Boolean);
      return `Case opened${extra.length ? ` (${extra.join(', ')})` : ''}`;
    }
    case 'state_changed':
      if (audience === 'cardholder') return `Status: ${words(to)}`;
      return to ? `Status changed${from ? ` from ${words(from)}` : ''} to ${words(to)}` : 'Status changed';
    case 'assigned': {
      const name = text(d.assigneeName) ?? text(d.assignee);
      const code = text(d.agentCode);
      if (!name) return 'Assigned';
      return audience === 'cardholder' ? `${name}${code ? ` (agent ID ${code})` : ''} is handling your case` : `Assigned to ${name}${code ? ` (${code})` : ''}`;
    }
    case 'unassigned':
      return audience === 'cardholder' ? 'Waiting for the next representative' : 'Unassigned';
    case 'priority_changed':
      return to ? `Priority changed${from ? ` from ${humanize(from)}` : ''} to ${humanize(to)}` : 'Priority changed';
    case 'sla_breached':
      return `Service level breached${targetsText(d)}`;
    case 'sla_at_risk':
    case 'sla_warning':
      return `Service level at risk${targetsText(d)}`;
    case 'merged':
      if (text(d.into)) return `Merged into case ${text(d.into)}`;
      return text(d.from) ? `Case ${text(d.from)} merged into this one` : 'Merged';
    case 'deadline_warning': {
      const stage = text(d.stage);
      const when = stage === 'overdue' ? 'was due' : stage === 'due_today' ? 'is due today' : 'is due';
      return `Dispute deadline ${humanize(text(d.clock) ?? 'clock')} ${when}${stage === 'due_today' ? '' : ` on ${text(d.dueOn) ?? '?'}`}${text(d.citation) ? ` (${text(d.citation)})` : ''}`;
    }
    case 'csat':
    case 'csat_rated':
      return typeof d.rating === 'number' ? `Rated ${d.rating} out of 5` : 'Satisfaction rating received';
    default:
      return humanize(entry.kind.replaceAll('.', ' '));
  }
}
