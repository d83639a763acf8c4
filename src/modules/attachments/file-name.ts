/**
 * File names from uploads: made safe to show and to send back in Content-Disposition, and checked for a
 * dangerous claim ("invoice.pdf.exe"). The name never decides the type — content does — but a name that says
 * "program" or "web page" on top of an image is a lure aimed at whoever downloads it, so we refuse it.
 */

export const MAX_FILE_NAME_LENGTH = 120;
/** Longer raw names are not real file names but probes; refuse rather than spend work on them. */
export const MAX_RAW_FILE_NAME_LENGTH = 4096;

/**
 * Extensions that make an OS, a browser or a server run or render the file. Mismatched with image/PDF content,
 * they only exist to trick the person who opens it.
 */
export const DANGEROUS_EXTENSIONS: ReadonlySet<string> = new Set([
  // Windows programs, installers, shortcuts and script hosts
  'exe', 'dll', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'msix', 'msixbundle', 'appx', 'appxbundle',
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'ps1xml', 'psc1', 'vb', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs', 'wsf', 'wsh',
  'wsc', 'hta', 'lnk', 'url', 'scf', 'reg', 'inf', 'msc', 'gadget', 'application', 'appref-ms', 'xbap', 'jnlp',
  'chm', 'hlp', 'ocx', 'sys', 'drv', 'iqy', 'slk', 'settingcontent-ms', 'library-ms', 'search-ms', 'diagcab',
  // other platforms' programs and packages
  'jar', 'class', 'apk', 'aab', 'ipa', 'app', 'dmg', 'pkg', 'mpkg', 'command', 'deb', 'rpm', 'run', 'elf',
  'so', 'dylib', 'wasm', 'appimage', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'fish', 'py', 'pyw', 'pyc', 'pl', 'rb',
  'lua', 'tcl', 'applescript', 'scpt', 'workflow',
  // server-side scripts
  'php', 'php3', 'php4', 'php5', 'php7', 'php8', 'phtml', 'phar', 'asp', 'aspx', 'ashx', 'asmx', 'cer', 'jsp',
  'jspx', 'cgi', 'shtml', 'cfm',
  // things a browser renders and can run script in
  'html', 'htm', 'xhtml', 'xht', 'mht', 'mhtml', 'svg', 'svgz', 'xml', 'xsl', 'xslt', 'swf', 'hwp',
  // disk images and macro-enabled Office files
  'iso', 'img', 'vhd', 'vhdx', 'docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm',
]);

// Cc control, Cf format (bidi overrides U+202A–202E, isolates U+2066–2069, marks U+200E/F, zero-width,
// BOM, soft hyphen), Cs lone surrogates, Co private use, Zl/Zp separators: invisible or misleading in a name.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/gu;
const RESERVED_CHARS = /[<>:"|?*]/g; // not allowed in Windows names; also quote-breaking in headers
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const EXTENSION = /^[\p{L}\p{N}_-]{1,16}$/u;

export type SanitizedName = { base: string; claimedExtension: string | undefined };

function stripPath(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

function splitExtension(name: string): { stem: string; extension: string | undefined } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { stem: name, extension: undefined };
  const extension = name.slice(dot + 1);
  return EXTENSION.test(extension) ? { stem: name.slice(0, dot), extension } : { stem: name, extension: undefined };
}

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

/**
 * The base name to keep, or undefined when nothing usable remains (the name was only a path, dots, spaces or
 * invisible characters). Paths are stripped — a name is never a location.
 */
export function sanitizeFileName(raw: string): SanitizedName | undefined {
  let name = raw.normalize('NFC').replace(INVISIBLE, '');
  name = stripPath(name)
    .replace(RESERVED_CHARS, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, ''); // leading dots hide files and spell "..", trailing ones Windows drops
  const { stem, extension } = splitExtension(name);
  // Inner dots become "_" so no double extension survives ("x.php.png" must not reach a server as .php).
  let base = stem.replace(/\./g, '_').replace(/^[\s_]+|[\s_]+$/gu, '');
  if (base === '') return undefined;
  if (WINDOWS_DEVICE.test(base)) base = `_${base}`;
  return { base, claimedExtension: extension?.toLowerCase() };
}

/** `base.ext` within MAX_FILE_NAME_LENGTH, keeping the whole extension. */
export function buildSafeFileName(base: string, extension: string): string {
  return `${truncate(base, MAX_FILE_NAME_LENGTH - extension.length - 1)}.${extension}`;
}

/**
 * The dangerous extension a name claims, if any, read the ways different consumers read it: as sent; cut at
 * the first control character (C code stops at NUL: "a.exe\0.png"); split at ":" (NTFS streams:
 * "a.exe::$DATA"); compatibility-folded (a fullwidth "．ｅｘｅ" is ".exe" to some tools); with invisible
 * characters removed (U+202E makes "x\u202Efdp.exe" look like "xexe.pdf"); percent-decoded; trailing
 * dots/spaces dropped as Windows does.
 */
export function claimedDangerousExtension(raw: string): string | undefined {
  const readings = new Set<string>();
  const sources = [raw];
  try {
    sources.push(decodeURIComponent(raw)); // "invoice.exe%00.png" if some layer decodes it later
  } catch {
    // not valid percent-encoding: nothing more to read
  }
  for (const source of sources) {
    const firstControl = source.search(/\p{Cc}/u);
    for (const reading of [source, firstControl >= 0 ? source.slice(0, firstControl) : source]) {
      readings.add(reading).add(reading.normalize('NFKC'));
    }
  }
  for (const reading of readings) {
    for (const piece of stripPath(reading.replace(INVISIBLE, '')).split(':')) {
      const trimmed = piece.replace(/[\s.]+$/u, '');
      const dot = trimmed.lastIndexOf('.');
      if (dot < 0) continue;
      const extension = trimmed.slice(dot + 1).toLowerCase();
      if (DANGEROUS_EXTENSIONS.has(extension)) return extension;
    }
  }
  return undefined;
}

/** Content-Types a browser would run or render; claimed for an image, they signal an attack. */
const DANGEROUS_DECLARED_TYPES = new Set([
  'text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/xml', 'application/xml', 'text/xsl',
  'application/javascript', 'text/javascript', 'application/x-javascript', 'application/ecmascript',
  'text/ecmascript', 'text/vbscript', 'application/x-msdownload', 'application/x-msdos-program',
  'application/vnd.microsoft.portable-executable', 'application/x-executable', 'application/x-elf',
  'application/x-sh', 'application/x-shellscript', 'application/x-csh', 'application/x-httpd-php',
  'application/x-php', 'application/hta', 'application/x-ms-shortcut', 'application/java-archive',
  'application/x-java-archive', 'application/vnd.android.package-archive', 'application/x-msi',
  'application/x-ms-installer', 'application/x-bat', 'application/x-shockwave-flash', 'application/wasm',
  'message/rfc822', 'multipart/related',
]);

export function isDangerousDeclaredType(declaredType: string | undefined): boolean {
  if (!declaredType) return false;
  const essence = declaredType.split(';')[0]?.trim().toLowerCase() ?? '';
  return DANGEROUS_DECLARED_TYPES.has(essence);
}
