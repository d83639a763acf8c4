import type { KeyObject } from 'node:crypto';
import type { Db } from '../db.ts';
import { countDataKeysByKek, lockDataKeyBatch, rewrapDataKeys } from './data-keys.repo.ts';
import { unwrapDataKey, wrapDataKey } from './envelope.ts';
import { CryptoError } from './errors.ts';
import type { Keyring } from './keyring.ts';

/*
 * KEK rotation (PCI DSS v4.0 3.7.4 and 3.7.5; v3.2.1 3.6.4 and 3.6.5): every data key not yet under the active KEK
 * is unwrapped with its old KEK and wrapped again with the active one. Records are never read or rewritten:
 * their ciphertext bytes stay as they are. Safe while servers run: each batch is one short transaction that
 * locks only its own rows (FOR UPDATE SKIP LOCKED), and a server reading a data key meanwhile sees either the
 * old or the new wrapping, both of which its keyring unwraps. Idempotent and resumable: an interrupted run has
 * committed whole batches, and a rerun continues with what is left.
 */

export type RotationFailure = { dataKeyId: string; kekId: string; reason: string };

export type RotationReport = {
  activeKekId: string;
  rewrapped: number;
  /** Re-wrapped keys by the KEK they were under before. */
  rewrappedFrom: Record<string, number>;
  /** Data keys under KEKs that are not in the keyring: unreadable by this process too. */
  unknownKeks: Record<string, number>;
  /** Data keys whose unwrap failed (wrong key bytes for that id, or an altered row). At most 100 listed. */
  failures: RotationFailure[];
  failureCount: number;
  /** After the run: data keys still under another KEK than the active one, by KEK. */
  remaining: Record<string, number>;
  passes: number;
};

export type RotateOptions = {
  db: Db;
  keyring: Keyring;
  /** Rows per transaction; small, so that locks are short and a crash loses little work. */
  batchSize?: number;
  /**
   * Extra passes catch data keys created behind the cursor by processes still wrapping with the old KEK
   * (a fleet not yet restarted with the new CARDCARE_ACTIVE_KEY); whatever is left is reported as remaining.
   */
  maxPasses?: number;
  onBatch?: (progress: { fromKekId: string; rewrapped: number; total: number }) => void;
};

type Tally = { rewrapped: number; rewrappedFrom: Record<string, number>; failures: Map<string, RotationFailure> };

async function rotateBatch(
  options: RotateOptions,
  from: { id: string; key: KeyObject },
  active: { id: string; key: KeyObject },
  cursor: string,
  tally: Tally,
): Promise<string | undefined> {
  return options.db.transaction().execute(async (tx) => {
    const rows = await lockDataKeyBatch(tx, from.id, cursor, options.batchSize ?? 500);
    if (rows.length === 0) return undefined;
    const rewrapped: Array<{ id: string; wrappedKey: Buffer }> = [];
    for (const row of rows) {
      try {
        const raw = unwrapDataKey(from.key, from.id, row.id, row.wrappedKey);
        rewrapped.push({ id: row.id, wrappedKey: wrapDataKey(active.key, row.id, raw) });
        raw.fill(0);
      } catch (error) {
        if (!(error instanceof CryptoError)) throw error;
        tally.failures.set(row.id, { dataKeyId: row.id, kekId: from.id, reason: error.message });
      }
    }
    const changed = await rewrapDataKeys(tx, from.id, active.id, rewrapped);
    tally.rewrapped += changed;
    tally.rewrappedFrom[from.id] = (tally.rewrappedFrom[from.id] ?? 0) + changed;
    return rows[rows.length - 1]?.id;
  });
}

export async function rotateDataKeys(options: RotateOptions): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const active = options.keyring.active();
  const tally: Tally = { rewrapped: 0, rewrappedFrom: {}, failures: new Map() };
  const unknownKeks: Record<string, number> = {};
  let passes = 0;
  while (passes < (options.maxPasses ?? 3)) {
    const counts = await countDataKeysByKek(options.db);
    const others = [...counts.keys()].filter((id) => id !== active.id);
    if (others.length === 0) break;
    passes++;
    const before = tally.rewrapped;
    for (const kekId of others) {
      const key = options.keyring.get(kekId);
      if (key === undefined) {
        unknownKeks[kekId] = counts.get(kekId) ?? 0;
        continue;
      }
      delete unknownKeks[kekId];
      // The cursor walks ids upwards, so rows that fail stay behind it and are not retried in this pass.
      for (let cursor: string | undefined = ''; cursor !== undefined; ) {
        cursor = await rotateBatch(options, { id: kekId, key }, active, cursor, tally);
        options.onBatch?.({ fromKekId: kekId, rewrapped: tally.rewrappedFrom[kekId] ?? 0, total: counts.get(kekId) ?? 0 });
      }
    }
    if (tally.rewrapped === before) break; // only unknown or failing keys are left: another pass changes nothing
  }
  const after = await countDataKeysByKek(options.db);
  const remaining: Record<string, number> = {};
  for (const [kekId, n] of after) if (kekId !== active.id) remaining[kekId] = n;
  const failures = [...tally.failures.values()];
  return {
    activeKekId: active.id,
    rewrapped: tally.rewrapped,
    rewrappedFrom: tally.rewrappedFrom,
    unknownKeks,
    failures: failures.slice(0, 100),
    failureCount: failures.length,
    remaining,
    passes,
  };
}
