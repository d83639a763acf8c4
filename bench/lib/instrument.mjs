// Loaded into a benchmark's server process with `node --import ./bench/lib/instrument.mjs` (bench/ingest.ts
// with BENCH_PROFILE=1), never by the application. Between two SIGUSR2 signals it records
//   - a CPU profile of the process (node:inspector, sampling), and
//   - every SQL statement sent through pg's Client.query: count, and time until its answer (client side,
//     so under load it includes waiting for the event loop),
//   - the event loop: utilization and delay, and
//   - the pg pool: how long each checkout waited for a free connection and how long it was held,
// and writes them to $BENCH_INSTRUMENT_DIR/profile.cpuprofile, queries.json and loop.json, then done.json.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const dir = process.env.BENCH_INSTRUMENT_DIR;
const require = createRequire(path.join(process.cwd(), 'package.json'));
const pg = require('pg');

let counting = false;
const stats = new Map(); // normalized text -> { calls, ms }

function textOf(config) {
  if (typeof config === 'string') return config;
  if (config && typeof config.text === 'string') return config.text;
  return '(submittable)';
}

function record(text, ms) {
  const key = text.replace(/\s+/g, ' ').trim();
  const s = stats.get(key) ?? { calls: 0, ms: 0 };
  s.calls++;
  s.ms += ms;
  stats.set(key, s);
}

const original = pg.Client.prototype.query;
pg.Client.prototype.query = function query(config, values, callback) {
  if (!counting) return original.call(this, config, values, callback);
  const text = textOf(config);
  const t0 = performance.now();
  const done = () => record(text, performance.now() - t0);
  if (typeof values === 'function') {
    const cb = values;
    return original.call(this, config, (err, res) => {
      done();
      cb(err, res);
    });
  }
  if (typeof callback === 'function') {
    return original.call(this, config, values, (err, res) => {
      done();
      callback(err, res);
    });
  }
  const result = original.call(this, config, values);
  if (result && typeof result.then === 'function') result.then(done, done);
  return result;
};

// Pool checkouts: wait for a connection (pool.connect() until it resolves) and hold (until release()).
const pool = { checkouts: 0, waitMs: 0, holdMs: 0, maxWaitMs: 0 };
const originalConnect = pg.Pool.prototype.connect;
pg.Pool.prototype.connect = function connect(callback) {
  if (!counting || typeof callback === 'function') return originalConnect.call(this, callback);
  const t0 = performance.now();
  return originalConnect.call(this).then((client) => {
    const waited = performance.now() - t0;
    pool.checkouts++;
    pool.waitMs += waited;
    pool.maxWaitMs = Math.max(pool.maxWaitMs, waited);
    const t1 = performance.now();
    const release = client.release;
    client.release = function patchedRelease(...args) {
      pool.holdMs += performance.now() - t1;
      client.release = release;
      return release.apply(this, args);
    };
    return client;
  });
};

const delay = monitorEventLoopDelay({ resolution: 10 });
let elu;

const session = new Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));

let phase = 0;
process.on('SIGUSR2', async () => {
  phase++;
  if (phase === 1) {
    stats.clear();
    counting = true;
    delay.enable();
    elu = performance.eventLoopUtilization();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
  } else if (phase === 2 && dir) {
    counting = false;
    delay.disable();
    const loop = {
      utilization: performance.eventLoopUtilization(elu).utilization,
      delayP50Ms: delay.percentile(50) / 1e6,
      delayP99Ms: delay.percentile(99) / 1e6,
      delayMaxMs: delay.max / 1e6,
      pool,
    };
    writeFileSync(path.join(dir, 'loop.json'), JSON.stringify(loop));
    const { profile } = await post('Profiler.stop');
    writeFileSync(path.join(dir, 'profile.cpuprofile'), JSON.stringify(profile));
    writeFileSync(path.join(dir, 'queries.json'), JSON.stringify([...stats.entries()].map(([text, s]) => ({ text, ...s }))));
    writeFileSync(path.join(dir, 'done.json'), '{}');
  }
});
