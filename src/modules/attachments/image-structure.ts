/**
 * Walks each accepted image format far enough to find where the image really ends, the way its decoders do.
 * Whatever follows that end is invisible in an image viewer but fully visible to a ZIP reader, a browser or
 * a PDF reader — the classic polyglot hiding place — so the caller refuses it.
 *
 * Each walker returns the offset just past the image, or a short reason why the structure is broken
 * (a damaged file is refused too: we cannot tell where it ends, and agents could not open it anyway).
 */
export type ImageEnd = { end: number } | { damaged: string };

const PNG_SIGNATURE_LENGTH = 8;

/** PNG: length-prefixed chunks from IHDR to IEND (PNG spec §5.3). */
export function findPngEnd(bytes: Buffer): ImageEnd {
  let at = PNG_SIGNATURE_LENGTH;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) return { damaged: 'a PNG chunk is malformed' };
    if (first && type !== 'IHDR') return { damaged: 'the PNG does not start with its header chunk' };
    first = false;
    const next = at + 12 + length; // length, type, data, CRC
    if (next > bytes.length) return { damaged: 'the PNG is cut short' };
    if (type === 'IEND') return { end: next };
    at = next;
  }
  return { damaged: 'the PNG has no end chunk (IEND)' };
}

export type JpegWalk = ImageEnd & { hasMultiPicture?: boolean };

/** JPEG: marker segments, entropy-coded scans after each SOS, up to EOI (ITU T.81 §B). */
export function findJpegEnd(bytes: Buffer, start = 0): JpegWalk {
  if (bytes[start] !== 0xff || bytes[start + 1] !== 0xd8) return { damaged: 'the JPEG has no start marker' };
  let at = start + 2;
  let hasMultiPicture = false;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) return { damaged: 'a JPEG segment is malformed' };
    while (bytes[at] === 0xff) at++; // fill bytes
    const marker = bytes[at++];
    if (marker === undefined) break;
    if (marker === 0xd9) return { end: at, hasMultiPicture }; // EOI
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // stand-alone markers
    if (at + 2 > bytes.length) break;
    const length = bytes.readUInt16BE(at);
    if (length < 2 || at + length > bytes.length) return { damaged: 'a JPEG segment runs past the end' };
    // APP2 "MPF\0": the Multi-Picture Format index phones use to append gain maps and depth maps as JPEGs.
    if (marker === 0xe2 && bytes.toString('latin1', at + 2, at + 6) === 'MPF\0') hasMultiPicture = true;
    at += length;
    if (marker === 0xda) at = skipEntropyCodedData(bytes, at);
  }
  return { damaged: 'the JPEG has no end marker (EOI)' };
}

/** Scan data ends at the first 0xFF that is not byte-stuffing (FF 00), a restart marker or fill. */
function skipEntropyCodedData(bytes: Buffer, from: number): number {
  let at = from;
  for (;;) {
    at = bytes.indexOf(0xff, at);
    if (at < 0 || at + 1 >= bytes.length) return bytes.length;
    const next = bytes[at + 1] ?? 0;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) at += next === 0xff ? 1 : 2;
    else return at;
  }
}

/**
 * End of a JPEG including the extra JPEG images a Multi-Picture (MPF) file appends after the first EOI
 * (iPhone HDR gain maps, Android depth maps). Anything else after EOI is a trailer we refuse.
 */
export function findJpegFileEnd(bytes: Buffer): ImageEnd {
  const primary = findJpegEnd(bytes);
  if ('damaged' in primary) return primary;
  let end = primary.end;
  for (let images = 1; primary.hasMultiPicture && images < 16 && bytes[end] === 0xff && bytes[end + 1] === 0xd8; images++) {
    const next = findJpegEnd(bytes, end);
    if ('damaged' in next) return { damaged: `an embedded picture is damaged (${next.damaged.replace(/^the /, '')})` };
    end = next.end;
  }
  return { end };
}

/** GIF: header, palettes, then extension and image blocks of sub-blocks, up to the 0x3B trailer (GIF89a §17–27). */
export function findGifEnd(bytes: Buffer): ImageEnd {
  if (bytes.length < 13) return { damaged: 'the GIF is cut short' };
  const screenFlags = bytes[10] ?? 0;
  let at = 13 + (screenFlags & 0x80 ? 3 * 2 ** ((screenFlags & 7) + 1) : 0);
  let hasImage = false;
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) return { end: at + 1 };
    if (block === 0x21) at = skipSubBlocks(bytes, at + 2);
    else if (block === 0x2c) {
      const imageFlags = bytes[at + 9] ?? 0;
      at += 10 + (imageFlags & 0x80 ? 3 * 2 ** ((imageFlags & 7) + 1) : 0) + 1; // + LZW minimum code size
      at = skipSubBlocks(bytes, at);
      hasImage = true;
    } else return { damaged: 'a GIF block is malformed' };
    if (at < 0) return { damaged: 'the GIF is cut short' };
  }
  // Old encoders omit the trailer; browsers show such files. Nothing follows the last block, so nothing hides.
  return hasImage && at === bytes.length ? { end: at } : { damaged: 'the GIF has no trailer' };
}

/** Index after the terminating empty sub-block, or -1 when the data runs out first. */
function skipSubBlocks(bytes: Buffer, from: number): number {
  let at = from;
  while (at < bytes.length) {
    const size = bytes[at] ?? 0;
    at += 1 + size;
    if (size === 0) return at;
  }
  return -1;
}

/** WebP: one RIFF container whose declared size must cover exactly its chunks (RFC 9649 §2). */
export function findWebpEnd(bytes: Buffer): ImageEnd {
  if (bytes.length < 20) return { damaged: 'the WebP is cut short' };
  const riffEnd = 8 + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length) return { damaged: 'the WebP is cut short' };
  let at = 12;
  const firstChunk = bytes.toString('latin1', at, at + 4);
  if (!['VP8 ', 'VP8L', 'VP8X'].includes(firstChunk)) return { damaged: 'the WebP has no image chunk' };
  while (at + 8 <= riffEnd) {
    const size = bytes.readUInt32LE(at + 4);
    at += 8 + size + (size & 1); // chunks are padded to an even size
  }
  if (at !== riffEnd && at !== riffEnd + 1) return { damaged: 'a WebP chunk runs past the end' };
  return { end: riffEnd };
}

/** Zero bytes after the end are padding some encoders write; anything else is hidden data. */
export function hasHiddenTrailer(bytes: Buffer, end: number): boolean {
  for (let at = end; at < bytes.length; at++) if (bytes[at] !== 0) return true;
  return false;
}
