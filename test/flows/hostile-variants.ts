/**
 * Hostile request variants generated from the OpenAPI document, for test/flows/hostile-inputs.test.ts.
 * Pure: given an operation and a way to find a real id for a prefix, returns the requests to send.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
};

export type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema?: JsonSchema };

export type Operation = {
  method: string;
  path: string;
  parameters: Parameter[];
  bodySchema: JsonSchema | null;
  bodyTypes: string[];
};

export type Variant = { name: string; url: string; payload?: string; contentType?: string; headers?: Record<string, string> };

/** How deep a given actor goes: `full` adds per-field body and per-parameter query variants. */
export type Depth = 'shallow' | 'full';

export type IdLookup = (prefix: string) => string | undefined;

const ID_PATTERN = /^\^([a-z]+)_\[0-9a-z\]\{16\}\$$/;
const STRING_CANDIDATES = ['hostile-test', 'USD', 'US', '5411', 'hostile_test', 'hostile', 'ab', 'a', 'x1', 'A1', '1', 'general'];
const ONE_MB = 1_000_000; // just under the 1 MiB body limit, so the schema (not the limit) must refuse it
const DEEP = 5_000;

export function idPrefix(schema: JsonSchema | undefined): string | null {
  const match = schema?.pattern ? ID_PATTERN.exec(schema.pattern) : null;
  return match?.[1] ?? null;
}

function firstType(schema: JsonSchema): string | undefined {
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type) return type;
  if (schema.properties) return 'object';
  return undefined;
}

/** A plausible valid value for a schema, using real ids where the pattern names a prefix. */
export function sample(schema: JsonSchema | undefined, ids: IdLookup): unknown {
  if (!schema) return 'hostile';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const branch = schema.anyOf ?? schema.oneOf;
  if (branch?.length) return sample(branch.find((b) => b.type !== 'null') ?? branch[0], ids);
  switch (firstType(schema)) {
    case 'string':
      return sampleString(schema, ids);
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(1, low), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'array': {
      const count = Math.min(Math.max(schema.minItems ?? 1, 1), schema.maxItems ?? 1);
      return Array.from({ length: count }, () => sample(schema.items, ids));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key], ids);
      return out;
    }
    default:
      return 'hostile';
  }
}

function sampleString(schema: JsonSchema, ids: IdLookup): string {
  const prefix = idPrefix(schema);
  if (prefix) return ids(prefix) ?? `${prefix}_${'0'.repeat(16)}`;
  if (schema.format === 'date') return '2026-03-02';
  if (schema.format === 'date-time') return '2026-03-02T10:00:00.000Z';
  if (schema.format === 'email') return 'hostile@example.com';
  if (schema.format === 'uri') return 'https://example.com/hostile';
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : null;
  for (const candidate of STRING_CANDIDATES) {
    const value = candidate.length < min ? candidate.padEnd(min, 'x') : candidate;
    if (value.length <= max && (!pattern || pattern.test(value))) return value;
  }
  return 'x'.repeat(Math.max(min, 1));
}

function deepObject(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Values that are wrong, extreme or hostile for a field of this schema. */
function fieldValues(schema: JsonSchema | undefined): Array<[string, string]> {
  const type = schema ? firstType(schema) : undefined;
  switch (type) {
    case 'integer':
    case 'number':
      return [['negative', '-1'], ['huge', '1e21'], ['float', '1.5'], ['int32+1', '2147483648'], ['string', '"12"']];
    case 'boolean':
      return [['string', '"true"'], ['number', '1']];
    case 'array':
      return [['scalar', '"x"'], ['nulls', '[null]'], ['10k items', JSON.stringify(Array.from({ length: 10_000 }, () => 'x'))]];
    case 'object':
      return [['array', '[]'], ['deep', deepObject(DEEP)]];
    default:
      return [
        ['1 MB', JSON.stringify('a'.repeat(ONE_MB))],
        ['NUL', JSON.stringify('a\u0000b')],
        ['lone surrogate', '"\\ud800x"'],
        ['number', '123'],
        ['empty', '""'],
        ['array', '["x"]'],
      ];
  }
}

function pathFor(op: Operation, overrides: Record<string, string>, ids: IdLookup): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (name in overrides) return overrides[name] as string;
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(String(sample(param?.schema, ids)));
  });
}

function baseQuery(op: Operation, ids: IdLookup): URLSearchParams {
  const query = new URLSearchParams();
  for (const p of op.parameters) if (p.in === 'query' && p.required) query.set(p.name, String(sample(p.schema, ids)));
  return query;
}

const PATH_JUNK: Array<[string, (prefix: string | null) => string]> = [
  ['x', () => 'x'],
  ['long id', () => 'a'.repeat(5_000)],
  ['sql', () => encodeURIComponent("' OR 1=1--")],
  ['traversal', () => encodeURIComponent('../../etc/passwd')],
  ['unicode', () => encodeURIComponent('ケース✓\u{1F4B3}')],
  ['NUL', () => '%00'],
  ['bad percent', () => '%E0%A4%A'],
  ['unknown id', (prefix) => (prefix ? `${prefix}_zzzzzzzzzzzzzzzz` : 'zzzz-unknown')],
];

/** The hostile requests for one operation; `shallow` keeps the structural ones, `full` adds per-field values. */
export function variantsFor(op: Operation, ids: IdLookup, depth: Depth): Variant[] {
  const out: Variant[] = [];
  const query = baseQuery(op, ids).toString();
  const withQuery = (path: string, q = query) => (q ? `${path}?${q}` : path);
  const validPath = pathFor(op, {}, ids);
  const hasJsonBody = op.bodySchema !== null && op.bodyTypes.includes('application/json');
  const baseBody = hasJsonBody ? (sample(op.bodySchema ?? undefined, ids) as Record<string, unknown>) : undefined;
  const json = (name: string, payload: string, url = withQuery(validPath)) => out.push({ name, url, payload, contentType: 'application/json' });

  for (const param of op.parameters.filter((p) => p.in === 'path')) {
    const junk = depth === 'full' ? PATH_JUNK : PATH_JUNK.filter(([n]) => n === 'x' || n === 'unknown id' || n === 'sql');
    for (const [name, make] of junk) {
      const url = withQuery(pathFor(op, { [param.name]: make(idPrefix(param.schema)) }, ids));
      if (baseBody) json(`path ${param.name}=${name}`, JSON.stringify(baseBody), url);
      else out.push({ name: `path ${param.name}=${name}`, url });
    }
  }

  // Credentials that are junk: a huge bearer token, a cookie that is not ours, a non-Bearer scheme.
  out.push({ name: 'junk bearer token', url: withQuery(validPath), headers: { authorization: `Bearer ${'x'.repeat(5_000)}` } });
  out.push({ name: 'junk cookie', url: withQuery(validPath), headers: { authorization: '', cookie: 'cardcare_session=%ZZ%00; x=' } });
  if (depth === 'full') out.push({ name: 'basic auth', url: withQuery(validPath), headers: { authorization: 'Basic YTpi' } });

  if (op.method !== 'GET') {
    json('malformed JSON', '{"a":');
    json('body is an array', '[]');
    if (depth === 'full') {
      json('body is a string', '"x"');
      json('body is a number', '42');
      json('body is null', 'null');
      json('proto pollution', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}');
      json('deeply nested', deepObject(DEEP));
      out.push({ name: 'text/plain', url: withQuery(validPath), payload: 'hello', contentType: 'text/plain' });
      out.push({ name: 'form-urlencoded', url: withQuery(validPath), payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' });
      out.push({ name: 'xml', url: withQuery(validPath), payload: '<a>1</a>', contentType: 'application/xml' });
      out.push({ name: 'junk multipart', url: withQuery(validPath), payload: '--x\r\nnot a part\r\n', contentType: 'multipart/form-data; boundary=x' });
      out.push({ name: 'over the body limit', url: withQuery(validPath), payload: JSON.stringify({ a: 'a'.repeat(1_100_000) }), contentType: 'application/json' });
    }
  }

  if (baseBody && depth === 'full') {
    json('missing required fields', '{}');
    json('extra field', JSON.stringify({ ...baseBody, hostileExtra: 1 }));
    json('valid-looking body', JSON.stringify(baseBody));
    for (const [field, schema] of Object.entries(op.bodySchema?.properties ?? {})) {
      for (const [name, raw] of fieldValues(schema)) {
        const rest = JSON.stringify({ ...baseBody, [field]: undefined });
        const payload = rest === '{}' ? `{"${field}":${raw}}` : `${rest.slice(0, -1)},"${field}":${raw}}`;
        json(`body ${field}=${name}`, payload);
      }
    }
  }

  if (depth === 'full') {
    for (const param of op.parameters.filter((p) => p.in === 'query')) {
      const type = param.schema ? firstType(param.schema) : undefined;
      const values: Array<[string, string]> =
        type === 'integer' || type === 'number'
          ? [['text', 'abc'], ['huge', '9'.repeat(400)], ['negative', '-1'], ['float', '1.5'], ['1e400', '1e400']]
          : type === 'boolean'
            ? [['text', 'maybe']]
            : [['long', 'a'.repeat(10_000)], ['NUL', 'a\u0000b'], ['sql', "' OR 1=1--"], ['unicode', '\u{1F4B3}\uFFFF']];
      for (const [name, value] of values) {
        const q = baseQuery(op, ids);
        q.set(param.name, value);
        out.push({ name: `query ${param.name}=${name}`, url: withQuery(validPath, q.toString()) });
      }
      const arrayed = baseQuery(op, ids);
      arrayed.append(param.name, String(sample(param.schema, ids)));
      arrayed.append(param.name, String(sample(param.schema, ids)));
      out.push({ name: `query ${param.name} as array`, url: withQuery(validPath, arrayed.toString()) });
    }
    out.push({ name: 'unknown query parameter', url: withQuery(validPath, `${query ? `${query}&` : ''}hostile=%00`) });
  }
  return out;
}
