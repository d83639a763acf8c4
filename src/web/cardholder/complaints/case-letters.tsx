import { formatLongDate } from '../../components/format.ts';
import { useResource } from '../../components/use-resource.ts';

type NoticeItem = { id: string; title: string; issuedOn: string; issuedBy: string; htmlUrl: string; pdfUrl: string };
type CaseNotices = { caseId: string; caseNumber: string; items: NoticeItem[] };

/**
 * The written notices on a case (issue 4, item 6): each letter can be read in the browser or downloaded as
 * the PDF that was sent. Nothing is shown while a case has no letters. `version` reloads the list when the
 * conversation changes (a letter arrives as a message).
 */
export function CaseLetters({ caseId, version }: { caseId: string; version: string }) {
  const notices = useResource<CaseNotices>(`/api/v1/cases/${encodeURIComponent(caseId)}/notices?v=${encodeURIComponent(version)}`);
  const items = notices.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card stack-sm" aria-labelledby="letters-heading">
      <h2 id="letters-heading">Letters about this case</h2>
      <ul className="plain-list stack-sm">
        {items.map((n) => (
          <li key={n.id}>
            <p>
              <strong>{n.title}</strong>, {formatLongDate(n.issuedOn)}, from {n.issuedBy}
            </p>
            <p>
              <a href={n.htmlUrl} target="_blank" rel="noopener">
                Read the letter<span className="visually-hidden"> “{n.title}” (opens in a new tab)</span>
              </a>
              {' · '}
              <a href={n.pdfUrl} download>
                Download the PDF<span className="visually-hidden"> of “{n.title}”</span>
              </a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
