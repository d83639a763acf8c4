/**
 * The classifier's network: sparse TF-IDF input → one ReLU hidden layer → softmax over the labels, or, with
 * `hidden = 0`, a linear softmax straight from the input. Weights are row-major Float32Arrays: w1 has one row
 * per input feature (so a message touches only the rows of the n-grams it contains), w2 one row per hidden unit.
 */
export type Network = {
  inputs: number;
  hidden: number;
  classes: number;
  /** inputs × (hidden || classes) */
  w1: Float32Array;
  /** hidden || classes */
  b1: Float32Array;
  /** hidden × classes (empty when linear) */
  w2: Float32Array;
  /** classes (empty when linear) */
  b2: Float32Array;
};

export function createNetwork(inputs: number, hidden: number, classes: number): Network {
  const width = hidden > 0 ? hidden : classes;
  return {
    inputs,
    hidden,
    classes,
    w1: new Float32Array(inputs * width),
    b1: new Float32Array(width),
    w2: new Float32Array(hidden * classes),
    b2: new Float32Array(hidden > 0 ? classes : 0),
  };
}

/** Scratch space for one forward pass; reuse it, a forward pass then allocates nothing. */
export type Scratch = { h: Float32Array; z: Float32Array };

export function createScratch(net: Network): Scratch {
  return { h: new Float32Array(Math.max(net.hidden, 1)), z: new Float32Array(net.classes) };
}

/** Adds the network's logits for one sparse input to `out` (scaled by `scale`). */
export function addLogits(net: Network, idx: Int32Array, val: Float32Array, n: number, scratch: Scratch, out: Float32Array, scale = 1): void {
  const { hidden: H, classes: C, w1, b1 } = net;
  if (H === 0) {
    const z = scratch.z;
    z.set(b1);
    for (let t = 0; t < n; t++) {
      const row = idx[t]! * C;
      const v = val[t]!;
      for (let c = 0; c < C; c++) z[c]! += v * w1[row + c]!;
    }
    for (let c = 0; c < C; c++) out[c]! += scale * z[c]!;
    return;
  }
  const { h } = scratch;
  h.set(b1);
  for (let t = 0; t < n; t++) {
    const row = idx[t]! * H;
    const v = val[t]!;
    for (let j = 0; j < H; j++) h[j]! += v * w1[row + j]!;
  }
  const { w2, b2 } = net;
  for (let c = 0; c < C; c++) out[c]! += scale * b2[c]!;
  for (let j = 0; j < H; j++) {
    const a = h[j]!;
    if (a <= 0) continue;
    const row = j * C;
    const s = scale * a;
    for (let c = 0; c < C; c++) out[c]! += s * w2[row + c]!;
  }
}

/** Softmax in place (numerically stable); returns the index of the largest. */
export function softmax(z: Float32Array, temperature = 1): number {
  let best = 0;
  for (let c = 1; c < z.length; c++) if (z[c]! > z[best]!) best = c;
  const max = z[best]!;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    const e = Math.exp((z[c]! - max) / temperature);
    z[c] = e;
    sum += e;
  }
  for (let c = 0; c < z.length; c++) z[c]! /= sum;
  return best;
}
