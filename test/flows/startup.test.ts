import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'silent', ...env },
  });
}

describe('start-up refusals', () => {
  it('refuses NODE_ENV=production without DATABASE_URL, saying why', () => {
    const run = start({ NODE_ENV: 'production' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /NODE_ENV=production requires DATABASE_URL/);
  });

  it('stops on an invalid issuer profile, naming the bad field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cardcare-profile-'));
    const profile = JSON.parse(readFileSync('config/issuer-profile.json', 'utf8'));
    profile.productLines[4].hotline.phone = 'call us';
    const file = path.join(dir, 'profile.json');
    writeFileSync(file, JSON.stringify(profile));
    const run = start({ CARDCARE_PROFILE: file, CARDCARE_DATA_DIR: dir });
    rmSync(dir, { recursive: true, force: true });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /productLines\[4\]\.hotline\.phone/);
  });
});
