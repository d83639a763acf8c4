/**
 * Says, in plain words, what a refused file IS. The refusal itself does not depend on this (anything outside
 * the allow-list is refused); the words tell the cardholder why and what to send instead, and tell an agent
 * reviewing refusals whether someone was probing.
 */
import type { FileTypeResult } from 'file-type';
import { findArchive, findExecutable, withArticle } from './content-scan.ts';

const EXECUTABLES = new Set(['exe', 'elf', 'macho', 'class', 'wasm', 'swf', 'crx', 'xpi', 'apk', 'jar', 'deb', 'rpm', 'dmg', 'lnk', 'chm', 'reg', 'asar', 'alias']);
const OFFICE_ZIPS = new Set(['docx', 'pptx', 'xlsx', 'odt', 'ods', 'odp', 'odg', 'otg', 'ott', 'ots', 'otp', 'potx', 'xltx', 'dotx', 'xltm', 'xlsm', 'docm', 'dotm', 'potm', 'pptm', 'ppsm', 'ppsx', 'vsdx', '3mf', 'epub']);
const ARCHIVES = new Set(['zip', 'tar', 'rar', 'gz', 'tar.gz', 'bz2', '7z', 'xz', 'cab', 'ar', 'Z', 'lz', 'lzh', 'zst', 'cpio', 'arj', 'ace', 'lz4']);
const OTHER_IMAGES = new Set(['heic', 'avif', 'tif', 'bmp', 'ico', 'cur', 'psd', 'jxl', 'jp2', 'jpx', 'jpm', 'j2c', 'mj2', 'jxr', 'jls', 'icns', 'xcf', 'flif', 'bpg', 'cr2', 'cr3', 'orf', 'arw', 'dng', 'nef', 'rw2', 'raf', 'ktx']);
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jpe', 'jfif', 'gif', 'webp', 'bmp', 'heic', 'heif', 'tif', 'tiff', 'avif', 'ico']);

/** What the upload claimed to be, to call out a disguise. */
export type Claim = { extension: string | undefined; declaredType: string | undefined };

const TEXT_SAMPLE_BYTES = 64 * 1024;
/** Acrobat and other readers find "%PDF-" anywhere in the first 1024 bytes (ISO 32000-2 Annex H tolerance). */
export const PDF_HEADER_ALLOWANCE = 1024;

// Bounded quantifiers and [ \t] (not \s) after ^: these run on hostile input, so no pattern may backtrack
// quadratically (e.g. "function" followed by 60 KB of spaces, or 60 KB of blank lines).
const POWERSHELL = /\b(?:invoke-expression|invoke-webrequest|invoke-restmethod|new-object[ \t]{1,8}(?:net\.webclient|system\.)|write-host|set-executionpolicy|start-process|downloadstring|frombase64string|get-childitem|add-type)\b|\$env:|\biex[ \t]{0,8}[("$]|^[ \t]*param[ \t]{0,8}\(/im;
const BATCH = /^[ \t]*@?echo[ \t]{1,8}off\b|\bcmd(?:\.exe)?[ \t]{1,8}\/[ck]\b|%~dp0|^[ \t]*(?:goto|rem|setlocal|call)[ \t]|%comspec%|^[ \t]*start[ \t]{1,8}""?/im;
const VBSCRIPT = /\bcreateobject[ \t]{0,8}\(|\bend[ \t]{1,8}(?:sub|function)\b|^[ \t]*dim[ \t]{1,8}\w|\bmsgbox\b|\bon[ \t]+error[ \t]+resume[ \t]+next\b/im;
const JAVASCRIPT = /\b(?:function[ \t]{0,8}[\w$]{0,64}[ \t]{0,8}\(|(?:var|let|const)[ \t]{1,8}[\w$]{1,64}[ \t]{0,8}=|document\.|window\.|eval[ \t]{0,8}\(|require[ \t]{0,8}\(|new[ \t]{1,8}activexobject|import[ \t]{1,8}[\w{*]|export[ \t]{1,8}(?:default|const|function))|=>[ \t]{0,8}[{(\w]/;
const HTML = /<!doctype[ \t\r\n]{1,8}html|<(?:html|head|body|script|iframe|frameset|object|embed|img|a[ \t\r\n]{1,8}href|div|p|form|meta|style|link)[\s>/]/i;

function isMostlyText(sample: Buffer): boolean {
  if (sample.length === 0) return false;
  let printable = 0;
  for (const byte of sample) {
    if (byte === 0) return false; // binary formats are full of NULs; text never has them
    if (byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) printable++;
  }
  return printable / sample.length > 0.95;
}

function disguise(claim: Claim, what: string): string {
  const ext = claim.extension;
  if (what.includes('PDF')) return ''; // a buried or prefixed PDF: "named like a PDF" would only confuse
  if (ext && IMAGE_EXTENSIONS.has(ext)) return ` It is named like an image (.${ext}), but it is not one.`;
  if (ext === 'pdf') return ' It is named like a PDF (.pdf), but it is not one.';
  if (claim.declaredType?.toLowerCase().startsWith('image/')) return ' It was sent as an image, but it is not one.';
  return '';
}

/** What a text-like (or unrecognised) file is: scripts, markup, buried PDF headers, or plain text. */
function describeUnrecognised(bytes: Buffer): string {
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  const text = sample.toString('latin1').replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('#!')) return `a script (it starts with "${trimmed.slice(0, 30).split(/\r?\n/)[0]}")`;
  const binary = findExecutable(bytes) ?? findArchive(bytes);
  if (binary) return withArticle(binary);
  const pdfAt = bytes.indexOf('%PDF-', 0, 'latin1');
  if (pdfAt > 0 && pdfAt <= PDF_HEADER_ALLOWANCE) return `a PDF with ${pdfAt} bytes of other data before its header (a trick to make one file be two kinds)`;
  if (pdfAt > PDF_HEADER_ALLOWANCE) return 'a file with a PDF hidden deep inside it';
  if (/<svg[\s/>]/i.test(text)) return 'an SVG drawing, which can carry scripts';
  if (/xmlns[ \t\r\n]{0,8}=[ \t\r\n]{0,8}["']http:\/\/www\.w3\.org\/1999\/xhtml/i.test(text)) return 'an XHTML web page';
  if (HTML.test(text)) return 'an HTML web page';
  if (/<\?php/i.test(text)) return 'a PHP script';
  if (POWERSHELL.test(text)) return 'a PowerShell script';
  if (JAVASCRIPT.test(text)) return 'a JavaScript program';
  if (VBSCRIPT.test(text)) return 'a VBScript program';
  if (BATCH.test(text)) return 'a Windows batch script';
  if (/^\s*<\?xml/i.test(text)) return 'an XML file';
  if (isMostlyText(sample)) return 'plain text';
  return 'a kind of file we do not recognise';
}

function describeDetected(detected: FileTypeResult, bytes: Buffer): string {
  const ext = detected.ext;
  if (ext === 'xml') return describeUnrecognised(bytes);
  if (EXECUTABLES.has(ext)) return `a program or app package (.${ext})`;
  if (OFFICE_ZIPS.has(ext)) return `an Office document (.${ext}), which is a ZIP archive that can carry macros`;
  if (ARCHIVES.has(ext)) return `a compressed archive (.${ext})`;
  if (ext === 'cfb') return 'an Office or installer container (.doc, .xls, .msi)';
  if (ext === 'heic' || ext === 'avif') return `a ${ext.toUpperCase()} photo, which our agents' browsers cannot open`;
  if (OTHER_IMAGES.has(ext)) return `an image format we do not accept (.${ext})`;
  if (ext === 'ps' || ext === 'eps') return 'a PostScript program';
  if (ext === 'rtf') return 'an RTF document, which can carry embedded objects';
  return `a .${ext} file (${detected.mime})`;
}

export function describeRefusedContent(bytes: Buffer, detected: FileTypeResult | undefined, claim: Claim, accepted: string): string {
  const what = detected ? describeDetected(detected, bytes) : describeUnrecognised(bytes);
  const advice = what.includes('HEIC') || what.includes('AVIF')
    ? ' Please send it as a JPEG (on iPhone: Settings › Camera › Formats › Most Compatible) or take a screenshot.'
    : ` We accept ${accepted} files only.`;
  return `This file is ${what}.${disguise(claim, what)}${advice}`;
}
