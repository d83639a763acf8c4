import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';
import { newId } from '../ids.ts';
import { pooledRandomBytes } from '../random.ts';
import { CryptoError } from './errors.ts';

/*
 * The byte formats of envelope encryption. Pure functions, no database.
 *
 * Sealed record (what a table stores in one bytea column), format version 1:
 *
 *   offset  size  field
 *   0       1     version = 0x01
 *   1       16    data key id: the 16 base32 characters after "dek_" (ASCII), i.e. data_keys.id
 *   17      12    IV, random per record
 *   29      n     AES-256-GCM ciphertext (n = plaintext length)
 *   29+n    16    GCM authentication tag (128 bits)
 *
 * GCM's additional authenticated data is bytes 0..16 (version and data key id) followed by the caller's AAD in
 * UTF-8 (e.g. "messages:msg_…:body"). The header is fixed-length, so the concatenation is unambiguous. The AAD
 * itself is not stored: the reader rebuilds it from the row, so a ciphertext copied into another row, column
 * or table fails authentication. The tag is last so that a later streaming writer can use the same format.
 *
 * Wrapped data key (data_keys.wrapped_key), format version 1: version 0x01 | IV (12) | ciphertext (32) | tag (16)
 * = 61 bytes, AES-256-GCM under the KEK named by data_keys.kek_id, AAD = "cardcare/dek/v1/" + data key id, so a
 * wrapped key moved to another data_keys row does not unwrap.
 *
 * Why AES-GCM rather than AES-KW (RFC 3394, 'id-aes256-wrap') for wrapping: both are approved (SP 800-38D,
 * SP 800-38F) and cost the same here (~6 µs); GCM takes AAD, which binds the wrapped key to its row id, and it
 * keeps one primitive and one code path to review. Its cost is the random-IV bound of SP 800-38D 8.3: at most
 * 2^32 wraps per KEK. Each record's DEK is wrapped once per KEK (creation or rotation), so a KEK would have to
 * protect four billion records; the cryptoperiod of PCI DSS v4.0 3.7.4 (v3.2.1: 3.6.4) ends it far sooner.
 */

export const ENVELOPE_VERSION = 1;
export const DATA_KEY_ID_PREFIX = 'dek_'; // newId('dek')
const ID_LENGTH = 16;
const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{16}$/;
const IV_LENGTH = 12; // 96-bit IVs: SP 800-38D 5.2.1.1 (other lengths are GHASHed and weaken the bound)
const TAG_LENGTH = 16; // full 128-bit tag: SP 800-38D 5.2.1.2
const HEADER_LENGTH = 1 + ID_LENGTH;
const KEY_LENGTH = 32; // AES-256
export const ENVELOPE_OVERHEAD = HEADER_LENGTH + IV_LENGTH + TAG_LENGTH; // 45 bytes
export const WRAPPED_KEY_LENGTH = 1 + IV_LENGTH + KEY_LENGTH + TAG_LENGTH; // 61 bytes
const WRAP_AAD_PREFIX = 'cardcare/dek/v1/';

/** A data key's id: newId's 80 random bits under the `dek` prefix; collisions are negligible below 2^40 keys. */
export function newDataKeyId(): string {
  return newId('dek');
}

export function isDataKeyId(value: string): boolean {
  return value.startsWith(DATA_KEY_ID_PREFIX) && ID_PATTERN.test(value.slice(DATA_KEY_ID_PREFIX.length));
}

/** The data key id a sealed record names (to store beside it, or to find the record's key). */
export function dataKeyIdOf(sealed: Uint8Array): string {
  if (sealed.length < ENVELOPE_OVERHEAD) {
    throw new CryptoError('bad_envelope', `sealed value is ${sealed.length} bytes, shorter than the ${ENVELOPE_OVERHEAD}-byte envelope`);
  }
  if (sealed[0] !== ENVELOPE_VERSION) {
    throw new CryptoError('bad_envelope', `sealed value has format version ${sealed[0]}; this build reads version ${ENVELOPE_VERSION}`);
  }
  const body = Buffer.from(sealed.buffer, sealed.byteOffset + 1, ID_LENGTH).toString('latin1');
  if (!ID_PATTERN.test(body)) throw new CryptoError('bad_envelope', 'sealed value has a malformed data key id');
  return DATA_KEY_ID_PREFIX + body;
}

function header(dataKeyId: string): Buffer {
  const out = Buffer.allocUnsafe(HEADER_LENGTH);
  out[0] = ENVELOPE_VERSION;
  out.write(dataKeyId.slice(DATA_KEY_ID_PREFIX.length), 1, ID_LENGTH, 'latin1');
  return out;
}

function checkAad(aad: string): void {
  // An empty AAD would bind the ciphertext to nothing: every caller must name its record.
  if (typeof aad !== 'string' || aad.length === 0) throw new TypeError('aad must name the record, e.g. "messages:msg_…:body"');
}

/** Seals one record under its data key. The IV is random: SP 800-38D 8.2.2 (RBG-based construction). */
export function encryptRecord(dek: KeyObject, dataKeyId: string, plaintext: Uint8Array, aad: string): Buffer {
  checkAad(aad);
  const head = header(dataKeyId);
  const iv = pooledRandomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', dek, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(Buffer.concat([head, Buffer.from(aad, 'utf8')]));
  const body = cipher.update(plaintext);
  const last = cipher.final();
  return Buffer.concat([head, iv, body, last, cipher.getAuthTag()]);
}

/** Opens one record; throws CryptoError('decrypt_failed') unless key, bytes and AAD are exactly right. */
export function decryptRecord(dek: KeyObject, sealed: Uint8Array, aad: string): Buffer {
  checkAad(aad);
  const dataKeyId = dataKeyIdOf(sealed);
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', dek, bytes.subarray(HEADER_LENGTH, HEADER_LENGTH + IV_LENGTH), {
    authTagLength: TAG_LENGTH,
  });
  decipher.setAAD(Buffer.concat([bytes.subarray(0, HEADER_LENGTH), Buffer.from(aad, 'utf8')]));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_LENGTH));
  // Only the whole buffer is returned, after final() has checked the tag: no unauthenticated plaintext escapes.
  const body = decipher.update(bytes.subarray(HEADER_LENGTH + IV_LENGTH, bytes.length - TAG_LENGTH));
  try {
    const tail = decipher.final(); // empty for GCM: return the one buffer rather than a copy of the plaintext
    return tail.length === 0 ? body : Buffer.concat([body, tail]);
  } catch (error) {
    body.fill(0);
    throw new CryptoError(
      'decrypt_failed',
      `cannot decrypt a value sealed under data key ${dataKeyId} for "${aad}": its bytes or its AAD were altered, ` +
        'or it was copied from another record',
      { cause: error },
    );
  }
}

/** A fresh 256-bit data key: the raw bytes (to wrap, then zero) and a KeyObject (to use). */
export function newDataKey(): { raw: Buffer; key: KeyObject } {
  const raw = pooledRandomBytes(KEY_LENGTH);
  return { raw, key: createSecretKey(raw) };
}

export function wrapDataKey(kek: KeyObject, dataKeyId: string, raw: Buffer): Buffer {
  const iv = pooledRandomBytes(IV_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_LENGTH });
  cipher.setAAD(Buffer.from(WRAP_AAD_PREFIX + dataKeyId, 'latin1'));
  const body = cipher.update(raw);
  const last = cipher.final();
  return Buffer.concat([Buffer.of(ENVELOPE_VERSION), iv, body, last, cipher.getAuthTag()]);
}

/** Returns the raw data key; the caller zeroes it once it has made a KeyObject or re-wrapped it. */
export function unwrapDataKey(kek: KeyObject, kekId: string, dataKeyId: string, wrapped: Uint8Array): Buffer {
  const bytes = Buffer.from(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength);
  if (bytes.length !== WRAPPED_KEY_LENGTH || bytes[0] !== ENVELOPE_VERSION) {
    throw new CryptoError('unwrap_failed', `data key ${dataKeyId} has a malformed wrapped key (${bytes.length} bytes, version ${bytes[0]})`);
  }
  const decipher = createDecipheriv('aes-256-gcm', kek, bytes.subarray(1, 1 + IV_LENGTH), { authTagLength: TAG_LENGTH });
  decipher.setAAD(Buffer.from(WRAP_AAD_PREFIX + dataKeyId, 'latin1'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_LENGTH));
  const raw = decipher.update(bytes.subarray(1 + IV_LENGTH, bytes.length - TAG_LENGTH));
  try {
    const tail = decipher.final();
    return tail.length === 0 ? raw : Buffer.concat([raw, tail]);
  } catch (error) {
    raw.fill(0);
    throw new CryptoError(
      'unwrap_failed',
      `cannot unwrap data key ${dataKeyId} with KEK "${kekId}": the key configured under that id is not the one that ` +
        'wrapped it (check CARDCARE_KEYS), or the data_keys row was altered',
      { cause: error },
    );
  }
}
