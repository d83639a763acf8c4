import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { AppError } from './errors.ts';

// ajv-formats ships CommonJS; under ESM its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** Deeper JSON than any of our bodies is an attack on recursive code (hashing, canonical JSON), not a request. */
export const MAX_JSON_DEPTH = 32;

// PostgreSQL text cannot hold U+0000 and an unpaired UTF-16 surrogate has no UTF-8 form: either would reach the
// database as a driver error (a 500), so both are refused where every request is checked, whatever the field.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type ValidationIssue = FastifySchemaValidationError;

/** The first string (key or value) PostgreSQL could not store, as an ajv-style issue; iterative, so depth is no risk. */
export function findUnstorableText(data: unknown): ValidationIssue | null {
  const stack: Array<[unknown, string]> = [[data, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return { instancePath: path, schemaPath: '#', keyword: 'unstorableText', params: {}, message: 'must not contain NUL or unpaired surrogate characters' };
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (UNSTORABLE.test(key)) return { instancePath: path, schemaPath: '#', keyword: 'unstorableText', params: {}, message: 'must not have a field name with NUL or unpaired surrogate characters' };
        stack.push([child, `${path}/${key}`]);
      }
    }
  }
  return null;
}

/** Nesting depth of parsed JSON, counted without recursion. */
export function jsonDepth(data: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const BASE: Options = { allErrors: true, removeAdditional: false, useDefaults: true, strict: false };

/**
 * JSON bodies are validated as sent: no type coercion, so `"password": 5` is a 400 rather than the string "5".
 * Query strings, params and headers arrive as text and are coerced to the schema's types.
 */
export function installValidation(app: FastifyInstance): void {
  const strict = addFormats(new Ajv({ ...BASE, coerceTypes: false }));
  const coercing = addFormats(new Ajv({ ...BASE, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => {
    const validate = (httpPart === 'body' ? strict : coercing).compile(schema);
    const checked = (data: unknown): boolean => {
      const unstorable = findUnstorableText(data);
      const isValid = validate(data) as boolean;
      const errors: FastifySchemaValidationError[] = [...(unstorable ? [unstorable] : []), ...(validate.errors ?? [])];
      checked.errors = errors.length > 0 ? errors : null;
      return isValid && !unstorable;
    };
    checked.errors = null as FastifySchemaValidationError[] | null;
    return checked;
  });
  installJsonParser(app);
}

/**
 * Fastify's own JSON parser (same prototype-poisoning refusals), plus a depth limit, for every route: a route
 * that declares no body still receives and fingerprints one (idempotency), so the limit cannot live in schemas.
 */
function installJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error, value) => {
      if (error) return done(error, undefined);
      if (jsonDepth(value) > MAX_JSON_DEPTH) return done(new AppError('validation_failed', `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
      return done(null, value);
    });
  });
}
