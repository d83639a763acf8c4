import { randomBytes, randomFillSync } from 'node:crypto';

/**
 * Random bytes for identifiers, IVs and data keys, drawn from the CSPRNG 4 KiB at a time. Every new message
 * needs six small draws (case, message and data-key ids, the data key, two IVs); each `randomBytes` call is a
 * trip into OpenSSL (which checks the process id with a system call every time, costly on a virtual machine),
 * so one fill serves ~100 messages. The bytes are the same CSPRNG output `randomBytes` returns (node:crypto's
 * `randomUUID` pools the same way); each byte is handed out once and zeroed in the pool as it leaves, so the
 * pool never holds a key or IV already in use.
 */
const POOL_BYTES = 4096;
/** Larger draws (session tokens and the like are rare) go straight to the CSPRNG. */
const MAX_POOLED = 64;

const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

export function pooledRandomBytes(n: number): Buffer {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`pooledRandomBytes: bad length ${n}`);
  if (n > MAX_POOLED) return randomBytes(n);
  if (offset + n > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.allocUnsafe(n);
  pool.copy(out, 0, offset, offset + n);
  pool.fill(0, offset, offset + n);
  offset += n;
  return out;
}
