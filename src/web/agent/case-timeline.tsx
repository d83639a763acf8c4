import type { StaffCaseDetail, TimelineEntry } from '../api-types.ts';
import { formatDateTime } from '../components/format.ts';
import { describeEvent, representative } from '../messages/case-labels.ts';
import { MessageItem } from '../messages/message-item.tsx';
import { mergeTimeline } from '../messages/timeline.ts';

type Triage = { label: string; confidence: number; articles: string[] };

function triageOf(entry: TimelineEntry): Triage | null {
  const t = entry.kind === 'opened' ? (entry.data.triage as Triage | null | undefined) : null;
  return t && typeof t.label === 'string' && typeof t.confidence === 'number' && Array.isArray(t.articles) ? t : null;
}

/** What the triage classifier made of the first message, and the help articles it suggests for the answer. */
function TriageLine({ triage }: { triage: Triage }) {
  return (
    <p className="muted small">
      Triage: {triage.label.replaceAll('_', ' ')} ({Math.round(triage.confidence * 100)} % confident)
      {triage.articles.length > 0 ? (
        <>
          {' · suggested articles: '}
          {triage.articles.map((slug, i) => (
            <span key={slug}>
              {i > 0 ? ', ' : ''}
              <a href={`/help/${encodeURIComponent(slug)}`} target="_blank" rel="noreferrer">
                {slug.replaceAll('-', ' ')}
              </a>
            </span>
          ))}
        </>
      ) : null}
    </p>
  );
}

function EventLine({ entry }: { entry: TimelineEntry }) {
  const note = typeof entry.data.note === 'string' ? entry.data.note : null;
  const triage = triageOf(entry);
  return (
    <div className={/sla/.test(entry.kind) ? 'event event--sla' : 'event'}>
      <p>
        <strong>{describeEvent(entry, 'staff')}</strong>
        {entry.actor && entry.actor.role !== 'system' ? ` by ${representative(entry.actor)}` : ''} · <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
      </p>
      {note ? <p className="muted small">Note: {note}</p> : null}
      {triage ? <TriageLine triage={triage} /> : null}
    </div>
  );
}

export function CaseTimeline({ detail }: { detail: StaffCaseDetail }) {
  const items = mergeTimeline(detail.messages, detail.timeline);
  return (
    <section className="stack" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {items.length === 0 ? <p className="muted">Nothing yet.</p> : null}
      <ol className="plain-list conversation" aria-label="Timeline">
        {items.map((item) => (
          <li key={item.key}>
            {item.message ? <MessageItem message={item.message} audience="staff" /> : item.event ? <EventLine entry={item.event} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
