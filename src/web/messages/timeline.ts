import type { Message, TimelineEntry } from '../api-types.ts';

export type TimelineItem<M extends Message> = { key: string; message?: M; event?: TimelineEntry };

/** Kinds that stand for a message (shown as the message itself, not as an event line). */
export function isMessageEvent(entry: TimelineEntry): boolean {
  return entry.messageId !== null || entry.kind === 'message' || entry.kind === 'note';
}

const byTime = (a: { at: string; seq: number }, b: { at: string; seq: number }) => a.at.localeCompare(b.at) || a.seq - b.seq;

/**
 * Messages and events in the order they happened. The timeline's own order (its ids) decides between things
 * recorded at the same instant; a message the timeline does not mention is placed by its time.
 */
export function mergeTimeline<M extends Message>(messages: M[], timeline: TimelineEntry[]): TimelineItem<M>[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const placed = new Set<string>();
  const rows: Array<{ at: string; seq: number; item: TimelineItem<M> }> = [];
  for (const entry of [...timeline].sort((a, b) => a.id - b.id)) {
    const message = entry.messageId ? byId.get(entry.messageId) : undefined;
    if (message && !placed.has(message.id)) {
      placed.add(message.id);
      rows.push({ at: message.createdAt, seq: entry.id, item: { key: message.id, message } });
    } else if (!isMessageEvent(entry)) {
      rows.push({ at: entry.at, seq: entry.id, item: { key: `e${entry.id}`, event: entry } });
    }
  }
  const maxSeq = rows.reduce((n, r) => Math.max(n, r.seq), 0);
  messages.forEach((m, i) => {
    if (!placed.has(m.id)) rows.push({ at: m.createdAt, seq: maxSeq + 1 + i, item: { key: m.id, message: m } });
  });
  return rows.sort(byTime).map((r) => r.item);
}
