import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

describe('transaction cursors', () => {
  it('round-trips a position', () => {
    const position = { at: new Date('2026-06-01T13:45:12.345Z'), id: 'txn_0123456789abcdef' };
    assert.deepEqual(decodeCursor(encodeCursor(position)), position);
    assert.match(encodeCursor(position), /^[A-Za-z0-9_-]+$/);
  });

  const rejected: Array<[string, string]> = [
    ['not base64 JSON', 'bm90LWEtY3Vyc29y'],
    ['empty object', Buffer.from('{}').toString('base64url')],
    ['wrong version', Buffer.from(JSON.stringify({ v: 2, at: '2026-06-01T00:00:00.000Z', id: 'txn_0123456789abcdef' })).toString('base64url')],
    ['not a transaction id', Buffer.from(JSON.stringify({ v: 1, at: '2026-06-01T00:00:00.000Z', id: "acc_0123456789abcdef' OR 1=1" })).toString('base64url')],
    ['not a timestamp', Buffer.from(JSON.stringify({ v: 1, at: 'yesterday', id: 'txn_0123456789abcdef' })).toString('base64url')],
    ['null', Buffer.from('null').toString('base64url')],
  ];
  for (const [name, text] of rejected) {
    it(`rejects a cursor that is ${name}`, () => {
      assert.throws(() => decodeCursor(text), (e: unknown) => e instanceof AppError && e.code === 'validation_failed');
    });
  }
});
