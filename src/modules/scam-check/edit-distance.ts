/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and swaps of
 * two neighbours, each costing one) — the typing slips a look-alike domain or phone number is made of.
 */

/** Distance between `a` and `b`, or `max + 1` as soon as it is certain to exceed `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return align(a, b, false, max);
}

/**
 * The fewest edits that turn `pattern` into some part of `text` ("americanexpres" inside
 * "secure-americanexpres-login"): approximate substring matching (Sellers 1980) with swaps.
 */
export function substringDistance(pattern: string, text: string, max = Number.POSITIVE_INFINITY): number {
  if (text.includes(pattern)) return 0;
  return align(pattern, text, true, max);
}

function align(a: string, b: string, isFreeInB: boolean, max: number): number {
  const n = a.length;
  const m = b.length;
  // rows[i][j]: cost of a[0..i) against b[..j); three rolling rows for the swap rule.
  let before = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => (isFreeInB ? 0 : j));
  let row = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    row[0] = i;
    let rowMin = row[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, before[j - 2]! + 1);
      }
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [before, prev, row] = [prev, row, before];
  }
  return isFreeInB ? Math.min(...prev) : prev[m]!;
}
