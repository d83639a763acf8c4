import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { TriageError } from './triage-error.ts';

/** One labelled example and the line of the file it starts on (for error messages). */
export type LabelledExample = { text: string; label: string; line: number };

/** Longest text accepted in training data and by the classifier (longer messages are classified on their start). */
export const MAX_TEXT_CHARS = 10_000;
/**
 * Label names key the labels configuration and appear in logs: printable, at most 100 characters. Public data
 * sets are not tidy (Banking77 has "Refund_not_showing_up" and "reverted_card_payment?"), so no stricter shape.
 */
export const LABEL_PATTERN = /^[^\p{C}]{1,100}$/u;

type Options = {
  /** Name used in error messages, e.g. the file path. */
  source?: string;
  /** When given, every label must be one of these (the labels configuration, or a model's labels). */
  knownLabels?: ReadonlySet<string>;
  /** What the known labels are, for the error message ("the labels configuration"). */
  knownLabelsFrom?: string;
};

type Row = { record: string[]; info: { bytes: number } };

/**
 * Parses a labelled CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes; UTF-8, optional BOM)
 * with the header `text,label` (`text,category` is accepted too, as in public intent data sets). Every problem
 * is a TriageError naming the line where the offending record starts.
 */
export function parseLabelledCsv(content: string, options: Options = {}): LabelledExample[] {
  const source = options.source ?? 'CSV';
  const bytes = Buffer.from(content, 'utf8');
  let rows: Row[];
  try {
    rows = parse(bytes, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Row[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    // csv-parse's messages already say "at line N"; keep them, prefixed with the source.
    throw new TriageError('malformed_csv', `${source}: malformed CSV${e.lines ? ` at line ${e.lines}` : ''}: ${e.message}`);
  }
  const lineOf = lineCounter(bytes);
  const lines = rows.map((row, i) => lineOf(i === 0 ? 0 : rows[i - 1]!.info.bytes));
  const first = rows[0];
  if (!first) throw new TriageError('malformed_csv', `${source}: the file is empty; expected a header line "text,label"`);
  const header = first.record.map((h) => h.trim().toLowerCase());
  const textCol = header.indexOf('text');
  const labelCol = header.findIndex((h) => h === 'label' || h === 'category');
  if (header.length !== 2 || textCol < 0 || labelCol < 0) {
    throw new TriageError('malformed_csv', `${source}: line ${lines[0]}: the header must be "text,label", found "${first.record.join(',')}"`);
  }
  const examples: LabelledExample[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const line = lines[i]!;
    const at = `${source}: line ${line}`;
    if (row.record.length !== 2) {
      throw new TriageError('malformed_csv', `${at}: expected 2 fields (text,label), found ${row.record.length}${row.record.length > 2 ? ' — quote a text that contains commas' : ''}`);
    }
    const text = row.record[textCol]!.trim();
    const label = row.record[labelCol]!.trim();
    if (!text) throw new TriageError('malformed_csv', `${at}: the text is empty`);
    if (text.length > MAX_TEXT_CHARS) throw new TriageError('malformed_csv', `${at}: the text has ${text.length} characters; the limit is ${MAX_TEXT_CHARS}`);
    if (!label) throw new TriageError('malformed_csv', `${at}: the label is empty`);
    if (!LABEL_PATTERN.test(label)) {
      throw new TriageError('unknown_label', `${at}: "${label}" is not a label name (at most 100 printable characters)`);
    }
    if (options.knownLabels && !options.knownLabels.has(label)) {
      throw new TriageError('unknown_label', `${at}: unknown label "${label}" (not in ${options.knownLabelsFrom ?? 'the known labels'})`);
    }
    examples.push({ text, label, line });
  }
  if (examples.length === 0) throw new TriageError('malformed_csv', `${source}: no examples after the header`);
  return examples;
}

export function readLabelledCsv(path: string, options: Omit<Options, 'source'> = {}): LabelledExample[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new TriageError('file_unreadable', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseLabelledCsv(content, { ...options, source: path });
}

/**
 * Line numbers from byte offsets: a record starts where the previous one ended (csv-parse's info.bytes), after
 * any blank lines. Counting here rather than trusting csv-parse's line count keeps CRLF files right.
 * Offsets must be asked for in increasing order.
 */
function lineCounter(bytes: Buffer): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    let pos = offset;
    while (pos < bytes.length && (bytes[pos] === 0x0a || bytes[pos] === 0x0d)) pos++;
    for (; at < pos; at++) if (bytes[at] === 0x0a) line++;
    return line;
  };
}
