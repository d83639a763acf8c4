import type { QuantizedNetwork } from './quantized-network.ts';
import { encodeModule, F32, I32, OP, SIMD, signedLeb, simd, unsignedLeb, V128 } from './wasm-encoder.ts';

/**
 * The network's forward pass as a WebAssembly kernel with 128-bit SIMD (Node 20 runs it with no flag):
 * - layer1: h = b1 + Σ_t v_t · scale_t · w1[row_t], about 300 rows of 128 int8 weights per message, nine tenths
 *   of the arithmetic of a classification. Per 16 hidden units and per row it loads 16 int8 weights, widens them
 *   (i8 → i16 → i32 → f32) and accumulates h += v · w four lanes at a time, four rows per pass over h as
 *   quantizedLogits does;
 * - layer2: z = b2 + Σ_j ReLU(h_j) · w2[j], four classes at a time.
 * The arithmetic is f32 where the JavaScript reference (quantizedLogits) rounds to f32 only when storing, so
 * the logits agree within float rounding (wasm-forward.test.ts), not bit for bit.
 *
 * The module is compiled once per process; each network gets an instance with its own memory holding its
 * weights (copied once, at load; w1 stays 8-bit), h, z, and the rows and values of the message being classified.
 */

// Parameters and locals of layer1(n, H, hOff, rowsOff, valsOff), by index.
const N = 0, HID = 1, H_OFF = 2, ROWS_OFF = 3, VALS_OFF = 4;
const T = 5, J = 6, ROW = 7, V = 11, ACC = 15, W = 19, HALF = 20;

const get = (i: number) => [OP.localGet, ...unsignedLeb(i)];
const set = (i: number) => [OP.localSet, ...unsignedLeb(i)];
const i32 = (v: number) => [OP.i32Const, ...signedLeb(v)];

/**
 * Reads row k of the current pass: its byte offset in w1 and its value (v · scale) splatted to 4 lanes. A load's
 * two immediates are the alignment exponent (2: 4 bytes) and a constant offset added to the address.
 */
function loadRow(k: number): number[] {
  return [
    ...get(T), ...i32(2), OP.i32Shl, ...get(ROWS_OFF), OP.i32Add, OP.i32Load, 2, ...unsignedLeb(4 * k), ...set(ROW + k),
    ...get(T), ...i32(2), OP.i32Shl, ...get(VALS_OFF), OP.i32Add, OP.f32Load, 2, ...unsignedLeb(4 * k), ...simd(SIMD.f32x4Splat), ...set(V + k),
  ];
}

/** h[j … j+15] += Σ_k v_k · w1[row_k + j … j+15], for j = 0, 16, … < H. */
function columns(rows: number): number[] {
  const hAddress = [...get(J), ...i32(2), OP.i32Shl, ...get(H_OFF), OP.i32Add];
  const out: number[] = [...i32(0), ...set(J), OP.block, OP.empty, OP.loop, OP.empty];
  out.push(...get(J), ...get(HID), OP.i32GeS, OP.brIf, 1);
  for (let q = 0; q < 4; q++) out.push(...hAddress, ...simd(SIMD.v128Load, [4, 16 * q]), ...set(ACC + q));
  for (let k = 0; k < rows; k++) {
    out.push(...get(ROW + k), ...get(J), OP.i32Add, ...simd(SIMD.v128Load, [0, 0]), ...set(W));
    for (let q = 0; q < 4; q++) {
      // Lanes 0–7 of the 16 weights for q = 0, 1; lanes 8–15 for q = 2, 3.
      if (q === 0) out.push(...get(W), ...simd(SIMD.i16x8ExtendLowI8x16S), ...set(HALF));
      if (q === 2) out.push(...get(W), ...simd(SIMD.i16x8ExtendHighI8x16S), ...set(HALF));
      out.push(
        ...get(ACC + q), ...get(V + k), ...get(HALF),
        ...simd(q % 2 === 0 ? SIMD.i32x4ExtendLowI16x8S : SIMD.i32x4ExtendHighI16x8S),
        ...simd(SIMD.f32x4ConvertI32x4S), ...simd(SIMD.f32x4Mul), ...simd(SIMD.f32x4Add), ...set(ACC + q),
      );
    }
  }
  for (let q = 0; q < 4; q++) out.push(...hAddress, ...get(ACC + q), ...simd(SIMD.v128Store, [4, 16 * q]));
  out.push(...get(J), ...i32(16), OP.i32Add, ...set(J), OP.br, 0, OP.end, OP.end);
  return out;
}

/**
 * Passes over h taking `rows` rows at a time while at least that many remain. Every loop here is
 * block { loop { br_if 1 (leave) … br 0 (again) } }, the usual shape of a while loop in WebAssembly.
 */
function passes(rows: number): number[] {
  return [
    OP.block, OP.empty, OP.loop, OP.empty,
    ...get(T), ...i32(rows), OP.i32Add, ...get(N), OP.i32GtS, OP.brIf, 1,
    ...Array.from({ length: rows }, (_, k) => loadRow(k)).flat(),
    ...columns(rows),
    ...get(T), ...i32(rows), OP.i32Add, ...set(T), OP.br, 0,
    OP.end, OP.end,
  ];
}

// Parameters and locals of layer2(H, C, hOff, w2Off, zOff), by index.
const L2_H = 0, L2_C = 1, L2_H_OFF = 2, L2_W2_OFF = 3, L2_Z_OFF = 4, L2_J = 5, L2_K = 6, L2_ROW = 7, L2_A = 8, L2_AV = 9;

/** For each j with h[j] > 0: z[0 … C-1] += h[j] · w2[j·C … j·C+C-1], C a multiple of 4. */
function layer2Body(): number[] {
  const zAddress = [...get(L2_K), ...i32(2), OP.i32Shl, ...get(L2_Z_OFF), OP.i32Add];
  return [
    ...i32(0), ...set(L2_J),
    OP.block, OP.empty, OP.loop, OP.empty,
    ...get(L2_J), ...get(L2_H), OP.i32GeS, OP.brIf, 1,
    OP.block, OP.empty,
    // a = h[j]; a ≤ 0 (ReLU) → next j. A NaN goes on, as in the JavaScript path.
    ...get(L2_J), ...i32(2), OP.i32Shl, ...get(L2_H_OFF), OP.i32Add, OP.f32Load, 2, 0, ...set(L2_A),
    ...get(L2_A), OP.f32Const, 0, 0, 0, 0, OP.f32Le, OP.brIf, 0,
    ...get(L2_A), ...simd(SIMD.f32x4Splat), ...set(L2_AV),
    ...get(L2_J), ...get(L2_C), OP.i32Mul, ...i32(2), OP.i32Shl, ...get(L2_W2_OFF), OP.i32Add, ...set(L2_ROW),
    ...i32(0), ...set(L2_K),
    OP.block, OP.empty, OP.loop, OP.empty,
    ...get(L2_K), ...get(L2_C), OP.i32GeS, OP.brIf, 1,
    ...zAddress, ...zAddress, ...simd(SIMD.v128Load, [2, 0]),
    ...get(L2_AV), ...get(L2_K), ...i32(2), OP.i32Shl, ...get(L2_ROW), OP.i32Add, ...simd(SIMD.v128Load, [2, 0]),
    ...simd(SIMD.f32x4Mul), ...simd(SIMD.f32x4Add), ...simd(SIMD.v128Store, [2, 0]),
    ...get(L2_K), ...i32(4), OP.i32Add, ...set(L2_K), OP.br, 0,
    OP.end, OP.end,
    OP.end,
    ...get(L2_J), ...i32(1), OP.i32Add, ...set(L2_J), OP.br, 0,
    OP.end, OP.end,
  ];
}

export function forwardModuleBytes(): Uint8Array<ArrayBuffer> {
  return encodeModule([
    {
      exportName: 'layer1',
      params: [I32, I32, I32, I32, I32],
      locals: [I32, I32, I32, I32, I32, I32, V128, V128, V128, V128, V128, V128, V128, V128, V128, V128],
      body: [...i32(0), ...set(T), ...passes(4), ...passes(1)],
    },
    { exportName: 'layer2', params: [I32, I32, I32, I32, I32], locals: [I32, I32, I32, F32, V128], body: layer2Body() },
  ]);
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel, or null where WebAssembly SIMD is unavailable (then the JavaScript path runs). */
function kernel(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const bytes = forwardModuleBytes();
      compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** The logits of one sparse input: a view that the next call overwrites. */
export type WasmForward = (idx: Int32Array, val: Float32Array, n: number) => Float32Array;

const align16 = (n: number) => Math.ceil(n / 16) * 16;

/**
 * The WebAssembly forward pass of `net`, or null when it cannot run here: no SIMD, no hidden layer, or a width
 * or class count the kernel's 16- and 4-lane steps do not divide.
 */
export function createWasmForward(net: QuantizedNetwork): WasmForward | null {
  const { inputs, hidden: H, classes: C, w1, w1Scale, b1, b2 } = net;
  const module = H > 0 && H % 16 === 0 && C % 4 === 0 ? kernel() : null;
  if (!module) return null;
  const hOff = align16(w1.length);
  const zOff = hOff + H * 4;
  const w2Off = align16(zOff + C * 4);
  const rowsOff = w2Off + H * C * 4;
  const valsOff = rowsOff + inputs * 4;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((valsOff + inputs * 4) / 65536) });
  new Int8Array(memory.buffer, 0, w1.length).set(w1);
  new Float32Array(memory.buffer, w2Off, H * C).set(net.w2);
  const h = new Float32Array(memory.buffer, hOff, H);
  const z = new Float32Array(memory.buffer, zOff, C);
  const rows = new Int32Array(memory.buffer, rowsOff, inputs);
  const vals = new Float32Array(memory.buffer, valsOff, inputs);
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as {
    layer1(n: number, H: number, hOff: number, rowsOff: number, valsOff: number): void;
    layer2(H: number, C: number, hOff: number, w2Off: number, zOff: number): void;
  };
  return (idx, val, n) => {
    // A sparse input has each feature at most once, so n ≤ inputs always fits the rows and values buffers.
    if (n > inputs) throw new RangeError(`a sparse input of ${n} entries for a network of ${inputs} inputs`);
    h.set(b1);
    for (let t = 0; t < n; t++) {
      const f = idx[t]!;
      rows[t] = f * H;
      vals[t] = val[t]! * w1Scale[f]!;
    }
    exports.layer1(n, H, hOff, rowsOff, valsOff);
    z.set(b2);
    exports.layer2(H, C, hOff, w2Off, zOff);
    return z;
  };
}
