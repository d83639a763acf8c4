import { Type } from 'typebox';

/** Shared schema pieces. Every body schema is closed (additionalProperties: false): unknown fields are a 400. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', additionalProperties: true },
);

export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, { $ref: 'Problem#', description: 'application/problem+json' }]));

export const IdParam = (prefix: string) =>
  Type.Object({ id: Type.String({ pattern: `^${prefix}_[0-9a-z]{16}$`, description: `a ${prefix}_… identifier` }) }, { additionalProperties: false });

export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const DateTime = Type.String({ format: 'date-time' });
