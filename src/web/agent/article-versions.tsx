import { Button } from '../components/button.tsx';
import { formatDateTime } from '../components/format.ts';
import { Badge } from '../components/status.tsx';
import { type ArticleVersion, STATUS_LABELS, STATUS_TONES } from './article-types.ts';

/** Every saved version, newest first; any one can be loaded into the form and saved again as a new version. */
export function ArticleVersions({ items, current, onRestore }: { items: ArticleVersion[]; current: number; onRestore: (v: ArticleVersion) => void }) {
  return (
    <section className="stack-sm" aria-labelledby="versions">
      <h2 id="versions">Versions</h2>
      <ol className="plain-list stack-sm" aria-label="Versions, newest first">
        {items.map((v) => (
          <li key={v.version} className="card stack-sm">
            <p>
              <strong>Version {v.version}</strong> <Badge tone={STATUS_TONES[v.status]}>{STATUS_LABELS[v.status]}</Badge>
              {v.version === current ? ' (current)' : ''}
            </p>
            <p className="tile__meta">
              {formatDateTime(v.createdAt)} · {v.authorName ?? 'System'}
              {v.note ? ` · ${v.note}` : ''}
            </p>
            {v.version !== current ? (
              <Button variant="secondary" onClick={() => onRestore(v)}>
                Load version {v.version} into the form
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
