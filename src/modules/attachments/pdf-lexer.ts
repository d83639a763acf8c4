/**
 * A small PDF tokenizer (ISO 32000-1 §7.2–7.3): just enough to list the NAMES used in PDF syntax, to find
 * each stream's dictionary and data, and to read the targets of URI actions.
 *
 * Why a lexer and not a text search: "/JS" is three bytes, so a plain search finds it by chance inside
 * compressed streams (about one 10 MB PDF in 30), and it cannot tell a name from the same letters inside a
 * string. Lexing the way readers do — strings, comments and stream bodies skipped, "#xx" escapes in names
 * decoded — gives a precise list of names without that noise.
 */

export type PdfStream = {
  /** Names used in the stream's dictionary (and anywhere else in its object before the data). */
  names: ReadonlySet<string>;
  /** Filter chain: [] when none, 'indirect' when the chain is a reference we do not follow. */
  filters: string[] | 'indirect';
  hasDecodeParms: boolean;
  /** Offset of the data in the lexed buffer. */
  start: number;
  data: Buffer;
};

export type PdfLexResult =
  | { ok: true; names: Set<string>; streams: PdfStream[]; uriTargets: string[] }
  | { ok: false; damaged: string };

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]); // ( ) < > [ ] { } / %
const isRegular = (byte: number | undefined) => byte !== undefined && !WHITESPACE.has(byte) && !DELIMITERS.has(byte);
const ENDSTREAM = Buffer.from('endstream', 'latin1');

export function decodeName(raw: string): string {
  if (!raw.includes('#')) return raw;
  return raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Literal string body (between the outer parentheses) with its backslash escapes applied (§7.3.4.2). */
function decodeLiteral(raw: string): string {
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
  return raw.replace(/\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))/gs, (_, octal?: string, _eol?: string, char?: string) => {
    if (octal) return String.fromCharCode(Number.parseInt(octal, 8) & 0xff);
    if (char !== undefined) return simple[char] ?? char;
    return ''; // an escaped line break continues the string
  });
}

function decodeHex(raw: string): string {
  const hex = raw.replace(/[^0-9A-Fa-f]/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1');
}

/** Index just past the ")" closing the literal string opened at `open`, or -1 when it never closes. */
function skipLiteralString(bytes: Buffer, open: number): number {
  let depth = 0;
  for (let at = open; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === 0x5c) at++; // backslash escapes the next byte, including parentheses
    else if (byte === 0x28) depth++;
    else if (byte === 0x29 && --depth === 0) return at + 1;
  }
  return -1;
}

/** What we remember about the object being read, to describe the stream that may follow. */
type ObjectState = {
  names: Set<string>;
  filters: string[] | 'indirect';
  hasDecodeParms: boolean;
  length: number | undefined;
  expect: 'filter' | 'filter-array' | 'length' | undefined;
  lastName: string | undefined;
};

const freshObject = (): ObjectState => ({
  names: new Set(), filters: [], hasDecodeParms: false, length: undefined, expect: undefined, lastName: undefined,
});

function onName(state: ObjectState, name: string): void {
  if (state.expect === 'filter') { state.filters = [name]; state.expect = undefined; }
  else if (state.expect === 'filter-array' && Array.isArray(state.filters)) state.filters.push(name);
  else state.expect = name === 'Filter' ? 'filter' : name === 'Length' ? 'length' : undefined;
  if (name === 'DecodeParms') state.hasDecodeParms = true;
  state.names.add(name);
  state.lastName = name;
}

function onOtherToken(state: ObjectState, token: string): void {
  if (state.expect === 'filter') {
    if (token === '[') { state.filters = []; state.expect = 'filter-array'; return; }
    state.filters = 'indirect'; // "/Filter 12 0 R"
  } else if (state.expect === 'filter-array' && token === ']') state.expect = undefined;
  else if (state.expect === 'length' && /^\d+$/.test(token)) { state.length = Number(token); state.expect = undefined; return; }
  else if (token === 'R') state.length = undefined; // "/Length 12 0 R": indirect, use the endstream keyword
  if (state.expect !== 'filter-array') state.expect = undefined;
  state.lastName = undefined;
}

/** Tokenizes `bytes` (a whole file or a decoded object stream). */
export function lexPdf(bytes: Buffer): PdfLexResult {
  const names = new Set<string>();
  const streams: PdfStream[] = [];
  const uriTargets: string[] = [];
  let state = freshObject();
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at] as number;
    if (WHITESPACE.has(byte)) { at++; continue; }
    if (byte === 0x25) { // % comment to end of line
      while (at < bytes.length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) at++;
      continue;
    }
    if (byte === 0x28) {
      const close = skipLiteralString(bytes, at);
      if (close < 0) return { ok: false, damaged: 'a text string never ends' };
      if (state.lastName === 'URI') uriTargets.push(decodeLiteral(bytes.toString('latin1', at + 1, close - 1)));
      onOtherToken(state, '(string)');
      at = close;
      continue;
    }
    if (byte === 0x3c && bytes[at + 1] !== 0x3c) {
      const close = bytes.indexOf(0x3e, at);
      if (close < 0) return { ok: false, damaged: 'a hex string never ends' };
      if (state.lastName === 'URI') uriTargets.push(decodeHex(bytes.toString('latin1', at + 1, close)));
      onOtherToken(state, '<hex>');
      at = close + 1;
      continue;
    }
    if (byte === 0x3c || byte === 0x3e) { at += bytes[at + 1] === byte ? 2 : 1; continue; } // << >>
    if (byte === 0x2f) {
      let end = at + 1;
      while (isRegular(bytes[end])) end++;
      const name = decodeName(bytes.toString('latin1', at + 1, end));
      names.add(name);
      onName(state, name);
      at = end;
      continue;
    }
    if (DELIMITERS.has(byte)) { onOtherToken(state, String.fromCharCode(byte)); at++; continue; }
    let end = at;
    while (isRegular(bytes[end])) end++;
    const token = bytes.toString('latin1', at, end);
    at = end;
    if (token === 'obj' || token === 'endobj') { state = freshObject(); continue; }
    if (token !== 'stream') { onOtherToken(state, token); continue; }
    const stream = readStream(bytes, at, state);
    if ('damaged' in stream) return { ok: false, damaged: stream.damaged };
    streams.push(stream.stream);
    at = stream.resumeAt;
    state = freshObject();
  }
  return { ok: true, names, streams, uriTargets };
}

/**
 * Stream data runs from after the EOL following "stream" to the first "endstream". When a direct /Length
 * says it ends earlier, lexing resumes there, so bytes a Length-trusting reader parses as objects are never
 * skipped by us (the unchecked-gap trick).
 */
function readStream(bytes: Buffer, afterKeyword: number, state: ObjectState):
  { stream: PdfStream; resumeAt: number } | { damaged: string } {
  let start = afterKeyword;
  if (bytes[start] === 0x0d) start++;
  if (bytes[start] === 0x0a) start++;
  const endKeyword = bytes.indexOf(ENDSTREAM, start);
  if (endKeyword < 0) return { damaged: 'a stream has no end' };
  let end = endKeyword;
  if (bytes[end - 1] === 0x0a) end--;
  if (bytes[end - 1] === 0x0d) end--;
  const declaredEnd = state.length === undefined ? end : start + state.length;
  const stream = { names: state.names, filters: state.filters, hasDecodeParms: state.hasDecodeParms, start, data: bytes.subarray(start, Math.max(start, end)) };
  const resumeAt = declaredEnd < end ? declaredEnd : endKeyword + ENDSTREAM.length;
  return { stream, resumeAt };
}
