import { addLogits, createNetwork, createScratch, type Network, softmax } from './network.ts';
import { createRng, type Rng, shuffle } from './rng.ts';
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
};

export type EpochReport = { epoch: number; trainLoss: number };

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;
/** A message contributes at most this many n-grams (a 10,000-character text has fewer distinct ones). */
const MAX_ACTIVE = 1 << 15;

type Adam = { m: Float32Array; v: Float32Array };
const adam = (n: number): Adam => ({ m: new Float32Array(n), v: new Float32Array(n) });

/** One AdamW step on w[from … to), consuming (and zeroing) the gradient g. */
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

/** Glorot-style uniform initialization; the first layer's fan-in is a typical message's n-gram count. */
function initialize(net: Network, rng: Rng): void {
  if (net.hidden === 0) return; // a linear softmax starts at zero
  const a1 = 0.1 * Math.sqrt(6 / (64 + net.hidden));
  for (let i = 0; i < net.w1.length; i++) net.w1[i] = (rng.next() * 2 - 1) * a1;
  const a2 = Math.sqrt(6 / (net.hidden + net.classes));
  for (let i = 0; i < net.w2.length; i++) net.w2[i] = (rng.next() * 2 - 1) * a2;
}

/**
 * Mini-batch AdamW on cross-entropy with label smoothing, input and hidden dropout. The first layer is
 * updated lazily: only the rows of n-grams present in the batch (so an epoch costs what the data costs, not
 * what the vocabulary costs). Calls `onEpoch` after each epoch; returning false stops training.
 */
export function trainNetwork(data: TrainingSet, inputs: number, options: NetworkOptions, onEpoch?: (net: Network, report: EpochReport) => boolean | void): Network {
  const rng = createRng(options.seed);
  const trainer = createTrainer(data, inputs, options, rng);
  const order = Int32Array.from({ length: data.x.rows }, (_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, rng);
    let loss = 0;
    for (let start = 0; start < order.length; start += options.batchSize) loss += trainer.batch(order, start, Math.min(order.length, start + options.batchSize));
    if (onEpoch && onEpoch(trainer.net, { epoch, trainLoss: loss / order.length }) === false) break;
  }
  return trainer.net;
}

function createTrainer(data: TrainingSet, inputs: number, options: NetworkOptions, rng: Rng) {
  const { hidden: H, inputDropout, hiddenDropout, labelSmoothing } = options;
  const C = data.classes;
  const net = createNetwork(inputs, H, C);
  initialize(net, rng);
  const linear = H === 0;
  const D = linear ? C : H; // width of a first-layer row
  const grad = { w1: new Float32Array(net.w1.length), b1: new Float32Array(net.b1.length), w2: new Float32Array(net.w2.length), b2: new Float32Array(net.b2.length) };
  const state = { w1: adam(net.w1.length), b1: adam(net.b1.length), w2: adam(net.w2.length), b2: adam(net.b2.length) };
  const touched = new Int32Array(inputs); // first-layer rows with a gradient in this batch
  const stamp = new Int32Array(inputs).fill(-1);
  let nTouched = 0;
  const kid = new Int32Array(MAX_ACTIVE); // the example's n-grams that survived input dropout
  const kval = new Float32Array(MAX_ACTIVE);
  const h = new Float32Array(Math.max(H, 1));
  const mask = new Float32Array(Math.max(H, 1)); // hidden dropout and ReLU: 0 or 1/(1-p)
  const z = new Float32Array(C);
  const dh = new Float32Array(Math.max(H, 1));
  const inScale = 1 / (1 - inputDropout);
  const hScale = 1 / (1 - hiddenDropout);
  const totalSteps = options.epochs * Math.ceil(data.x.rows / options.batchSize);
  let step = 0;

  /** Input dropout: keeps each n-gram of example `ex` with probability 1 - inputDropout, rescaled. */
  function sample(ex: number): number {
    const { offsets, idx, val } = data.x;
    let nk = 0;
    for (let k = offsets[ex]!; k < offsets[ex + 1]! && nk < MAX_ACTIVE; k++) {
      if (inputDropout > 0 && rng.next() < inputDropout) continue;
      kid[nk] = idx[k]!;
      kval[nk] = val[k]! * inScale;
      nk++;
    }
    return nk;
  }

  /** Logits into z (the first layer's output into h, for a hidden layer). */
  function forward(nk: number): void {
    const w1 = net.w1;
    const out = linear ? z : h;
    out.set(net.b1);
    let t = 0;
    for (; t + 4 <= nk; t += 4) {
      const r0 = kid[t]! * D;
      const r1 = kid[t + 1]! * D;
      const r2 = kid[t + 2]! * D;
      const r3 = kid[t + 3]! * D;
      const v0 = kval[t]!;
      const v1 = kval[t + 1]!;
      const v2 = kval[t + 2]!;
      const v3 = kval[t + 3]!;
      for (let j = 0; j < D; j++) out[j] = out[j]! + v0 * w1[r0 + j]! + v1 * w1[r1 + j]! + v2 * w1[r2 + j]! + v3 * w1[r3 + j]!;
    }
    for (; t < nk; t++) {
      const row = kid[t]! * D;
      const v = kval[t]!;
      for (let j = 0; j < D; j++) out[j]! += v * w1[row + j]!;
    }
    if (linear) return;
    for (let j = 0; j < H; j++) {
      const keep = h[j]! > 0 && !(hiddenDropout > 0 && rng.next() < hiddenDropout);
      mask[j] = keep ? hScale : 0;
      h[j] = keep ? h[j]! * hScale : 0;
    }
    const w2 = net.w2;
    z.set(net.b2);
    for (let j = 0; j < H; j++) {
      const a = h[j]!;
      if (a === 0) continue;
      const row = j * C;
      for (let c = 0; c < C; c++) z[c]! += a * w2[row + c]!;
    }
  }

  /** Turns the logits in z into dLoss/dlogits (softmax minus the smoothed label, weighted); returns the loss. */
  function outputGradient(label: number, weight: number): number {
    softmax(z);
    const loss = -Math.log(Math.max(z[label]!, 1e-12));
    const off = labelSmoothing / C;
    for (let c = 0; c < C; c++) z[c] = (z[c]! - (c === label ? 1 - labelSmoothing + off : off)) * weight;
    return loss;
  }

  /** Accumulates the gradients of one example (its dLoss/dlogits in z) and records the rows it touched. */
  function backward(nk: number): void {
    let rowGrad = z;
    if (linear) {
      for (let c = 0; c < C; c++) grad.b1[c]! += z[c]!;
    } else {
      const { w2 } = net;
      for (let c = 0; c < C; c++) grad.b2[c]! += z[c]!;
      for (let j = 0; j < H; j++) {
        const a = h[j]!;
        dh[j] = 0;
        if (a === 0) continue;
        const row = j * C;
        let s = 0;
        for (let c = 0; c < C; c++) {
          grad.w2[row + c]! += a * z[c]!;
          s += w2[row + c]! * z[c]!;
        }
        dh[j] = s * mask[j]!;
      }
      for (let j = 0; j < H; j++) grad.b1[j]! += dh[j]!;
      rowGrad = dh;
    }
    const g1 = grad.w1;
    for (let t = 0; t < nk; t++) {
      const f = kid[t]!;
      if (stamp[f] !== step) {
        stamp[f] = step;
        touched[nTouched++] = f;
      }
      const row = f * D;
      const v = kval[t]!;
      for (let j = 0; j < D; j++) g1[row + j]! += v * rowGrad[j]!;
    }
  }

  /** AdamW on the touched first-layer rows and on the dense parameters; the learning rate decays linearly. */
  function update(): void {
    const base = options.learningRate * (options.schedule === 'linear' ? 1 - step / totalSteps : 1);
    step++;
    const lr = base * (Math.sqrt(1 - BETA2 ** step) / (1 - BETA1 ** step));
    const decay = base * options.weightDecay;
    for (let t = 0; t < nTouched; t++) adamStep(net.w1, grad.w1, state.w1, touched[t]! * D, touched[t]! * D + D, lr, decay);
    nTouched = 0;
    adamStep(net.b1, grad.b1, state.b1, 0, net.b1.length, lr, 0);
    if (!linear) {
      adamStep(net.w2, grad.w2, state.w2, 0, net.w2.length, lr, decay);
      adamStep(net.b2, grad.b2, state.b2, 0, net.b2.length, lr, 0);
    }
  }

  return {
    net,
    /** Trains on order[start … end) as one mini-batch; returns the summed loss. */
    batch(order: Int32Array, start: number, end: number): number {
      const inv = 1 / (end - start);
      let loss = 0;
      for (let b = start; b < end; b++) {
        const ex = order[b]!;
        const nk = sample(ex);
        forward(nk);
        loss += outputGradient(data.y[ex]!, (data.weights ? data.weights[ex]! : 1) * inv);
        backward(nk);
      }
      update();
      return loss;
    },
  };
}
