import pino, { type Logger } from 'pino';
import { maskPans } from './pan.ts';

const SECRET_KEYS = /^(password|newPassword|totp|token|csrfToken|authorization|cookie|set-cookie|x-csrf-token|secret|totp_secret|password_hash|cvv|pin|cardcare_keys|wrapped_key)$/i;
const MAX_DEPTH = 6;

/** Deep copy with secrets replaced and every PAN masked (PCI DSS 3.5.1: logs included). */
export function scrubForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPans(value).text;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) {
    return { type: value.name, message: maskPans(value.message).text, stack: value.stack ? maskPans(value.stack).text : undefined };
  }
  if (Array.isArray(value)) return value.map((v) => scrubForLog(v, depth + 1));
  // Framework objects (requests, replies) are left to their serializers below, which mask what they print.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) ? '[redacted]' : scrubForLog(v, depth + 1);
  }
  return out;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'cardcare' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (obj) => scrubForLog(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? maskPans(a).text : a)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
      serializers: {
        req: (req: { id?: string; method?: string; url?: string; ip?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url ? maskPans(req.url).text : req.url,
          ip: req.ip,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
    destination,
  );
}
