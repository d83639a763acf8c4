/**
 * Test fixtures built in code (no binary files in the repository): minimal VALID files of each accepted kind,
 * checked once against real decoders (djpeg, pngcheck, pdfinfo, dwebp), and builders for the hostile
 * variants. Used only by the tests beside it.
 */
import { crc32, deflateSync } from 'node:zlib';

export const latin1 = (text: string) => Buffer.from(text, 'latin1');

// --- PNG -------------------------------------------------------------------------------------------------

export function pngChunk(type: string, data: Buffer = Buffer.alloc(0)): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([latin1(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 red RGB PNG; `extraChunks` go between IHDR and IDAT (where tEXt and private chunks live). */
export function tinyPng(extraChunks: Buffer[] = []): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]); // 1×1, 8-bit, truecolour
  const pixels = deflateSync(Buffer.from([0, 0xff, 0, 0])); // filter byte 0, then R G B
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), ...extraChunks, pngChunk('IDAT', pixels), pngChunk('IEND'),
  ]);
}

/** A valid PNG of exactly `size` bytes, padded with a private ancillary chunk of zeros. */
export function pngOfSize(size: number): Buffer {
  const base = tinyPng();
  const padding = size - base.length - 12;
  if (padding < 0) throw new Error('size too small');
  return tinyPng([pngChunk('pdDg', Buffer.alloc(padding))]);
}

// --- JPEG ------------------------------------------------------------------------------------------------

function jpegSegment(marker: number, data: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([header, data]);
}

/**
 * An 8×8 grey baseline JPEG built by hand: one quantisation table, one-code Huffman tables (DC category 0,
 * AC end-of-block), and one MCU whose two Huffman codes are both "0", padded with 1-bits: 0x3F.
 */
export function tinyJpeg(options: { segments?: Buffer[]; multiPicture?: boolean } = {}): Buffer {
  const jfif = jpegSegment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]));
  const mpf = options.multiPicture ? [jpegSegment(0xe2, Buffer.concat([latin1('MPF\0'), Buffer.alloc(8)]))] : [];
  const dqt = jpegSegment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]));
  const sof0 = jpegSegment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
  const oneCode = (tableClass: number, symbol: number) =>
    jpegSegment(0xc4, Buffer.concat([Buffer.from([tableClass]), Buffer.from([1, ...new Array(15).fill(0)]), Buffer.from([symbol])]));
  const sos = jpegSegment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]), jfif, ...mpf, ...(options.segments ?? []), dqt, sof0,
    oneCode(0x00, 0x00), oneCode(0x10, 0x00), sos, Buffer.from([0x3f]), Buffer.from([0xff, 0xd9]),
  ]);
}

export const jpegComment = (text: string) => jpegSegment(0xfe, latin1(text));
export const jpegApp = (n: number, data: Buffer) => jpegSegment(0xe0 + n, data);

// --- GIF and WebP ----------------------------------------------------------------------------------------

/** 1×1 GIF89a with a two-colour table. */
export function tinyGif(comment?: string): Buffer {
  const commentBlock = comment === undefined ? Buffer.alloc(0)
    : Buffer.concat([Buffer.from([0x21, 0xfe, comment.length]), latin1(comment), Buffer.from([0])]);
  return Buffer.concat([
    latin1('GIF89a'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0]), Buffer.from([0, 0, 0, 0xff, 0xff, 0xff]), commentBlock,
    Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b]),
  ]);
}

/** 1×1 lossless WebP (RIFF, one VP8L chunk padded to even size). */
export function tinyWebp(): Buffer {
  return Buffer.from('524946461a000000574542505650384c0d0000002f00000010071011118888fe0700', 'hex');
}

// --- PDF -------------------------------------------------------------------------------------------------

export type PdfOptions = {
  /** Extra entries for the catalog dictionary, e.g. "/OpenAction 5 0 R". */
  catalog?: string;
  /** Extra objects, numbered from 4: each is the text between "N 0 obj" and "endobj". */
  objects?: Array<string | Buffer>;
  /** Text shown on the page (uncompressed content stream). */
  text?: string;
};

/** A one-page PDF with a correct cross-reference table. */
export function tinyPdf(options: PdfOptions = {}): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${options.text ?? 'Statement'}) Tj ET`;
  const bodies: Array<string | Buffer> = [
    `<< /Type /Catalog /Pages 2 0 R ${options.catalog ?? ''}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...(options.objects ?? []),
  ];
  const parts: Buffer[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  bodies.forEach((body, index) => {
    const part = Buffer.concat([latin1(`${index + 1} 0 obj\n`), typeof body === 'string' ? latin1(body) : body, latin1('\nendobj\n')]);
    offsets.push(length);
    parts.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(latin1(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** Object 6 (the 1st extra object) is a compressed object stream holding object 7 = `hidden`. */
export function pdfWithObjectStream(hidden: string, filter = '/FlateDecode'): PdfOptions {
  const header = '7 0 ';
  const data = latin1(header + hidden);
  const encoded = filter.includes('/FlateDecode') ? deflateSync(data) : filter === '/ASCIIHexDecode' ? latin1(`${data.toString('hex')}>`) : data;
  const stream = Buffer.concat([latin1(`<< /Type /ObjStm /N 1 /First ${header.length} /Filter ${filter} /Length ${encoded.length} >>\nstream\n`), encoded, latin1('\nendstream')]);
  return { catalog: '/OpenAction 7 0 R', objects: [stream] };
}

/** Deterministic noise standing in for compressed image data (xorshift32), so no test depends on luck. */
export function pseudoRandomBytes(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 4) {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    bytes.writeUInt32LE(state, Math.min(i, length - 4));
  }
  return bytes;
}

// --- archives and programs -------------------------------------------------------------------------------

/** A stored (uncompressed) ZIP with one entry: local header, central directory, end record. */
export function zipBytes(name = 'evil.js', content = 'alert(1)'): Buffer {
  const data = latin1(content);
  const fileName = latin1(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(fileName.length, 28);
  const localPart = Buffer.concat([local, fileName, data]);
  const centralPart = Buffer.concat([central, fileName]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(centralPart.length, 12); end.writeUInt32LE(localPart.length, 16);
  return Buffer.concat([localPart, centralPart, end]);
}

/** The first bytes of a Windows program: MZ header whose e_lfanew points at "PE\0\0". */
export function peBytes(): Buffer {
  const bytes = Buffer.alloc(256);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  bytes.writeUInt16LE(0x14c, 0x84); // i386
  return bytes;
}

export function elfBytes(): Buffer {
  return Buffer.concat([latin1('\x7fELF\x02\x01\x01\0'), Buffer.alloc(120)]);
}

export function machOBytes(): Buffer {
  const bytes = Buffer.alloc(64);
  bytes.writeUInt32LE(0xfeedfacf, 0); bytes.writeUInt32LE(0x0100000c, 4); bytes.writeUInt32LE(2, 12); // arm64, executable
  return bytes;
}

export function javaClassBytes(): Buffer {
  return Buffer.concat([Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x41]), Buffer.alloc(60)]);
}
