import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { latin1, peBytes, tinyJpeg, tinyPdf, tinyPng } from './attachment-fixtures.ts';
import { type AttachmentInput, inspectMessageAttachments } from './index.ts';

const png = (fileName: string): AttachmentInput => ({ bytes: tinyPng(), fileName });

describe('attachments of one message', () => {
  test('five good files are all accepted, in order', async () => {
    const list = [png('a.png'), { bytes: tinyJpeg(), fileName: 'b.jpg' }, { bytes: tinyPdf(), fileName: 'c.pdf' }, png('d.png'), png('e.png')];
    const result = await inspectMessageAttachments(list);
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.attachments.map((a) => a.safeFileName), ['a.png', 'b.jpg', 'c.pdf', 'd.png', 'e.png']);
  });

  test('six files → too_many_attachments (400), before any file is read', async () => {
    const list = Array.from({ length: 6 }, (_, i) => ({ bytes: peBytes(), fileName: `${i}.exe` }));
    const result = await inspectMessageAttachments(list);
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, 'too_many_attachments');
    assert.equal(!result.ok && result.status, 400);
    assert.match(!result.ok ? result.reason : '', /at most 5 attachments; this one has 6/);
    assert.deepEqual(!result.ok && result.results, []);
  });

  test('the per-message count is configurable', async () => {
    const result = await inspectMessageAttachments([png('a.png'), png('b.png')], { maxPerMessage: 1 });
    assert.equal(!result.ok && result.code, 'too_many_attachments');
    assert.equal((await inspectMessageAttachments([png('a.png')], { maxPerMessage: 1 })).ok, true);
  });

  test('one bad file refuses the whole message, naming the file and keeping every result', async () => {
    const list = [png('a.png'), { bytes: latin1('#!/bin/sh\nid\n'), fileName: 'b.png' }, { bytes: Buffer.alloc(0), fileName: 'c.png' }];
    const result = await inspectMessageAttachments(list);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.code, 'attachment_type_refused');
    assert.equal(result.status, 415);
    assert.match(result.reason, /^File 2 \("b\.png"\): This file is a script.*\(1 more file was refused too\)$/);
    assert.deepEqual(result.results.map((r) => r.ok), [true, false, false]);
  });

  test('the file name echoed in a reason has its bidi and control characters removed', async () => {
    const result = await inspectMessageAttachments([{ bytes: Buffer.alloc(0), fileName: 'a\u202Egnp.exe\u0000' }]);
    assert.match(!result.ok ? result.reason : '', /^File 1 \("agnp\.exe"\)/);
  });

  test('an empty message is fine', async () => {
    assert.deepEqual(await inspectMessageAttachments([]), { ok: true, attachments: [] });
  });

  test('files that end up with the same name are told apart', async () => {
    const result = await inspectMessageAttachments([png('scan.png'), png('scan.jpg'), png('SCAN.png')]);
    assert.deepEqual(result.ok && result.attachments.map((a) => a.safeFileName), ['scan.png', 'scan (2).png', 'SCAN (3).png']);
  });
});
