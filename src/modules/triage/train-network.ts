import { addLogits, createNetwork, createScratch, type Network, softmax } from './network.ts';
import { createRng, shuffle } from './rng.ts';
import type { SparseMatrix } from './vectorizer.ts';

export type NetworkOptions = {
  hidden: number;
  epochs: number;
  learningRate: number;
  batchSize: number;
  weightDecay: number;
  /** Probability of dropping each input n-gram of a training example (the input is rescaled to match). */
  inputDropout: number;
  hiddenDropout: number;
  labelSmoothing: number;
  /** 'linear': the learning rate falls linearly to zero over the epochs; 'constant': it stays. */
  schedule: 'linear' | 'constant';
  seed: number;
};

export type TrainingSet = {
  x: SparseMatrix;
  y: Int32Array;
  classes: number;
  /** Per-example loss weight (e.g. class balancing); 1 when absent. */
  weights?: Float32Array;
  /** Soft targets (rows × classes), e.g. a teacher's probabilities; replaces the smoothed one-hot when present. */
  soft?: Float32Array;
  /** How much of the soft target to use (the rest is the smoothed label). */
  softWeight?: number;
};

export type EpochReport = { epoch: number; trainLoss: number; valAccuracy?: number; valLoss?: number };

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

type Adam = { m: Float32Array; v: Float32Array };
const adam = (n: number): Adam => ({ m: new Float32Array(n), v: new Float32Array(n) });

function adamStep(w: Float32Array, g: Float32Array, s: Adam, from: number, to: number, lr: number, decay: number): void {
  const { m, v } = s;
  for (let i = from; i < to; i++) {
    const gi = g[i]!;
    const mi = BETA1 * m[i]! + (1 - BETA1) * gi;
    const vi = BETA2 * v[i]! + (1 - BETA2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    w[i] = w[i]! - lr * (mi / (Math.sqrt(vi) + EPS)) - decay * w[i]!;
    g[i] = 0;
  }
}

/**
 * Mini-batch AdamW on cross-entropy with label smoothing, input and hidden dropout. The first layer is
 * updated lazily: only the rows of n-grams present in the batch (so an epoch costs what the data costs, not
 * what the vocabulary costs). Calls `onEpoch` after each epoch; returning false stops training.
 */
export function trainNetwork(data: TrainingSet, inputs: number, options: NetworkOptions, onEpoch?: (net: Network, report: EpochReport) => boolean | void): Network {
  const { hidden: H, batchSize, inputDropout, hiddenDropout, labelSmoothing } = options;
  const C = data.classes;
  const net = createNetwork(inputs, H, C);
  const rng = createRng(options.seed);
  const linear = H === 0;
  const D = linear ? C : H;
  if (!linear) {
    const a1 = Math.sqrt(6 / (64 + H)); // fan-in taken as a typical message's n-gram count, not the vocabulary
    for (let i = 0; i < net.w1.length; i++) net.w1[i] = (rng.next() * 2 - 1) * a1 * 0.1;
    const a2 = Math.sqrt(6 / (H + C));
    for (let i = 0; i < net.w2.length; i++) net.w2[i] = (rng.next() * 2 - 1) * a2;
  }
  const g1 = new Float32Array(net.w1.length);
  const gb1 = new Float32Array(net.b1.length);
  const g2 = new Float32Array(net.w2.length);
  const gb2 = new Float32Array(net.b2.length);
  const s1 = adam(net.w1.length);
  const sb1 = adam(net.b1.length);
  const s2 = adam(net.w2.length);
  const sb2 = adam(net.b2.length);
  const touched = new Int32Array(inputs);
  const stamp = new Int32Array(inputs).fill(-1);
  const kid = new Int32Array(4096);
  const kval = new Float32Array(4096);
  const h = new Float32Array(Math.max(H, 1));
  const mask = new Float32Array(Math.max(H, 1));
  const z = new Float32Array(C);
  const dh = new Float32Array(Math.max(H, 1));
  const { offsets, idx, val } = data.x;
  const order = Int32Array.from({ length: data.x.rows }, (_, i) => i);
  const inScale = 1 / (1 - inputDropout);
  const hScale = 1 / (1 - hiddenDropout);
  const smoothOn = 1 - labelSmoothing + labelSmoothing / C;
  const smoothOff = labelSmoothing / C;
  const softWeight = data.soft ? (data.softWeight ?? 1) : 0;
  let step = 0;
  const totalSteps = options.epochs * Math.ceil(order.length / batchSize);

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, rng);
    let lossSum = 0;
    for (let start = 0; start < order.length; start += batchSize) {
      const end = Math.min(order.length, start + batchSize);
      const inv = 1 / (end - start);
      let nTouched = 0;
      for (let b = start; b < end; b++) {
        const ex = order[b]!;
        const label = data.y[ex]!;
        const weight = (data.weights ? data.weights[ex]! : 1) * inv;
        // Input dropout: each n-gram kept with probability 1 - inputDropout.
        let nk = 0;
        for (let k = offsets[ex]!; k < offsets[ex + 1]!; k++) {
          if (inputDropout > 0 && rng.next() < inputDropout) continue;
          if (nk === kid.length) break;
          kid[nk] = idx[k]!;
          kval[nk] = val[k]! * inScale;
          nk++;
        }
        // Forward.
        if (linear) {
          z.set(net.b1);
          for (let t = 0; t < nk; t++) {
            const row = kid[t]! * C;
            const v = kval[t]!;
            for (let c = 0; c < C; c++) z[c]! += v * net.w1[row + c]!;
          }
        } else {
          h.set(net.b1);
          const w1 = net.w1;
          let t = 0;
          for (; t + 4 <= nk; t += 4) {
            const r0 = kid[t]! * H;
            const r1 = kid[t + 1]! * H;
            const r2 = kid[t + 2]! * H;
            const r3 = kid[t + 3]! * H;
            const v0 = kval[t]!;
            const v1 = kval[t + 1]!;
            const v2 = kval[t + 2]!;
            const v3 = kval[t + 3]!;
            for (let j = 0; j < H; j++) h[j] = h[j]! + v0 * w1[r0 + j]! + v1 * w1[r1 + j]! + v2 * w1[r2 + j]! + v3 * w1[r3 + j]!;
          }
          for (; t < nk; t++) {
            const row = kid[t]! * H;
            const v = kval[t]!;
            for (let j = 0; j < H; j++) h[j]! += v * w1[row + j]!;
          }
          for (let j = 0; j < H; j++) {
            if (h[j]! <= 0 || (hiddenDropout > 0 && rng.next() < hiddenDropout)) {
              h[j] = 0;
              mask[j] = 0;
            } else {
              h[j]! *= hScale;
              mask[j] = hScale;
            }
          }
          z.set(net.b2);
          for (let j = 0; j < H; j++) {
            const a = h[j]!;
            if (a === 0) continue;
            const row = j * C;
            for (let c = 0; c < C; c++) z[c]! += a * net.w2[row + c]!;
          }
        }
        softmax(z);
        // dLoss/dz = p - target, the target mixing the smoothed label and any soft target.
        lossSum -= Math.log(Math.max(z[label]!, 1e-12));
        for (let c = 0; c < C; c++) {
          let target = c === label ? smoothOn : smoothOff;
          if (softWeight > 0) target = (1 - softWeight) * target + softWeight * data.soft![ex * C + c]!;
          z[c] = (z[c]! - target) * weight;
        }
        // Backward.
        let g1Row: Float32Array;
        if (linear) {
          for (let c = 0; c < C; c++) gb1[c]! += z[c]!;
          g1Row = z;
        } else {
          for (let c = 0; c < C; c++) gb2[c]! += z[c]!;
          for (let j = 0; j < H; j++) {
            const a = h[j]!;
            if (a === 0) {
              dh[j] = 0;
              continue;
            }
            const row = j * C;
            let s = 0;
            for (let c = 0; c < C; c++) {
              g2[row + c]! += a * z[c]!;
              s += net.w2[row + c]! * z[c]!;
            }
            dh[j] = s * mask[j]!;
          }
          for (let j = 0; j < H; j++) gb1[j]! += dh[j]!;
          g1Row = dh;
        }
        for (let t = 0; t < nk; t++) {
          const f = kid[t]!;
          if (stamp[f] !== step) {
            stamp[f] = step;
            touched[nTouched++] = f;
          }
          const row = f * D;
          const v = kval[t]!;
          for (let j = 0; j < D; j++) g1[row + j]! += v * g1Row[j]!;
        }
      }
      const base = options.learningRate * (options.schedule === 'linear' ? 1 - step / totalSteps : 1);
      step++;
      const lr = base * (Math.sqrt(1 - BETA2 ** step) / (1 - BETA1 ** step));
      const decay = base * options.weightDecay;
      for (let t = 0; t < nTouched; t++) {
        const row = touched[t]! * D;
        adamStep(net.w1, g1, s1, row, row + D, lr, decay);
      }
      adamStep(net.b1, gb1, sb1, 0, gb1.length, lr, 0);
      if (!linear) {
        adamStep(net.w2, g2, s2, 0, g2.length, lr, decay);
        adamStep(net.b2, gb2, sb2, 0, gb2.length, lr, 0);
      }
    }
    if (onEpoch && onEpoch(net, { epoch, trainLoss: lossSum / order.length }) === false) break;
  }
  return net;
}

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
