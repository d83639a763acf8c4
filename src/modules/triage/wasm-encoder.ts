/**
 * Just enough of the WebAssembly binary format (https://webassembly.github.io/spec/core/binary/) to emit the
 * triage network's small SIMD kernel (wasm-forward.ts) from TypeScript: no toolchain, no dependency. Only
 * the opcodes that kernel uses are here; each byte is named after the instruction in the specification.
 */

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** Plain (one-byte) instructions. */
export const OP = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  i32Load: 0x28,
  f32Load: 0x2a,
  i32Const: 0x41,
  f32Const: 0x43,
  i32GtS: 0x4a,
  i32GeS: 0x4e,
  f32Le: 0x5f,
  i32Add: 0x6a,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  /** The block type of a block or loop that leaves nothing on the stack. */
  empty: 0x40,
} as const;

/** 128-bit SIMD instructions: the prefix 0xfd, then this number as unsigned LEB128. */
export const SIMD = {
  v128Load: 0x00,
  v128Store: 0x0b,
  f32x4Splat: 0x13,
  i16x8ExtendLowI8x16S: 0x87,
  i16x8ExtendHighI8x16S: 0x88,
  i32x4ExtendLowI16x8S: 0xa7,
  i32x4ExtendHighI16x8S: 0xa8,
  f32x4Add: 0xe4,
  f32x4Mul: 0xe6,
  f32x4ConvertI32x4S: 0xfa,
} as const;

export function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

export function signedLeb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A SIMD instruction; `memarg` (alignment exponent, offset) for loads and stores. */
export function simd(op: number, memarg?: [align: number, offset: number]): number[] {
  return [0xfd, ...unsignedLeb(op), ...(memarg ? [...unsignedLeb(memarg[0]), ...unsignedLeb(memarg[1])] : [])];
}

/** A name as the format stores it: byte length, then UTF-8. */
function name(s: string): number[] {
  const bytes = [...Buffer.from(s, 'utf8')];
  return [...unsignedLeb(bytes.length), ...bytes];
}

/** A section: id, byte size, contents (a vector: element count, then the elements). */
function section(id: number, elements: number[][]): number[] {
  const body = [...unsignedLeb(elements.length), ...elements.flat()];
  return [id, ...unsignedLeb(body.length), ...body];
}

export type WasmFunction = {
  exportName: string;
  params: number[];
  /** The function's other locals, by type, in order after the parameters. */
  locals: number[];
  /** The instructions, without the final `end`. */
  body: number[];
};

/**
 * A module that imports its memory as env.memory (at least `minPages` 64-KiB pages) and exports the given
 * functions (each returning nothing).
 */
export function encodeModule(functions: readonly WasmFunction[], minPages = 1): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...unsignedLeb(f.params.length), ...f.params, 0x00]);
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, ...unsignedLeb(minPages)];
  const codes = functions.map((f) => {
    const locals = f.locals.flatMap((t) => [1, t]); // one entry per local: count 1, type
    const body = [...unsignedLeb(f.locals.length), ...locals, ...f.body, OP.end];
    return [...unsignedLeb(body.length), ...body];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, types),
    ...section(2, [memoryImport]),
    ...section(3, functions.map((_, i) => unsignedLeb(i))),
    ...section(7, functions.map((f, i) => [...name(f.exportName), 0x00, ...unsignedLeb(i)])),
    ...section(10, codes),
  ]);
}
