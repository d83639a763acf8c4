import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tinyJpeg, tinyPdf, tinyPng } from './attachment-fixtures.ts';
import { type AttachmentInspection, inspectAttachment } from './index.ts';

async function safeName(fileName: string, bytes = tinyPng()): Promise<string> {
  const result = await inspectAttachment({ bytes, fileName });
  assert.equal(result.ok, true, `expected ${JSON.stringify(fileName)} to be accepted: ${JSON.stringify(result)}`);
  return result.ok ? result.safeFileName : '';
}

function reasonOf(result: AttachmentInspection): string {
  assert.equal(result.ok, false);
  return result.ok ? '' : result.reason;
}

describe('file names are made safe, and the extension follows the content', () => {
  test('Unix path traversal is stripped to the last component', async () => {
    assert.equal(await safeName('../../../etc/passwd.png'), 'passwd.png');
  });

  test('Windows paths and UNC prefixes are stripped', async () => {
    assert.equal(await safeName('C:\\Users\\ana\\Desktop\\receipt.jpg'), 'receipt.png');
    assert.equal(await safeName('\\\\server\\share\\..\\scan.png'), 'scan.png');
  });

  test('bidi override and isolate characters are removed', async () => {
    assert.equal(await safeName('inv\u202Eoice\u2066\u200F.png'), 'invoice.png');
  });

  test('control characters and zero-width characters are removed', async () => {
    assert.equal(await safeName('re\u0007ce\u0000ipt\r\n\u200B\uFEFF.png'), 'receipt.png');
  });

  test('the extension is the detected one, whatever the name claims', async () => {
    assert.equal(await safeName('scan.jpg'), 'scan.png');
    assert.equal(await safeName('statement', tinyPdf()), 'statement.pdf');
    assert.equal(await safeName('photo.PNG', tinyJpeg()), 'photo.jpg');
  });

  test('inner dots become underscores, so no double extension survives', async () => {
    assert.equal(await safeName('shell.php.png'), 'shell_php.png');
    assert.equal(await safeName('a.b.c.png'), 'a_b_c.png');
  });

  test('leading dots (hidden files) and trailing dots and spaces are dropped', async () => {
    assert.equal(await safeName('.htaccess.png'), 'htaccess.png');
    assert.equal(await safeName('  receipt.png. . '), 'receipt.png');
  });

  test('characters Windows forbids are replaced', async () => {
    assert.equal(await safeName('a<b>c:d"e|f?g*h.png'), 'a_b_c_d_e_f_g_h.png');
  });

  test('Windows device names get a prefix', async () => {
    assert.equal(await safeName('CON.png'), '_CON.png');
  });

  test('long names are cut to 120 characters, keeping the extension', async () => {
    const name = await safeName(`${'a'.repeat(300)}.png`);
    assert.equal(name.length, 120);
    assert.ok(name.endsWith('a.png'));
  });

  test('cutting never splits an emoji (surrogate pair)', async () => {
    const name = await safeName(`${'😀'.repeat(100)}.png`);
    assert.ok(name.length <= 120);
    assert.equal(/\p{Cs}/u.test(name), false, 'no lone surrogate');
  });

  test('letters from any script are kept', async () => {
    assert.equal(await safeName('extracto de cuenta – José Ñúñez.png'), 'extracto de cuenta – José Ñúñez.png');
  });
});

describe('names that are not names', () => {
  for (const fileName of ['', '   ', '..', '../..', '/', '\u202E', '...', '\u0000\u0007', 'C:\\Users\\']) {
    test(`${JSON.stringify(fileName)} → attachment_name_invalid (400)`, async () => {
      const result = await inspectAttachment({ bytes: tinyPng(), fileName });
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.code, 'attachment_name_invalid');
      assert.equal(!result.ok && result.status, 400);
    });
  }

  test('an absurdly long name is refused rather than processed', async () => {
    const result = await inspectAttachment({ bytes: tinyPng(), fileName: `${'x'.repeat(5000)}.png` });
    assert.equal(!result.ok && result.code, 'attachment_name_invalid');
  });
});

describe('a name claiming a dangerous type is refused even when the content is an image', () => {
  const lures: Array<[string, string]> = [
    ['invoice.pdf.exe', 'exe'],
    ['photo.html', 'html'],
    ['logo.svg', 'svg'],
    ['script.js', 'js'],
    ['setup.msi', 'msi'],
    ['run.ps1', 'ps1'],
    ['shortcut.lnk', 'lnk'],
    ['page.xhtml', 'xhtml'],
    ['shell.php', 'php'],
    ['INVOICE.PDF.EXE', 'exe'],
    ['invoice.exe.', 'exe'],
    ['invoice.exe   ', 'exe'],
    ['invoice.exe::$DATA', 'exe'],
    ['invoice.exe\u0000.png', 'exe'],
    ['invoice\u202Egnp.exe', 'exe'],
    ['invoice\uFF0Eexe', 'exe'],
    ['invoice.exe%00.png', 'exe'],
    ['invoice%2Ehta', 'hta'],
  ];
  for (const [fileName, extension] of lures) {
    test(`${JSON.stringify(fileName)} with PNG content is refused, naming ".${extension}"`, async () => {
      const result = await inspectAttachment({ bytes: tinyPng(), fileName });
      assert.equal(!result.ok && result.code, 'attachment_type_refused');
      assert.equal(!result.ok && result.status, 415);
      assert.match(reasonOf(result), new RegExp(`PNG, but its name ends in "\\.${extension}"`));
    });
  }

  test('a PDF named invoice.pdf.exe is refused', async () => {
    const result = await inspectAttachment({ bytes: tinyPdf(), fileName: 'invoice.pdf.exe' });
    assert.match(reasonOf(result), /PDF, but its name ends in "\.exe"/);
  });

  test('a dangerous declared type (text/html) on a PNG is refused', async () => {
    const result = await inspectAttachment({ bytes: tinyPng(), fileName: 'a.png', declaredType: 'text/html; charset=utf-8' });
    assert.match(reasonOf(result), /sent as "text\/html"/);
  });

  test('a harmless mismatch (image named .pdf or .docx) is accepted and renamed', async () => {
    assert.equal(await safeName('statement.pdf'), 'statement.png');
    assert.equal(await safeName('letter.docx'), 'letter.png');
  });
});
