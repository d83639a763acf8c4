import type { ProductLine } from './profile.schema.ts';
import type { RouteDecision } from './route-question.ts';
import type { RouteAnswer } from './route-question.schema.ts';

const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
const phone = (line: ProductLine) => ({ phone: line.hotline.phone, display: line.hotline.display });

export function routeAnswerView(q: string, d: RouteDecision): RouteAnswer {
  return {
    q,
    productLine: d.line.id,
    name: d.line.name,
    hotline: phone(d.line),
    hours: d.line.hours,
    why: d.why,
    confidence: round(d.confidence),
    basis: d.basis,
    ...(d.topic ? { topic: { label: d.topic.label, description: d.topic.description } } : {}),
    articles: (d.topic?.articles ?? []).map((slug) => ({ slug, url: `/help/${slug}` })),
    alternatives: d.alternatives.map((a) => ({ productLine: a.line.id, name: a.line.name, hotline: phone(a.line), hours: a.line.hours, confidence: round(a.confidence) })),
  };
}
