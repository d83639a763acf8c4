import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLabelledCsv } from './labelled-csv.ts';
import { TriageError } from './triage-error.ts';

function fails(content: string, pattern: RegExp, options: Parameters<typeof parseLabelledCsv>[1] = {}): void {
  assert.throws(
    () => parseLabelledCsv(content, { source: 'data.csv', ...options }),
    (error: unknown) => error instanceof TriageError && pattern.test(error.message),
  );
}

describe('labelled CSV', () => {
  it('reads quoted fields, doubled quotes, commas and newlines inside quotes, with the line each record starts on', () => {
    const csv = 'text,label\n"Hello, I need help",contact_human\n"He said ""stolen""\nthen hung up",scam_report\nplain text,general_question\n';
    assert.deepEqual(parseLabelledCsv(csv), [
      { text: 'Hello, I need help', label: 'contact_human', line: 2 },
      { text: 'He said "stolen"\nthen hung up', label: 'scam_report', line: 3 },
      { text: 'plain text', label: 'general_question', line: 5 },
    ]);
  });

  it('accepts a BOM, CRLF line ends, blank lines and the header text,category', () => {
    const csv = '\ufefftext,category\r\nwhere is my card,card_arrival\r\n\r\n"two\r\nlines",Refund_not_showing_up\r\n';
    assert.deepEqual(
      parseLabelledCsv(csv).map((e) => [e.text, e.label, e.line]),
      [
        ['where is my card', 'card_arrival', 2],
        ['two\r\nlines', 'Refund_not_showing_up', 4],
      ],
    );
  });

  it('names the line of a malformed quote', () => {
    fails('text,label\nok,a\n"broken"x,b\n', /data\.csv: malformed CSV at line 3/);
    fails('text,label\nok,a\n"never closed,b\n', /data\.csv: malformed CSV at line 3/);
  });

  it('names the line of a record with the wrong number of fields', () => {
    fails('text,label\nok,a\ntoo,many,fields\n', /data\.csv: line 3: expected 2 fields \(text,label\), found 3 — quote a text/);
    fails('text,label\nok,a\n"multi\nline",b\nlonely\n', /line 5: expected 2 fields/);
  });

  it('refuses empty texts and labels, naming the line', () => {
    fails('text,label\nok,a\n  ,b\n', /line 3: the text is empty/);
    fails('text,label\nok,a\nsome text,\n', /line 3: the label is empty/);
  });

  it('refuses a label outside the known labels, naming the line and where they come from', () => {
    const known = new Set(['fraud_unauthorized', 'card_declined']);
    fails('text,label\nx,fraud_unauthorized\ny,card_decline\n', /line 3: unknown label "card_decline" \(not in labels\.json\)/, { knownLabels: known, knownLabelsFrom: 'labels.json' });
  });

  it('refuses a missing or wrong header and an empty file', () => {
    fails('', /data\.csv: the file is empty/);
    fails('message,intent\nx,y\n', /line 1: the header must be "text,label"/);
    fails('text,label\n', /no examples after the header/);
  });

  it('refuses a text over the length limit', () => {
    fails(`text,label\n${'a'.repeat(10_001)},x\n`, /line 2: the text has 10001 characters; the limit is 10000/);
  });
});
