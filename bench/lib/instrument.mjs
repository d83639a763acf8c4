// Loaded into a benchmark's server process with `node --import ./bench/lib/instrument.mjs` (bench/ingest.ts
// with BENCH_PROFILE=1), never by the application. Between two SIGUSR2 signals it records
//   - a CPU profile of the process (node:inspector, sampling), and
//   - every SQL statement sent through pg's Client.query: count, and time until its answer (client side,
//     so under load it includes waiting for the event loop),
// and writes them to $BENCH_INSTRUMENT_DIR/profile.cpuprofile and queries.json, then done.json.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import path from 'node:path';

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

const session = new Session();
session.connect();
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));

let phase = 0;
process.on('SIGUSR2', async () => {
  phase++;
  if (phase === 1) {
    stats.clear();
    counting = true;
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
  } else if (phase === 2 && dir) {
    counting = false;
    const { profile } = await post('Profiler.stop');
    writeFileSync(path.join(dir, 'profile.cpuprofile'), JSON.stringify(profile));
    writeFileSync(path.join(dir, 'queries.json'), JSON.stringify([...stats.entries()].map(([text, s]) => ({ text, ...s }))));
    writeFileSync(path.join(dir, 'done.json'), '{}');
  }
});
