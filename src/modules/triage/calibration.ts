import { addLogits, createScratch, type Network, softmax } from './network.ts';
import type { SparseMatrix } from './vectorizer.ts';

/**
 * Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): one number T divides the
 * logits so that, on held-out data, the softmax's top probability matches how often the top label is right.
 * It leaves the ranking, and so the accuracy, unchanged.
 */

/** Logits for every row of x (rows × classes). */
export function predictLogits(nets: readonly Network[], x: SparseMatrix): Float32Array {
  const C = nets[0]!.classes;
  const out = new Float32Array(x.rows * C);
  const scratches = nets.map(createScratch);
  const row = new Float32Array(C);
  for (let i = 0; i < x.rows; i++) {
    row.fill(0);
    const o = x.offsets[i]!;
    const n = x.offsets[i + 1]! - o;
    const idx = x.idx.subarray(o, o + n);
    const val = x.val.subarray(o, o + n);
    nets.forEach((net, k) => addLogits(net, idx, val, n, scratches[k]!, row, 1 / nets.length));
    out.set(row, i * C);
  }
  return out;
}

/** Mean negative log-likelihood and accuracy of logits at a temperature. */
export function scoreLogits(logits: Float32Array, y: Int32Array, classes: number, temperature = 1): { loss: number; accuracy: number } {
  const z = new Float32Array(classes);
  let loss = 0;
  let correct = 0;
  for (let i = 0; i < y.length; i++) {
    z.set(logits.subarray(i * classes, (i + 1) * classes));
    const best = softmax(z, temperature);
    loss -= Math.log(Math.max(z[y[i]!]!, 1e-12));
    if (best === y[i]) correct++;
  }
  return { loss: loss / y.length, accuracy: correct / y.length };
}

/** The temperature that minimizes held-out negative log-likelihood (golden-section search on log T). */
export function fitTemperature(logits: Float32Array, y: Int32Array, classes: number): number {
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const f = (t: number) => scoreLogits(logits, y, classes, Math.exp(t)).loss;
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = f(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
