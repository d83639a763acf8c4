import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { DEFAULT_LABELS_PATH, DEFAULT_MODEL_PATH, DEFAULT_TRAINING_DATA_PATH } from './create-triage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'triage-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run triage -- …` without npm's banner. */
function triage(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/triage.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('npm run triage', () => {
  it('eval ends with the accuracy and macro-F1 lines', () => {
    const r = triage('eval', '--data', DEFAULT_TRAINING_DATA_PATH, '--model', DEFAULT_MODEL_PATH);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines.at(-2)!, /^accuracy: [01]\.\d{4}$/);
    assert.match(lines.at(-1)!, /^macro_f1: [01]\.\d{4}$/);
  });

  it('train writes a model that eval and classify read', () => {
    const csv = file('small.csv', 'text,label\n"where is my card, it has not come",card_delivery\nmy card never arrived,card_delivery\nthe new card is late,card_delivery\ncharged twice for one thing,duplicate_charge\ndouble charge at the shop,duplicate_charge\nsame purchase billed twice,duplicate_charge\n');
    const out = path.join(dir, 'small.bin');
    const trained = triage('train', '--data', csv, '--out', out, '--hidden', '8', '--members', '1', '--workers', '0');
    assert.equal(trained.code, 0, trained.stderr);
    assert.match(trained.stdout, /trained .*small\.bin: 6 examples, 2 labels/);
    assert.match(triage('eval', '--data', csv, '--model', out).stdout, /accuracy: 1\.0000\nmacro_f1: 1\.0000\n$/);
    const classified = JSON.parse(triage('classify', '--model', out, 'my card has not arrived yet').stdout) as { label: string; confidence: number };
    assert.equal(classified.label, 'card_delivery');
    assert.ok(classified.confidence > 0.5 && classified.confidence <= 1);
  });

  it('classify with the default model answers the route', () => {
    const r = triage('classify', 'I lost my credit card at the mall');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      (({ label, caseType, fallbackToHuman }) => ({ label, caseType, fallbackToHuman }))(JSON.parse(r.stdout)),
      { label: 'card_lost_stolen', caseType: 'card_services', fallbackToHuman: false },
    );
  });

  it('refuses empty text', () => {
    const r = triage('classify', '--model', DEFAULT_MODEL_PATH, '   ');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^triage: the text to classify is empty/);
  });

  it('refuses training data with a label the configuration does not map, naming the line', () => {
    const csv = file('unknown.csv', 'text,label\nmy card was stolen,card_lost_stolen\n"a text\nover two lines",card_stolen\n');
    const r = triage('train', '--data', csv, '--labels', DEFAULT_LABELS_PATH, '--out', path.join(dir, 'x.bin'));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /unknown\.csv: line 3: unknown label "card_stolen" \(not in .*labels\.json\)/);
  });

  it('refuses malformed CSV, naming the line', () => {
    const csv = file('bad.csv', 'text,label\nfine,a\n"unterminated,b\n');
    const r = triage('train', '--data', csv, '--out', path.join(dir, 'x.bin'));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /bad\.csv: malformed CSV at line 3/);
  });

  it('refuses a model file of another version, with the reason', () => {
    const bytes = Buffer.from(readFileSync(DEFAULT_MODEL_PATH));
    bytes.writeUInt32LE(99, 8);
    const r = triage('eval', '--data', DEFAULT_TRAINING_DATA_PATH, '--model', file('v99.bin', bytes));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /v99\.bin has model format version 99, but this build reads only version 1; retrain it/);
  });

  it('explains usage mistakes', () => {
    const r = triage('train', '--data', DEFAULT_TRAINING_DATA_PATH);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing --out/);
  });
});
