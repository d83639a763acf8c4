import { Button } from '../components/button.tsx';
import { Field } from '../components/field.tsx';
import { TextArea } from '../components/text-area.tsx';
import type { FaqItem } from './article-types.ts';

const MAX_ITEMS = 20; // LIMITS.faqItems on the server

/** The article's common questions (they become the page's FAQPage JSON-LD): add, edit, remove. */
export function ArticleFaqFields({ items, onChange }: { items: FaqItem[]; onChange: (items: FaqItem[]) => void }) {
  const update = (index: number, change: Partial<FaqItem>) => onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  return (
    <fieldset className="stack-sm">
      <legend>Common questions</legend>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the questions are edited in place; the position is their identity
        <div key={i} className="card stack-sm">
          <Field id={`faq-q-${i}`} label={`Question ${i + 1}`} value={item.q} maxLength={200} onValueChange={(q) => update(i, { q })} />
          <TextArea id={`faq-a-${i}`} label={`Answer ${i + 1}`} rows={3} value={item.a} maxLength={2000} onValueChange={(a) => update(i, { a })} />
          <Button variant="secondary" onClick={() => onChange(items.filter((_, j) => j !== i))}>
            Remove question {i + 1}
          </Button>
        </div>
      ))}
      {items.length < MAX_ITEMS ? (
        <Button variant="secondary" onClick={() => onChange([...items, { q: '', a: '' }])}>
          Add a question
        </Button>
      ) : null}
    </fieldset>
  );
}
