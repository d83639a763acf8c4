import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pooledRandomBytes } from './random.ts';

describe('pooledRandomBytes', () => {
  it('returns the asked length, small draws from the pool and large ones straight from the CSPRNG', () => {
    for (const n of [0, 1, 12, 16, 32, 64, 65, 200]) assert.equal(pooledRandomBytes(n).length, n);
  });

  it('never hands out the same bytes twice, across many pool refills', () => {
    const seen = new Set<string>();
    // 16-byte draws and odd sizes interleaved, so draws straddle the 4 KiB refill boundary many times.
    for (let i = 0; i < 5000; i++) {
      const a = pooledRandomBytes(16).toString('hex');
      const b = pooledRandomBytes(13 + (i % 7)).toString('hex');
      assert.equal(seen.has(a), false);
      seen.add(a);
      assert.equal(/^(00)+$/.test(b), false);
    }
  });

  it('gives independent buffers: changing one draw does not touch the next', () => {
    const a = pooledRandomBytes(32);
    const copy = Buffer.from(a);
    const b = pooledRandomBytes(32);
    b.fill(0);
    assert.ok(a.equals(copy));
  });

  it('spreads its bytes evenly (a chi-square sanity check over 64 KiB)', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4096; i++) for (const byte of pooledRandomBytes(16)) counts[byte]! += 1;
    const expected = (4096 * 16) / 256;
    const chi = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    assert.ok(chi < 400, `chi-square ${chi}`); // 255 degrees of freedom: p < 1e-8 above ~400
  });

  it('refuses a negative or fractional length', () => {
    assert.throws(() => pooledRandomBytes(-1), RangeError);
    assert.throws(() => pooledRandomBytes(1.5), RangeError);
  });
});
