/**
 * What a PDF may not contain. A statement or a letter needs text, images and links; it never needs code.
 * Everything that runs, launches, embeds or fetches is refused (the same list PDFiD and mail gateways use).
 *
 * Checked in three layers so one trick does not beat all of them:
 *  1. names in PDF syntax, lexed with "#xx" escapes decoded ("/J#61vaScript" is "/JavaScript");
 *  2. names inside object streams (/Type /ObjStm), inflated — where modern writers put most dictionaries,
 *     and where a plain text search never looks;
 *  3. the long names (≥ 5 letters) searched byte-wise over the whole file, stream bodies included, for
 *     objects a recovering reader might pick out of data we treated as a stream.
 */
import { constants, inflateSync } from 'node:zlib';
import { findBareSignature, withArticle } from './content-scan.ts';
import { decodeName, lexPdf, type PdfStream } from './pdf-lexer.ts';

/** Names that mean active or embedded content, with what we tell the cardholder. */
const FORBIDDEN_NAMES: ReadonlyMap<string, string> = new Map([
  ['JavaScript', 'JavaScript code'],
  ['JS', 'JavaScript code'],
  ['Launch', 'an action that starts programs (/Launch)'],
  ['EmbeddedFile', 'embedded files'],
  ['EmbeddedFiles', 'embedded files'],
  ['RichMedia', 'embedded media or Flash (/RichMedia)'],
  ['RichMediaContent', 'embedded media or Flash (/RichMedia)'],
  ['XFA', 'an XFA form, which can run scripts'],
  ['SubmitForm', 'a form that sends data elsewhere (/SubmitForm)'],
  ['ImportData', 'an action that loads outside data (/ImportData)'],
  ['GoToR', 'a link that opens another file (/GoToR)'],
  ['GoToE', 'a link that opens an embedded file (/GoToE)'],
  ['Rendition', 'a media action that can run scripts (/Rendition)'],
]);

/** Readers run these without a click; named in the reason because that is what makes JS an attack. */
const AUTOMATIC_TRIGGERS = ['OpenAction', 'AA'];
/** Link targets a statement can legitimately have. Anything else (javascript:, file:, \\server\share) is refused. */
const SAFE_URI = /^\s*(?:https?:\/\/|mailto:|tel:|#)/i;
/** Inflated object streams, in total: far above any real document, low enough to stop a zip bomb. */
const INFLATE_BUDGET_BYTES = 64 * 1024 * 1024;
/** Bytes after %%EOF that writers really emit: line ends, spaces, NUL padding. */
const EOF_PADDING = /^[\0\t\n\f\r ]*$/;

const LONG_NAME_PATTERN = /\/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2}){5,40})/g;

export function checkPdf(bytes: Buffer): string | undefined {
  const text = bytes.toString('latin1');
  const eof = text.lastIndexOf('%%EOF');
  if (eof < 0) return 'The PDF is incomplete (it has no end marker). Please save or download it again.';
  if (!EOF_PADDING.test(text.slice(eof + 5))) {
    return 'The PDF has extra data hidden after its end, which we refuse for safety. Please print it to a new PDF and upload that.';
  }
  const lexed = lexPdf(bytes);
  if (!lexed.ok) return `The PDF is damaged (${lexed.damaged}), so we cannot check it. Please save it again.`;
  if (lexed.names.has('Encrypt')) {
    return 'The PDF is password-protected or encrypted, so we cannot check it. Please remove the password (or print it to a new PDF) and upload it again.';
  }
  const carved = findBareSignature(withoutFilteredStreams(bytes, lexed.streams));
  if (carved) return `The PDF contains ${withArticle(carved)} outside its compressed data, a sign of a file hidden inside. Please print it to a new PDF and upload that.`;
  const names = new Set(lexed.names);
  const uriTargets = [...lexed.uriTargets];
  const objectStreams = readObjectStreams(lexed.streams, names, uriTargets);
  if (objectStreams) return objectStreams;
  for (const match of text.matchAll(LONG_NAME_PATTERN)) names.add(decodeName(match[1] ?? ''));
  return describeForbidden(names) ?? describeUnsafeLinks(uriTargets);
}

/** The file as latin1 text with filtered (compressed, near-random) stream data blanked out. */
function withoutFilteredStreams(bytes: Buffer, streams: readonly PdfStream[]): string {
  const view = Buffer.from(bytes);
  for (const stream of streams) {
    if (stream.filters === 'indirect' || stream.filters.length > 0) view.fill(0x20, stream.start, stream.start + stream.data.length);
  }
  return view.toString('latin1');
}

function describeForbidden(names: ReadonlySet<string>): string | undefined {
  for (const [name, what] of FORBIDDEN_NAMES) {
    if (!names.has(name)) continue;
    const trigger = what === 'JavaScript code' ? AUTOMATIC_TRIGGERS.find((t) => names.has(t)) : undefined;
    const when = trigger ? ` that runs when the file is opened (/${trigger})` : '';
    return `The PDF contains ${what}${when}, which we refuse for safety. Please print it to a new PDF (or take screenshots) and upload that.`;
  }
  return undefined;
}

function describeUnsafeLinks(uriTargets: readonly string[]): string | undefined {
  const unsafe = uriTargets.find((target) => !SAFE_URI.test(target));
  if (unsafe === undefined) return undefined;
  const scheme = /^\s*([a-z][a-z0-9+.-]*:|\\\\)/i.exec(unsafe)?.[1] ?? 'an unusual';
  return `The PDF contains a link of type "${scheme}" that could run code or reach your computer's files, which we refuse for safety. Please print it to a new PDF and upload that.`;
}

/**
 * Inflates every object stream and adds the names and links found in it. An object stream we cannot read
 * is refused rather than trusted: an unusual filter is the way to hide from a checker.
 */
function readObjectStreams(streams: readonly PdfStream[], names: Set<string>, uriTargets: string[]): string | undefined {
  let budget = INFLATE_BUDGET_BYTES;
  for (const stream of streams) {
    // /First (offset of the first object) is required for any reader to use an object stream, whatever /Type says.
    if (!stream.names.has('ObjStm') && !stream.names.has('First')) continue;
    const filters = stream.filters;
    const isFlate = Array.isArray(filters) && filters.length === 1 && (filters[0] === 'FlateDecode' || filters[0] === 'Fl');
    const isPlain = Array.isArray(filters) && filters.length === 0;
    if ((!isFlate && !isPlain) || stream.hasDecodeParms) {
      return 'The PDF stores its contents in an unusual encoding we cannot check. Please print it to a new PDF and upload that.';
    }
    let decoded: Buffer;
    try {
      // Z_SYNC_FLUSH decodes a stream that lacks its checksum, as readers do, instead of failing on it.
      decoded = isPlain ? stream.data : inflateSync(stream.data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: Math.max(1, budget) });
    } catch {
      return 'The PDF is damaged or too complex to check. Please save it again or print it to a new PDF.';
    }
    budget -= decoded.length;
    const inner = lexPdf(decoded);
    if (!inner.ok) return `The PDF is damaged (${inner.damaged}), so we cannot check it. Please save it again.`;
    for (const name of inner.names) names.add(name);
    uriTargets.push(...inner.uriTargets);
  }
  return undefined;
}
