/**
 * The intake rule for one attachment to the Secure Message Center: accept only PDF and common image files,
 * decided by what the bytes ARE, and refuse anything that is, hides or pretends to be something else.
 *
 * Pure: no I/O, no clock. Order of checks: name → empty → size (cheap, before reading content) → type by
 * magic bytes (file-type) → the name's claim → structure (where does the image/PDF really end?) → foreign
 * content inside (programs, archives, markup, second documents) → PDF active content.
 */
import { fileTypeFromBuffer } from 'file-type';
import {
  ACCEPTED_KINDS, type AcceptedKind, type AttachmentInput, type AttachmentInspection, type AttachmentLimits,
  DEFAULT_LIMITS, MEBIBYTE, acceptedLabels, refuse, resolveLimits,
} from './attachment.types.ts';
import { type ForeignContent, findForeignContent, withArticle } from './content-scan.ts';
import { describeRefusedContent } from './describe-content.ts';
import {
  MAX_RAW_FILE_NAME_LENGTH, buildSafeFileName, claimedDangerousExtension, isDangerousDeclaredType, sanitizeFileName,
} from './file-name.ts';
import { findGifEnd, findJpegFileEnd, findPngEnd, findWebpEnd, hasHiddenTrailer, type ImageEnd } from './image-structure.ts';
import { checkPdf } from './pdf-rules.ts';

/** file-type's answer → our kind. APNG is a PNG with extra chunks every PNG decoder skips. */
const KIND_BY_DETECTED_EXTENSION: Readonly<Record<string, AcceptedKind>> = {
  pdf: 'pdf', png: 'png', apng: 'png', jpg: 'jpeg', gif: 'gif', webp: 'webp',
};

const RESAVE = 'Please open it and save a fresh copy (or take a screenshot) and upload that.';

/** Rounded up, so a file one byte over a 10 MB limit reads "10.1 MB", not "10.0 MB". */
function megabytes(bytes: number): string {
  const value = Math.ceil((bytes / MEBIBYTE) * 10) / 10;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

function asBuffer(bytes: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export async function inspectAttachment(
  input: AttachmentInput,
  limits: Partial<AttachmentLimits> = DEFAULT_LIMITS,
): Promise<AttachmentInspection> {
  const { maxBytes, acceptedKinds } = resolveLimits(limits);
  const { fileName, declaredType } = input;
  const name = typeof fileName === 'string' && fileName.length <= MAX_RAW_FILE_NAME_LENGTH ? sanitizeFileName(fileName) : undefined;
  if (!name) {
    return refuse('attachment_name_invalid', 'The file name is empty or has no usable characters. Please rename the file and try again.');
  }
  const bytes = asBuffer(input.bytes);
  if (bytes.length === 0) return refuse('attachment_empty', 'The file is empty (0 bytes). Please choose the file again.');
  if (bytes.length > maxBytes) {
    return refuse('attachment_too_large', `The file is ${megabytes(bytes.length)}; the limit is ${megabytes(maxBytes)} per file. Please send a smaller file or split it.`);
  }

  // A parser error on hostile bytes means "not recognised" (refused below), never a 500.
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  const kind = detected ? KIND_BY_DETECTED_EXTENSION[detected.ext] : undefined;
  if (!kind || !acceptedKinds.includes(kind)) {
    const claim = { extension: name.claimedExtension, declaredType };
    return refuse('attachment_type_refused', describeRefusedContent(bytes, detected, claim, acceptedLabels(acceptedKinds)));
  }
  const { label, mime, extension } = ACCEPTED_KINDS[kind];

  const dangerous = claimedDangerousExtension(fileName);
  if (dangerous) {
    return refuse('attachment_type_refused', `The file is a ${label}, but its name ends in ".${dangerous}", which would make it open as a program or web page. This is a common trick, so we refuse it. If the file is yours, rename it to end in ".${extension}" and try again.`);
  }
  if (isDangerousDeclaredType(declaredType)) {
    return refuse('attachment_type_refused', `The file is a ${label}, but it was sent as "${declaredType?.split(';')[0]?.trim().toLowerCase()}", a type that browsers run. We refuse such mismatches for safety.`);
  }

  // A hidden trailer is named as such; for a damaged file, what hides inside it is the more useful reason.
  const structure = checkStructure(bytes, kind, label);
  const problem = structure?.isTrailer
    ? structure.reason
    : (checkForeignContent(bytes, kind, label) ?? structure?.reason ?? (kind === 'pdf' ? checkPdf(bytes) : undefined));
  if (problem) return refuse('attachment_type_refused', problem);

  return { ok: true, mime, extension, size: bytes.length, safeFileName: buildSafeFileName(name.base, extension) };
}

function findImageEnd(bytes: Buffer, kind: Exclude<AcceptedKind, 'pdf'>): ImageEnd {
  if (kind === 'png') return findPngEnd(bytes);
  if (kind === 'jpeg') return findJpegFileEnd(bytes);
  if (kind === 'gif') return findGifEnd(bytes);
  return findWebpEnd(bytes);
}

type StructureProblem = { reason: string; isTrailer: boolean };

function checkStructure(bytes: Buffer, kind: AcceptedKind, label: string): StructureProblem | undefined {
  const problem = (reason: string, isTrailer = false) => ({ reason, isTrailer });
  if (kind === 'pdf') {
    // file-type skips a byte-order mark; readers would also take junk before the header. Real PDFs start at 0.
    return bytes.toString('latin1', 0, 5) === '%PDF-' ? undefined
      : problem(`The PDF has other data before its "%PDF" header, a trick to make one file be two kinds at once. ${RESAVE}`);
  }
  // GIF89a/*…*/=alert(1): a header whose size bytes open a JavaScript comment, so the file also runs as a script.
  const jsOpensAt = kind === 'gif' ? 6 : kind === 'webp' ? 4 : -1;
  if (jsOpensAt > 0 && bytes.toString('latin1', jsOpensAt, jsOpensAt + 2) === '/*') {
    return problem(`The ${label} image is built to also run as JavaScript, which we refuse for safety. ${RESAVE}`);
  }
  const end = findImageEnd(bytes, kind);
  if ('damaged' in end) return problem(`The ${label} image is damaged (${end.damaged}), so we cannot check it. ${RESAVE}`);
  if (!hasHiddenTrailer(bytes, end.end)) return undefined;
  const trailer = bytes.subarray(end.end);
  const what = describeTrailer(trailer);
  const where = what ? ` (${what})` : '';
  return problem(`The ${label} image has ${trailer.length} bytes of extra data hidden after its end${where}, which we refuse for safety. ${RESAVE}`, true);
}

function describeTrailer(trailer: Buffer): string | undefined {
  const start = trailer.toString('latin1', 0, 2);
  if (start === 'MZ') return 'a Windows program';
  if (start === '#!') return 'a script';
  // Scanned as if inside an image, so a PDF header in the trailer is reported too.
  const found = findForeignContent(trailer, trailer.toString('latin1').toLowerCase(), 'png');
  return found ? describeFound(found) : undefined;
}

function describeFound(found: ForeignContent): string {
  if (found.category === 'markup') return `web page code "${found.what}"`;
  return withArticle(found.what);
}

function checkForeignContent(bytes: Buffer, kind: AcceptedKind, label: string): string | undefined {
  const found = findForeignContent(bytes, bytes.toString('latin1').toLowerCase(), kind);
  if (!found) return undefined;
  const risk = found.category === 'markup' ? 'that a browser or server could run' : 'hidden inside';
  return `The file is a ${label}, but it also contains ${describeFound(found)} ${risk}, which we refuse for safety. ${RESAVE}`;
}
