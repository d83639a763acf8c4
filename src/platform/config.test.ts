import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('refuses production without DATABASE_URL and says why', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), (error: Error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /DATABASE_URL/);
      assert.match(error.message, /trial and development/);
      return true;
    });
  });
  it('accepts production with DATABASE_URL and secures cookies', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/db' });
    assert.equal(config.databaseUrl, 'postgres://x@localhost/db');
    assert.equal(config.cookieSecure, true);
  });
  it('defaults to embedded mode on port 3000', () => {
    const config = loadConfig({});
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.port, 3000);
    assert.match(config.dataDir, /data$/);
  });
  it('sizes the PostgreSQL pool from DB_POOL_MAX (10 by default) and refuses a bad value', () => {
    assert.equal(loadConfig({}).dbPoolMax, 10);
    assert.equal(loadConfig({ DB_POOL_MAX: '4' }).dbPoolMax, 4);
    assert.throws(() => loadConfig({ DB_POOL_MAX: 'many' }), /DB_POOL_MAX must be an integer between 1 and 1000, got "many"/);
    assert.throws(() => loadConfig({ DB_POOL_MAX: '0' }), /DB_POOL_MAX must be an integer/);
  });

  it('rejects a port that is not a number', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT must be an integer/);
  });
});
