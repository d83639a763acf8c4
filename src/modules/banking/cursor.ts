import { AppError } from '../../platform/errors.ts';
import { isIdOf } from '../../platform/ids.ts';
import type { TransactionCursor } from './core-banking.port.ts';

// Opaque page cursors: base64url of a small JSON position. Opaque so that clients cannot build one, and so
// that the position can change shape later (`v`) without breaking links already handed out.

export function encodeCursor(cursor: TransactionCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, at: cursor.at.toISOString(), id: cursor.id })).toString('base64url');
}

const malformed = () => new AppError('validation_failed', 'cursor is not one this endpoint gave out', { errors: [{ field: 'cursor', message: 'is not a valid cursor' }] });

export function decodeCursor(text: string): TransactionCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (typeof parsed !== 'object' || parsed === null) throw malformed();
  const { v, at, id } = parsed as Record<string, unknown>;
  if (v !== 1 || typeof at !== 'string' || typeof id !== 'string' || !isIdOf('txn', id)) throw malformed();
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== at) throw malformed();
  return { at: date, id };
}
