// Scam checks per second (issue 7, item 4). First the pure check (checkScam) on one core for a realistic mix of
// phone numbers, e-mail addresses, links and pasted messages, overall and per kind; then through HTTP:
// POST /api/v1/scam-check on the scam-check plugin in a child process (a bare Fastify with the project's
// validation, error handling and rate limiter, as app.ts registers it), loaded from this process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, domainToASCII } from 'node:url';
import { loadProfile, type IssuerProfile } from '../src/modules/directory/index.ts';
import { checkScam, type ScamCheckInput } from '../src/modules/scam-check/index.ts';
import { runLoad } from './lib/load.ts';
import { percentile, round } from './lib/stats.ts';
import type { BenchContext } from './lib/types.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROFILE = path.join(HERE, '..', 'config/issuer-profile.json');
const SECONDS = Number(process.env.BENCH_SCAM_SECONDS ?? 3);
const HTTP_SECONDS = Number(process.env.BENCH_SCAM_HTTP_SECONDS ?? 5);
const CONNECTIONS = 16;

const SCAM_SMS =
  'AMEX ALERT: Your account has been suspended due to unusual activity. Verify your card number and CVV within 24 hours ' +
  'at http://amex-secure-verify.com/login or call 1-800-528-4801 immediately to avoid permanent closure.';
const SCAM_EMAIL = [
  'Dear Valued Card Member,',
  'We detected a suspicious charge of $1,249.00 on your card ending in 1234. To protect your funds, our fraud team needs you to',
  'move your balance to a secure holding account and confirm the one-time code we just sent you. Do not share this message.',
  `Log in here: https://${domainToASCII('аmericanexpress.com')}/secure/verify?id=88123 or reply to security@americanexpress-support.com.`,
  'Failure to respond within 12 hours will result in your account being locked. Final notice.',
  'American Express Security Team',
].join('\n');
const BENIGN =
  'Your statement for the account ending in 1234 is ready. Sign in at https://www.americanexpress.com/ to view it, ' +
  'or call us on 1-800-528-4800. Thank you for being a Card Member.';

/** The mix: what people paste most is a message or a link; phone numbers and addresses come next. */
export const MIX: Array<{ kind: string; input: ScamCheckInput; weight: number }> = [
  { kind: 'phone', input: { phone: '+1 (800) 528-4800' }, weight: 2 },
  { kind: 'phone', input: { phone: '1-800-528-4801' }, weight: 2 },
  { kind: 'phone', input: { phone: '+1 876 555 0143' }, weight: 1 },
  { kind: 'email', input: { email: 'customer.service@americanexpress.com' }, weight: 1 },
  { kind: 'email', input: { email: 'American Express <alerts@amex-secure-mail.com>' }, weight: 2 },
  { kind: 'email', input: { email: 'alerts@welcome.americanexpress.com' }, weight: 1 },
  { kind: 'url', input: { url: 'https://www.americanexpress.com/en-us/account/login' }, weight: 2 },
  { kind: 'url', input: { url: 'americanexpresss.com/verify' }, weight: 2 },
  { kind: 'url', input: { url: 'https://americanexpress.com.secure-login.net/x' }, weight: 1 },
  { kind: 'url', input: { url: `https://${domainToASCII('americаnexpress.com')}/` }, weight: 1 },
  { kind: 'url', input: { url: 'https://bit.ly/3xYz9Ab' }, weight: 1 },
  { kind: 'text', input: { text: SCAM_SMS }, weight: 3 },
  { kind: 'text', input: { text: SCAM_EMAIL }, weight: 2 },
  { kind: 'text', input: { text: BENIGN }, weight: 2 },
  { kind: 'text+url', input: { text: 'Is this real? Your card is locked, go to amex-help.net', url: 'amex-help.net' }, weight: 1 },
];

function weighted(): ScamCheckInput[] {
  return MIX.flatMap((m) => Array.from({ length: m.weight }, () => m.input));
}

function measure(inputs: ScamCheckInput[], profile: IssuerProfile, seconds: number): { perSecond: number; times: number[] } {
  for (let i = 0; i < 200; i++) checkScam(inputs[i % inputs.length]!, profile); // warm-up (JIT, caches)
  const times: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  let n = 0;
  while (performance.now() < end) {
    const t0 = performance.now();
    checkScam(inputs[n % inputs.length]!, profile);
    times.push(performance.now() - t0);
    n++;
  }
  return { perSecond: n / ((performance.now() - start) / 1000), times };
}

async function serve(): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const { default: rateLimit } = await import('@fastify/rate-limit');
  const { installErrorHandling } = await import('../src/platform/http.ts');
  const { installValidation } = await import('../src/platform/validation.ts');
  const { Problem } = await import('../src/platform/schemas.ts');
  const { scamCheckRoutes } = await import('../src/modules/scam-check/index.ts');
  const app = Fastify({ logger: false });
  app.addSchema(Problem);
  installValidation(app);
  installErrorHandling(app);
  await app.register(rateLimit, { global: false });
  await app.register(scamCheckRoutes, { profile: loadProfile(PROFILE), ratePerMinute: 100_000 });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`${address}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

async function startChild(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('scam-check server did not start in 30 s')), 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const line = chunk.split('\n').find((l) => l.startsWith('http'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.once('exit', (code) => reject(new Error(`scam-check server exited with ${code}`)));
  });
  return { url, stop };
}

export async function run(ctx: BenchContext): Promise<void> {
  const profile = loadProfile(PROFILE);
  const mix = weighted();
  ctx.log(`pure checkScam, ${mix.length}-input weighted mix, ${SECONDS} s on one core…`);
  const all = measure(mix, profile, SECONDS);
  ctx.record('checks/s, pure, realistic mix', Math.round(all.perSecond), 'checks/s', 'one core, single thread');
  ctx.record('check p50 / p99, pure', `${round(percentile(all.times, 50), 3)} / ${round(percentile(all.times, 99), 3)}`, 'ms');
  for (const kind of [...new Set(MIX.map((m) => m.kind))]) {
    const inputs = MIX.filter((m) => m.kind === kind).map((m) => m.input);
    ctx.record(`checks/s, pure, ${kind} only`, Math.round(measure(inputs, profile, Math.max(1, SECONDS / 3)).perSecond), 'checks/s');
  }
  const long = { text: `${SCAM_EMAIL}\n`.repeat(Math.floor(10_000 / (SCAM_EMAIL.length + 1))) };
  const worst = measure([long], profile, 1);
  ctx.record('check p50, pure, 10,000-character message', round(percentile(worst.times, 50), 2), 'ms', `${long.text.length} chars`);

  ctx.log(`HTTP: ${CONNECTIONS} connections for ${HTTP_SECONDS} s against the plugin in a child process…`);
  const server = await startChild();
  try {
    const bodies = mix.map((input) => JSON.stringify(input));
    const result = await runLoad({
      url: `${server.url}/api/v1/scam-check`,
      connections: CONNECTIONS,
      durationMs: HTTP_SECONDS * 1000,
      warmupMs: 1000,
      request: (c, n) => ({ method: 'POST', path: '/api/v1/scam-check', headers: { 'content-type': 'application/json' }, body: bodies[(c * 7 + n) % bodies.length]! }),
    });
    const note = result.errors > 0 ? `${result.errors} errors: ${JSON.stringify(result.statuses)}` : `${CONNECTIONS} connections, same mix`;
    ctx.record('checks/s, HTTP POST /api/v1/scam-check', Math.round(result.perSecond), 'req/s', note);
    ctx.record('HTTP p50 / p99', `${round(result.p50, 2)} / ${round(result.p99, 2)}`, 'ms');
  } finally {
    server.stop();
  }
}

if (process.argv.includes('--serve')) {
  void serve();
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // Run alone: node --import tsx bench/scam-check.ts
  void run({
    record: (metric, value, unit, note) => process.stdout.write(`  ${metric}: ${value}${unit ? ` ${unit}` : ''}${note ? `  (${note})` : ''}\n`),
    log: (message) => process.stderr.write(`  · ${message}\n`),
  }).then(() => process.exit(0));
}
