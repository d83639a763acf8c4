/**
 * Two small typed-array structures behind Vectorizer.transform, so that a message costs no sort and no Map
 * lookup per n-gram:
 * - FeatureTable: hash → feature index, open addressing with linear probing in a power-of-two table at most
 *   half full (a probe or two per lookup);
 * - FeatureCounts: how often each feature occurs in one text, with a bitmap of the features seen so that they
 *   come out in ascending feature order (= ascending hash, the order the vector has always had) by scanning
 *   ~inputs/32 words, and so that resetting costs only what was touched.
 */
export type FeatureTable = { keys: Uint32Array; features: Int32Array; shift: number; mask: number };

/** `hashes[i]` is feature i. */
export function createFeatureTable(hashes: Uint32Array): FeatureTable {
  let bits = 4;
  while (1 << bits < hashes.length * 2) bits++;
  const size = 1 << bits;
  const table: FeatureTable = { keys: new Uint32Array(size), features: new Int32Array(size).fill(-1), shift: 32 - bits, mask: size - 1 };
  for (let f = 0; f < hashes.length; f++) {
    let slot = Math.imul(hashes[f]!, 0x9e3779b1) >>> table.shift;
    while (table.features[slot] !== -1) slot = (slot + 1) & table.mask;
    table.keys[slot] = hashes[f]!;
    table.features[slot] = f;
  }
  return table;
}

/** The feature of `hash`, or -1 when training never kept it. */
export function featureOf(table: FeatureTable, hash: number): number {
  const { keys, features, mask } = table;
  let slot = Math.imul(hash, 0x9e3779b1) >>> table.shift;
  for (;;) {
    const f = features[slot]!;
    if (f === -1 || keys[slot] === hash >>> 0) return f;
    slot = (slot + 1) & mask;
  }
}

export type FeatureCounts = { counts: Int32Array; seen: Uint32Array };

export function createFeatureCounts(features: number): FeatureCounts {
  return { counts: new Int32Array(features), seen: new Uint32Array(Math.ceil(features / 32)) };
}

export function countFeature(c: FeatureCounts, f: number): void {
  const before = c.counts[f]!;
  c.counts[f] = before + 1;
  if (before === 0) c.seen[f >>> 5]! |= 1 << (f & 31);
}

/**
 * Moves the counted features, in ascending order, into features/counts (each at least as long as the number
 * of distinct features counted) and returns how many; leaves `c` empty for the next text.
 */
export function drainFeatures(c: FeatureCounts, features: Int32Array, counts: Int32Array): number {
  const { seen } = c;
  let n = 0;
  for (let w = 0; w < seen.length; w++) {
    let bits = seen[w]!;
    if (bits === 0) continue;
    seen[w] = 0;
    while (bits !== 0) {
      const low = bits & -bits;
      const f = (w << 5) + 31 - Math.clz32(low);
      features[n] = f;
      counts[n++] = c.counts[f]!;
      c.counts[f] = 0;
      bits ^= low;
    }
  }
  return n;
}
