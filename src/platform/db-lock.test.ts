import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { acquireLock, DataDirLockedError } from './db.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cardcare-lock-'));
  dirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('embedded data directory lock', () => {
  it('makes a second process refuse the same data directory, naming the holder', () => {
    const dir = tempDir();
    const release = acquireLock(path.join(dir, 'cardcare.lock'));
    try {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', '-e', `import('${path.resolve('src/platform/db.ts')}').then(m => m.openDatabase({ dataDir: ${JSON.stringify(dir)} })).then(() => process.exit(0), e => { console.error(e.message); process.exit(3); })`],
        { encoding: 'utf8', timeout: 60_000 },
      );
      assert.equal(child.status, 3, child.stderr);
      assert.match(child.stderr, new RegExp(`in use by process ${process.pid}`));
    } finally {
      release();
    }
    assert.equal(existsSync(path.join(dir, 'cardcare.lock')), false, 'the lock is released');
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    const lock = path.join(dir, 'cardcare.lock');
    writeFileSync(lock, '999999999');
    const release = acquireLock(lock);
    assert.equal(readFileSync(lock, 'utf8'), String(process.pid));
    release();
  });

  it('refuses in-process too while the lock is held', () => {
    const dir = tempDir();
    const lock = path.join(dir, 'cardcare.lock');
    writeFileSync(lock, String(process.ppid));
    assert.throws(() => acquireLock(lock), DataDirLockedError);
  });
});
