import { type FormEvent, useEffect, useState } from 'react';
import { type ApiError, api } from '../api-client.ts';
import { Button } from '../components/button.tsx';
import { Field } from '../components/field.tsx';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading, Notice } from '../components/status.tsx';
import { TextArea } from '../components/text-area.tsx';
import { asApiError, useResource } from '../components/use-resource.ts';
import { Link } from '../router.tsx';
import { ArticleFaqFields } from './article-faq-fields.tsx';
import { type Article, type ArticleDraft, type ArticleEdit, type ArticleStatus, type ArticleVersion, draftOf, STATUS_LABELS, STATUS_TONES } from './article-types.ts';
import { ArticleVersions } from './article-versions.tsx';

type Errors = Partial<Record<'title' | 'summary' | 'body' | 'note', string>>;

function check(d: ArticleDraft): Errors {
  const errors: Errors = {};
  if (!d.title.trim()) errors.title = 'Enter a title.';
  if (!d.summary.trim()) errors.summary = 'Enter a summary of one or two sentences.';
  if (!d.body.trim()) errors.body = 'Write the article.';
  return errors;
}

/** Staff help-article editor, step 2: edit, save as a new version, publish or archive, restore an old version. */
export function ArticleEditorPage({ slug }: { slug: string }) {
  const path = `/api/v1/help/articles/${encodeURIComponent(slug)}`;
  const article = useResource<Article>(path);
  const versions = useResource<{ items: ArticleVersion[] }>(`${path}/versions`);
  const [draft, setDraft] = useState<ArticleDraft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    if (article.data) setDraft(draftOf(article.data));
  }, [article.data]);

  const save = async (status: ArticleStatus) => {
    if (!article.data || !draft || isSaving) return;
    const next = { ...draft, status };
    const found = check(next);
    setErrors(found);
    setFailure(undefined);
    setSaved(undefined);
    if (Object.keys(found).length > 0) return;
    setIsSaving(true);
    const body: ArticleEdit = {
      baseVersion: article.data.version,
      title: next.title.trim(),
      summary: next.summary.trim(),
      body: next.body,
      faq: next.faq.filter((f) => f.q.trim() && f.a.trim()),
      keywords: next.keywords,
      productLine: article.data.productLine,
      status,
      position: article.data.position,
      ...(next.note.trim() ? { note: next.note.trim() } : {}),
    };
    try {
      const result = await api<Article>(path, { method: 'PUT', body });
      setSaved(`Saved as version ${result.version} (${STATUS_LABELS[result.status].toLowerCase()}).`);
      article.reload();
      versions.reload();
    } catch (caught) {
      setFailure(asApiError(caught));
    } finally {
      setIsSaving(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) void save(draft.status);
  };
  const set = (key: 'title' | 'summary' | 'body' | 'keywords' | 'note') => (value: string) => setDraft((d) => (d ? { ...d, [key]: value } : d));

  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/staff/articles">All help articles</Link>
      </nav>
      {article.status === 'loading' && !draft ? <Loading label="Loading the article…" /> : null}
      {article.status === 'error' ? <ErrorAlert error={article.error} title="We couldn’t load the article." /> : null}
      {article.data && draft ? (
        <>
          <div className="stack-sm">
            <PageHeading title={`Edit: ${article.data.title}`}>Edit “{article.data.title}”</PageHeading>
            <p>
              <Badge tone={STATUS_TONES[article.data.status]}>{STATUS_LABELS[article.data.status]}</Badge> version {article.data.version} ·{' '}
              {article.data.status === 'published' ? <a href={article.data.url}>View the public page</a> : 'not public'}
            </p>
          </div>
          {saved ? <Notice tone="success" title={saved} /> : null}
          {failure ? (
            <ErrorAlert error={failure} title="The article was not saved.">
              {failure.status === 409 ? <p>Someone saved a newer version. Reload the page to edit it; your changes here are not saved.</p> : null}
            </ErrorAlert>
          ) : null}
          <form className="card form stack" onSubmit={submit} noValidate aria-label="Article">
            <Field id="article-title" label="Title" value={draft.title} error={errors.title} maxLength={120} onValueChange={set('title')} />
            <TextArea id="article-summary" label="Summary" hint="One or two sentences; search engines show it." rows={2} value={draft.summary} error={errors.summary} maxLength={300} onValueChange={set('summary')} />
            <TextArea
              id="article-body"
              label="Body"
              hint="## and ### headings, lists, **bold**, *emphasis*, [links](/help/…) and tokens such as {{phone:personal}}. HTML is shown as text."
              rows={16}
              value={draft.body}
              error={errors.body}
              onValueChange={set('body')}
            />
            <ArticleFaqFields items={draft.faq} onChange={(faq) => setDraft((d) => (d ? { ...d, faq } : d))} />
            <Field id="article-keywords" label="Search keywords" hint="Words cardholders use that the article does not, separated by commas." value={draft.keywords} maxLength={500} onValueChange={set('keywords')} />
            <div className="field">
              <label className="field__label" htmlFor="article-status">Status</label>
              <select id="article-status" className="field__input" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as ArticleStatus })}>
                {(['draft', 'published', 'archived'] as const).map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
              </select>
            </div>
            <Field id="article-note" label="What changed? (for the version history)" value={draft.note} maxLength={500} onValueChange={set('note')} />
            <div className="actions">
              <Button type="submit" disabled={isSaving}>{isSaving ? 'Saving…' : 'Save'}</Button>
              {draft.status !== 'published' ? (
                <Button variant="secondary" disabled={isSaving} onClick={() => void save('published')}>Save and publish</Button>
              ) : null}
            </div>
          </form>
          {versions.data ? (
            <ArticleVersions
              items={versions.data.items}
              current={article.data.version}
              onRestore={(v) => {
                setDraft({ ...draftOf(v), note: `Restored version ${v.version}` });
                setSaved(undefined);
              }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
