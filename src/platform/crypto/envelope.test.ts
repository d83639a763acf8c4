import assert from 'node:assert/strict';
import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  dataKeyIdOf,
  decryptRecord,
  ENVELOPE_OVERHEAD,
  encryptRecord,
  isDataKeyId,
  newDataKey,
  newDataKeyId,
  unwrapDataKey,
  WRAPPED_KEY_LENGTH,
  wrapDataKey,
} from './envelope.ts';
import { CryptoError } from './errors.ts';

const AAD = 'messages:msg_0123456789abcdef:body';

function sealSample(plaintext = Buffer.from('My card was charged twice at the grocery store.')) {
  const id = newDataKeyId();
  const { key } = newDataKey();
  return { id, key, plaintext, sealed: encryptRecord(key, id, plaintext, AAD) };
}

function isCode(code: string) {
  return (error: unknown) => error instanceof CryptoError && error.code === code;
}

describe('record envelope (format 1)', () => {
  test('round-trips, with a 45-byte overhead and the data key id in bytes 1..16', () => {
    const { id, key, plaintext, sealed } = sealSample();
    assert.equal(sealed.length, plaintext.length + ENVELOPE_OVERHEAD);
    assert.equal(sealed[0], 1);
    assert.equal(sealed.subarray(1, 17).toString('latin1'), id.slice(4));
    assert.equal(dataKeyIdOf(sealed), id);
    assert.deepEqual(decryptRecord(key, sealed, AAD), plaintext);
  });

  test('an empty plaintext and a 5 MB attachment round-trip', () => {
    for (const plaintext of [Buffer.alloc(0), randomBytes(5 * 1024 * 1024)]) {
      const { key, sealed } = sealSample(plaintext);
      assert.deepEqual(decryptRecord(key, sealed, AAD), plaintext);
    }
  });

  test('sealing the same plaintext twice gives different bytes (fresh IV, fresh key)', () => {
    const a = sealSample(Buffer.from('same'));
    const b = sealSample(Buffer.from('same'));
    assert.notDeepEqual(a.sealed, b.sealed);
    const again = encryptRecord(a.key, a.id, Buffer.from('same'), AAD);
    assert.notDeepEqual(again.subarray(17, 29), a.sealed.subarray(17, 29), 'IV must differ under one key (SP 800-38D)');
  });

  test('flipping any single byte (header, IV, ciphertext, tag) makes opening fail', () => {
    const { key, sealed } = sealSample();
    const positions = { version: 0, dataKeyId: 5, iv: 20, ciphertext: 35, tag: sealed.length - 3 };
    for (const [region, at] of Object.entries(positions)) {
      const bad = Buffer.from(sealed);
      bad[at] = (bad[at] as number) ^ 0x01;
      assert.throws(() => decryptRecord(key, bad, AAD), CryptoError, `tampered ${region} must not open`);
    }
  });

  test('another AAD (the same bytes copied to another row or column) fails with decrypt_failed', () => {
    const { key, sealed } = sealSample();
    assert.throws(() => decryptRecord(key, sealed, 'messages:msg_other0000000000:body'), isCode('decrypt_failed'));
    assert.throws(() => decryptRecord(key, sealed, 'messages:msg_0123456789abcdef:note'), isCode('decrypt_failed'));
  });

  test('another data key fails; a truncated value or an unknown version is a bad_envelope', () => {
    const { sealed } = sealSample();
    assert.throws(() => decryptRecord(newDataKey().key, sealed, AAD), isCode('decrypt_failed'));
    assert.throws(() => decryptRecord(newDataKey().key, sealed.subarray(0, 40), AAD), isCode('bad_envelope'));
    const v2 = Buffer.from(sealed);
    v2[0] = 2;
    assert.throws(() => dataKeyIdOf(v2), isCode('bad_envelope'));
  });

  test('an empty AAD is refused: every record must be bound to something', () => {
    const { key, id } = sealSample();
    assert.throws(() => encryptRecord(key, id, Buffer.from('x'), ''), TypeError);
  });
});

describe('wrapped data keys', () => {
  const kek = createSecretKey(randomBytes(32));

  test('wrap and unwrap round-trip in 61 bytes', () => {
    const id = newDataKeyId();
    const { raw } = newDataKey();
    const copy = Buffer.from(raw);
    const wrapped = wrapDataKey(kek, id, raw);
    assert.equal(wrapped.length, WRAPPED_KEY_LENGTH);
    assert.equal(wrapped.includes(copy), false, 'the raw key must not appear in its wrapping');
    assert.deepEqual(unwrapDataKey(kek, 'k1', id, wrapped), copy);
  });

  test('the wrong KEK fails with an error naming the KEK id and the data key', () => {
    const id = newDataKeyId();
    const wrapped = wrapDataKey(kek, id, newDataKey().raw);
    assert.throws(
      () => unwrapDataKey(createSecretKey(randomBytes(32)), 'k1', id, wrapped),
      (e: unknown) => e instanceof CryptoError && e.code === 'unwrap_failed' && e.message.includes('"k1"') && e.message.includes(id),
    );
  });

  test('a wrapped key moved to another data key id does not unwrap (AAD binds it to its row)', () => {
    const wrapped = wrapDataKey(kek, newDataKeyId(), newDataKey().raw);
    assert.throws(() => unwrapDataKey(kek, 'k1', newDataKeyId(), wrapped), isCode('unwrap_failed'));
  });

  test('data key ids are dek_ plus 16 base32 characters', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newDataKeyId()));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.ok(isDataKeyId(id), id);
    assert.equal(isDataKeyId('dek_ABC'), false);
  });
});
