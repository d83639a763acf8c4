import { readFileSync } from 'node:fs';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import type { CaseType, Priority } from '../cases/index.ts';
import { TriageError } from './triage-error.ts';

const PrioritySchema = Type.Union([Type.Literal('low'), Type.Literal('normal'), Type.Literal('high'), Type.Literal('urgent')]);
const CaseTypeSchema = Type.Union([
  Type.Literal('general'),
  Type.Literal('dispute'),
  Type.Literal('fraud'),
  Type.Literal('rewards'),
  Type.Literal('fee'),
  Type.Literal('account_review'),
  Type.Literal('complaint'),
  Type.Literal('card_services'),
]);
const Id = Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$' });
const Slug = Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 120 });

/** Where a label sends a message: the workflow, the case type, the queue and product line, the priority, help. */
const Route = Type.Object(
  {
    workflow: Id,
    caseType: CaseTypeSchema,
    /** The issuer profile's product line (its queue and hotline). */
    productLine: Id,
    /** The queue's name: product line × case type, as cases/route-case.ts names them ("personal.fraud"). */
    queue: Type.String({ pattern: '^[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)?$', maxLength: 80 }),
    priority: PrioritySchema,
    articles: Type.Array(Slug, { maxItems: 5 }),
    /** The product line whose hotline to offer ("which number do I call?"). */
    hotline: Id,
    description: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);

const LabelsFile = Type.Object(
  {
    version: Type.Literal(1),
    /** Where a message goes when the classifier is not confident enough: a person's general queue. */
    fallback: Route,
    /** Default confidence threshold; createTriage({ threshold }) overrides it. */
    threshold: Type.Number({ minimum: 0, maximum: 1 }),
    labels: Type.Record(Type.String({ minLength: 1, maxLength: 100 }), Route),
  },
  { additionalProperties: false },
);

export type LabelRoute = Static<typeof Route> & { caseType: CaseType; priority: Priority };
export type LabelsConfig = { fallback: LabelRoute; threshold: number; labels: ReadonlyMap<string, LabelRoute> };

export function parseLabelsConfig(raw: unknown, source = 'labels configuration'): LabelsConfig {
  const errors = [...Value.Errors(LabelsFile, raw)].filter((e) => e.keyword !== 'boolean' && e.keyword !== 'anyOf');
  if (errors.length > 0) {
    throw new TriageError('labels_config_invalid', `${source} is invalid: ${errors.slice(0, 6).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ')}`);
  }
  const file = raw as Static<typeof LabelsFile>;
  return { fallback: file.fallback, threshold: file.threshold, labels: new Map(Object.entries(file.labels)) };
}

export function loadLabelsConfig(path: string): LabelsConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TriageError('file_unreadable', `cannot read labels configuration ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new TriageError('labels_config_invalid', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseLabelsConfig(raw, path);
}
