import { pooledRandomBytes } from './random.ts';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/** Prefixed, random, URL-safe identifiers: `case_8k2…`. 16 chars carry 80 random bits. */
export type IdPrefix = 'mac' | 'usr' | 'ses' | 'cus' | 'acc' | 'crd' | 'txn' | 'stm' | 'req' | 'case' | 'msg' | 'att' | 'dsp' | 'cmp' | 'evt' | 'ntc' | 'rwe' | 'rwa' | 'dek';

export function newId(prefix: IdPrefix, bytes: Uint8Array = pooledRandomBytes(16)): string {
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return `${prefix}_${out}`;
}

export function isIdOf(prefix: IdPrefix, value: string): boolean {
  return new RegExp(`^${prefix}_[0-9a-z]{16}$`).test(value);
}
