/**
 * Looks INSIDE an accepted file for another format riding along (a polyglot): a program, an archive, markup a
 * browser would run, or a second document. Magic-byte detection only reads the start of a file; readers of
 * other formats look elsewhere (ZIP readers from the end, PDF readers anywhere in the first 1 KB, browsers
 * sniff for tags), so one file can be two things at once.
 *
 * Every signature here is either long (≥ 6 fixed bytes) or validated by the fields that follow it, so that
 * compressed image data — which is close to random — does not trip it: a bare 4-byte match would hit about
 * one 10 MB photo in 500, the validated ones far less than one in a million.
 */
import type { AcceptedKind } from './attachment.types.ts';

export type ForeignContent = { category: 'executable' | 'archive' | 'markup' | 'document'; what: string };

const ascii = (text: string) => Buffer.from(text, 'latin1');

function* occurrences(bytes: Buffer, needle: Buffer): Generator<number> {
  for (let i = bytes.indexOf(needle); i >= 0; i = bytes.indexOf(needle, i + 1)) yield i;
}

function u16le(bytes: Buffer, at: number): number {
  return at + 2 <= bytes.length ? bytes.readUInt16LE(at) : -1;
}

// --- executables ---------------------------------------------------------------------------------------

const MZ = ascii('MZ');
const DOS_STUBS = [ascii('This program cannot be run in DOS mode'), ascii('This program must be run under Win32')];

function hasPortableExecutable(bytes: Buffer): boolean {
  if (DOS_STUBS.some((stub) => bytes.includes(stub))) return true;
  for (const at of occurrences(bytes, MZ)) {
    if (at + 0x40 > bytes.length) return false;
    // e_lfanew (offset 0x3C) points at "PE\0\0": what Windows' loader follows.
    const pe = at + bytes.readUInt32LE(at + 0x3c);
    if (pe + 4 <= bytes.length && bytes.readUInt32BE(pe) === 0x50450000) return true;
  }
  return false;
}

function hasElf(bytes: Buffer): boolean {
  for (const at of occurrences(bytes, ascii('\x7fELF'))) {
    const [cls, data, version] = [bytes[at + 4], bytes[at + 5], bytes[at + 6]];
    if ((cls === 1 || cls === 2) && (data === 1 || data === 2) && version === 1) return true;
  }
  return false;
}

const MACHO_CPUS = new Set([7, 0x01000007, 12, 0x0100000c, 0x0200000c, 18, 0x01000012]);
function hasMachO(bytes: Buffer): boolean {
  const magics: Array<[Buffer, boolean]> = [
    [Buffer.from([0xfe, 0xed, 0xfa, 0xce]), false], [Buffer.from([0xfe, 0xed, 0xfa, 0xcf]), false],
    [Buffer.from([0xce, 0xfa, 0xed, 0xfe]), true], [Buffer.from([0xcf, 0xfa, 0xed, 0xfe]), true],
  ];
  for (const [magic, littleEndian] of magics) {
    for (const at of occurrences(bytes, magic)) {
      if (at + 16 > bytes.length) break;
      const cpu = littleEndian ? bytes.readUInt32LE(at + 4) : bytes.readUInt32BE(at + 4);
      const fileType = littleEndian ? bytes.readUInt32LE(at + 12) : bytes.readUInt32BE(at + 12);
      if (MACHO_CPUS.has(cpu) && fileType >= 1 && fileType <= 12) return true;
    }
  }
  return false;
}

function hasJavaClassOrFatBinary(bytes: Buffer): boolean {
  for (const at of occurrences(bytes, Buffer.from([0xca, 0xfe, 0xba, 0xbe]))) {
    if (at + 8 > bytes.length) break;
    const minor = bytes.readUInt16BE(at + 4);
    const major = bytes.readUInt16BE(at + 6);
    // Java: major 45 (1.1) … 70 (JDK 26), minor 0 or 0xFFFF (preview). Universal Mach-O: 1–20 architectures.
    if ((minor === 0 || minor === 0xffff) && major >= 1 && major <= 70) return true;
  }
  return false;
}

function hasDex(bytes: Buffer): boolean {
  for (const at of occurrences(bytes, ascii('dex\n0'))) {
    if (/^[0-9]{2}\0$/.test(bytes.toString('latin1', at + 5, at + 8))) return true;
  }
  return false;
}

const FIXED_EXECUTABLES: Array<[Buffer, string]> = [
  [ascii('\0asm\x01\0\0\0'), 'WebAssembly module'],
  // The industry's harmless "is your scanner on?" program: treat it as the malware it stands for.
  [ascii('EICAR-STANDARD-ANTIVIRUS-TEST-FILE'), 'antivirus test program (EICAR)'],
  [Buffer.from([0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]), 'Windows shortcut (.lnk)'],
];

export function findExecutable(bytes: Buffer): string | undefined {
  if (hasPortableExecutable(bytes)) return 'Windows program (PE/MZ)';
  if (hasElf(bytes)) return 'Linux program (ELF)';
  if (hasMachO(bytes)) return 'macOS program (Mach-O)';
  if (hasJavaClassOrFatBinary(bytes)) return 'Java class or macOS universal program';
  for (const [signature, what] of FIXED_EXECUTABLES) if (bytes.includes(signature)) return what;
  if (hasDex(bytes)) return 'Android program (DEX)';
  return undefined;
}

// --- archives ------------------------------------------------------------------------------------------

const ZIP_METHODS = new Set([0, 1, 6, 8, 9, 12, 14, 19, 93, 95, 96, 97, 98, 99]);

function isPrintableName(bytes: Buffer, start: number, length: number): boolean {
  if (length === 0 || length > 1024 || start + length > bytes.length) return false;
  for (let i = start; i < start + length; i++) if ((bytes[i] ?? 0) < 0x20 || bytes[i] === 0x7f) return false;
  return true;
}

/** A ZIP local or central header whose version, method and file name make sense. */
function hasZipEntry(bytes: Buffer): boolean {
  for (const at of occurrences(bytes, ascii('PK\x03\x04'))) {
    const version = u16le(bytes, at + 4);
    if ((version & 0xff) <= 63 && version >> 8 <= 19 && ZIP_METHODS.has(u16le(bytes, at + 8))) {
      if (isPrintableName(bytes, at + 30, u16le(bytes, at + 26))) return true;
    }
  }
  for (const at of occurrences(bytes, ascii('PK\x01\x02'))) {
    if (ZIP_METHODS.has(u16le(bytes, at + 10)) && isPrintableName(bytes, at + 46, u16le(bytes, at + 28))) return true;
  }
  return false;
}

/** The end-of-central-directory record: what a ZIP/JAR reader (and so a GIFAR) looks for from the end. */
function hasZipDirectoryEnd(bytes: Buffer): boolean {
  for (const at of occurrences(bytes, ascii('PK\x05\x06'))) {
    if (at + 22 > bytes.length) return false;
    const sameCount = bytes.readUInt16LE(at + 8) === bytes.readUInt16LE(at + 10);
    const directoryFits = bytes.readUInt32LE(at + 12) <= at;
    const commentFits = at + 22 + bytes.readUInt16LE(at + 20) <= bytes.length;
    if (sameCount && directoryFits && commentFits) return true;
  }
  return false;
}

function hasBzip2(bytes: Buffer): boolean {
  for (const at of occurrences(bytes, ascii('1AY&SY'))) {
    if (at >= 4 && /^BZh[1-9]$/.test(bytes.toString('latin1', at - 4, at))) return true;
  }
  return false;
}

const FIXED_ARCHIVES: Array<[Buffer, string]> = [
  [ascii('Rar!\x1a\x07'), 'RAR archive'],
  [Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), '7-Zip archive'],
  [Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), 'XZ archive'],
  [ascii('MSCF\0\0\0\0'), 'Windows cabinet (.cab)'],
  [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'Office or installer container (.doc, .xls, .msi)'],
  [ascii('ustar\x0000'), 'TAR archive'],
  [ascii('ustar  \0'), 'TAR archive'],
];

export function findArchive(bytes: Buffer): string | undefined {
  if (hasZipEntry(bytes) || hasZipDirectoryEnd(bytes)) return 'ZIP archive (the format of .zip, .jar, .apk and .docx files)';
  for (const [signature, what] of FIXED_ARCHIVES) if (bytes.includes(signature)) return what;
  if (hasBzip2(bytes)) return 'BZIP2 archive';
  // ISO 9660 / UDF volume descriptors live at fixed offsets after a 32 KB system area any file can fill.
  for (const at of [0x8001, 0x8801, 0x9001]) {
    const id = bytes.toString('latin1', at, at + 5);
    if (id === 'CD001' || id === 'BEA01' || id === 'NSR02') return 'disk image (.iso)';
  }
  return undefined;
}

// --- markup and other documents --------------------------------------------------------------------------

// Tags and URL schemes that make a browser (or a server's template engine) run code, matched on the
// lower-cased latin1 view. Each needs ≥ 5 fixed bytes plus a delimiter, so random image data matches about
// once in 250,000 10 MB files; "<svg" and "<img" are only 4 bytes, so they also need an attribute that
// makes them dangerous (xmlns, src, on…=).
const MARKUP = new RegExp([
  '<(?:script|html|body|head|iframe|frame|frameset|object|embed|applet|meta|link|style|form|base|math|template|video|audio|jsp:\\w{1,32})[\\s/>]',
  '<(?:svg|img)[\\s/][^>]{0,256}?(?:xmlns|src|on[a-z]{2,20})\\s{0,8}=',
  '<!doctype\\s{1,8}html', '<\\?php[\\s;]', '<%@\\s{0,8}page', '<%\\s{0,8}(?:eval|execute|response\\.|request[.(])', '<!--\\s{0,8}#\\s{0,8}(?:exec|include)',
  '__halt_compiler', '<\\?xml-stylesheet', '<xsl:[a-z]',
  'javascript:', 'vbscript:', 'data:text/html',
].join('|'));

export function findMarkup(lowerLatin1: string): string | undefined {
  const match = MARKUP.exec(lowerLatin1);
  return match ? (/^<[a-z!?%@:-]+|^[a-z]+:(?:text\/html)?|^__halt_compiler/.exec(match[0])?.[0] ?? match[0]) : undefined;
}

export function findSecondDocument(bytes: Buffer, kind: AcceptedKind): string | undefined {
  if (kind === 'pdf') return undefined; // PDF-specific rules live in pdf-rules.ts
  // Acrobat accepts "%PDF-" anywhere in the first 1 KB, and other readers further in: image + PDF polyglot.
  if (bytes.includes(ascii('%PDF-'))) return 'PDF document';
  if (bytes.includes(ascii('%!PS-Adobe'))) return 'PostScript program';
  if (bytes.includes(ascii('{\\rtf'))) return 'RTF document';
  return undefined;
}

const BARE_SIGNATURES: Array<[RegExp, string]> = [
  [/PK\x03\x04|PK\x01\x02|PK\x05\x06/, 'ZIP archive signature'],
  [/MZ[\x00\x50\x78\x80\x90]\x00/, 'Windows program signature (MZ)'],
  [/\x7fELF[\x01\x02]/, 'Linux program signature (ELF)'],
  [/\xca\xfe\xba\xbe|\xfe\xed\xfa[\xce\xcf]|[\xce\xcf]\xfa\xed\xfe/, 'Java or macOS program signature'],
  [/\x00asm[\x01\x02]\x00/, 'WebAssembly signature'],
  [/Rar!\x1a|7z\xbc\xaf/, 'RAR or 7-Zip archive signature'],
];

/**
 * Short magic numbers, unvalidated. Only for bytes that should be TEXT (PDF syntax and unfiltered PDF
 * streams): there, a bare "PK\x03\x04" or "MZ\x90\x00" cannot occur by chance, and it marks a carved-in payload.
 */
export function findBareSignature(textLikeLatin1: string): string | undefined {
  return BARE_SIGNATURES.find(([pattern]) => pattern.test(textLikeLatin1))?.[1];
}

/** "a ZIP archive", "an Office container", "an XZ archive": acronyms by how their first letter is said. */
export function withArticle(what: string): string {
  const first = what.split(/[\s(]/)[0] ?? '';
  const isAcronym = /^[A-Z0-9]{2,}$/.test(first);
  const an = isAcronym ? /^[AEFHILMNORSX]/.test(first) : /^[aeiou]/i.test(first);
  return `${an ? 'an' : 'a'} ${what}`;
}

export function findForeignContent(bytes: Buffer, lowerLatin1: string, kind: AcceptedKind): ForeignContent | undefined {
  const executable = findExecutable(bytes);
  if (executable) return { category: 'executable', what: executable };
  const archive = findArchive(bytes);
  if (archive) return { category: 'archive', what: archive };
  const markup = findMarkup(lowerLatin1);
  if (markup) return { category: 'markup', what: markup };
  const document = findSecondDocument(bytes, kind);
  if (document) return { category: 'document', what: document };
  return undefined;
}
