import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { useTestDatabase } from '../../../test/helpers.ts';
import { nextCaseNumber, reserveCaseNumber } from './cases.repo.ts';

describe('case numbers reserved in blocks', () => {
  const testDb = useTestDatabase();

  const lastValue = async () => (await sql<{ last: number }>`SELECT last_value::int AS last FROM case_number_seq`.execute(testDb.database.db)).rows[0]!.last;

  it('fetches the next block while half of the current one is left, so no caller waits for it', async () => {
    const start = Number((await nextCaseNumber(testDb.database.db, 'AX')).slice(3));
    for (let i = 0; i < 8; i++) await reserveCaseNumber(testDb.database.db, 'AX'); // the first call fetches a block of 16
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await lastValue()) - start, 32); // 8 left: the second block was fetched ahead
  });

  it('never hands out a number twice, under concurrency and beside nextCaseNumber', async () => {
    const reserved = await Promise.all(Array.from({ length: 100 }, () => reserveCaseNumber(testDb.database.db, 'AX')));
    const direct = await Promise.all(Array.from({ length: 10 }, () => nextCaseNumber(testDb.database.db, 'AX')));
    const all = [...reserved, ...direct];
    assert.equal(new Set(all).size, all.length);
    for (const n of all) assert.match(n, /^AX-\d+$/);
  });
});
