import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../api-client.ts';
import { Button } from '../components/button.tsx';
import { Field } from '../components/field.tsx';
import { formatDateTime } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading } from '../components/status.tsx';
import { TextArea } from '../components/text-area.tsx';
import { asApiError, useResource } from '../components/use-resource.ts';
import { Link, navigate } from '../router.tsx';
import { type Article, type ArticleSummary, STATUS_LABELS, STATUS_TONES } from './article-types.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A new article starts as a draft with a title, summary and body; the editor page does the rest. */
function NewArticle() {
  const [values, setValues] = useState({ slug: '', title: '', summary: '', body: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values, string>>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!SLUG.test(values.slug)) found.slug = 'Use lower-case words joined by hyphens, for example “card-not-arrived”.';
    for (const key of ['title', 'summary', 'body'] as const) if (!values[key].trim()) found[key] = 'Fill this in.';
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length > 0) return;
    setIsSaving(true);
    try {
      const created = await api<Article>('/api/v1/help/articles', { method: 'POST', body: { ...values, status: 'draft', note: 'Created' } });
      navigate(`/staff/articles/${encodeURIComponent(created.slug)}`);
    } catch (caught) {
      const error = asApiError(caught);
      const fieldErrors: typeof errors = {};
      for (const e of error.errors) if (e.field in values) fieldErrors[e.field as keyof typeof values] = e.message;
      setErrors(fieldErrors);
      setFailure(error);
      setIsSaving(false);
    }
  };

  return (
    <details className="card">
      <summary>Write a new article</summary>
      <form className="form stack" onSubmit={submit} noValidate aria-label="New article">
        {failure ? <ErrorAlert error={failure} title="The article was not created." /> : null}
        <Field id="new-slug" label="Address (slug)" hint="Shown in the page address: /help/your-slug" value={values.slug} error={errors.slug} maxLength={80} onValueChange={set('slug')} />
        <Field id="new-title" label="Title" value={values.title} error={errors.title} maxLength={120} onValueChange={set('title')} />
        <Field id="new-summary" label="Summary" hint="One or two sentences; search engines show it." value={values.summary} error={errors.summary} maxLength={300} onValueChange={set('summary')} />
        <TextArea id="new-body" label="Body" rows={8} value={values.body} error={errors.body} onValueChange={set('body')} />
        <Button type="submit" disabled={isSaving}>{isSaving ? 'Creating…' : 'Create draft'}</Button>
      </form>
    </details>
  );
}

/** Staff help-article editor, step 1: every article with its status and version (help editors only). */
export function ArticlesPage() {
  const list = useResource<{ items: ArticleSummary[] }>('/api/v1/help/articles?status=all');
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <PageHeading title="Help articles">Help articles</PageHeading>
        <p className="lead">Edit the help center. Every save is kept as a version; only published articles are public.</p>
      </div>
      {list.status === 'loading' ? <Loading label="Loading articles…" /> : null}
      {list.status === 'error' ? (
        <ErrorAlert error={list.error} title="We couldn’t load the articles.">
          {list.error.status === 403 ? <p>Editing help articles needs the admin role.</p> : null}
        </ErrorAlert>
      ) : null}
      {list.data ? (
        <>
          <NewArticle />
          <ul className="plain-list stack-sm" aria-label="Articles">
            {list.data.items.map((a) => (
              <li key={a.slug} className="card stack-sm">
                <p>
                  <Link to={`/staff/articles/${encodeURIComponent(a.slug)}`}><strong>{a.title}</strong></Link>{' '}
                  <Badge tone={STATUS_TONES[a.status]}>{STATUS_LABELS[a.status]}</Badge>
                </p>
                <p className="tile__meta">
                  /help/{a.slug} · version {a.version} · updated {formatDateTime(a.updatedAt)}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
