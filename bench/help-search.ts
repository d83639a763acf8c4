// Help-center search on PostgreSQL with 1,000 published articles: GET /api/v1/help/search?q=… with a rotating
// mix of realistic questions, typos and half-typed words, at 1, 32 and 64 keep-alive connections, against
// GET /healthz measured the same way in the same run; plus a server-rendered article page for comparison.
// The 12 starter articles come from the demo seed; the rest are variants of them (same topics, other card
// products and situations, paragraphs mixed from other articles), so ranking works on a realistic corpus.
// It also reports how often the first result is from the expected topic on this larger corpus.
import { createRng } from '../src/modules/banking/demo/prng.ts';
import { sql } from 'kysely';
import { loadProfile } from '../src/modules/directory/index.ts';
import { type ArticleDraft, insertHelpArticles, readArticleFiles } from '../src/modules/help-center/index.ts';
import { openDatabase } from '../src/platform/db.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { freshDatabase, postgresAdminUrl } from './lib/postgres.ts';
import { ROOT, startServer } from './lib/server.ts';
import { round } from './lib/stats.ts';
import type { BenchContext } from './lib/types.ts';

const ARTICLES = 1000;
const CONNECTIONS = [32, 64];
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const WARMUP_MS = 2000;

// What cardholders type, and the topic (starter slug) the first result must belong to.
const QUERIES: Array<[string, string]> = [
  ['talk to a live person', 'talk-to-a-live-person'],
  ['how do I talk to a live person at amex', 'talk-to-a-live-person'],
  ['why is my account on hold', 'account-on-hold'],
  ['refund not showing', 'refund-not-showing'],
  ['my points didnt post', 'rewards-points-not-posted'],
  ['amex customer service phone number usa', 'contact-us'],
  ['american express dispute charge help', 'dispute-a-charge'],
  ['card declined', 'fraud-alerts-and-declined-cards'],
  ['someone called asking for my cvv', 'scams-and-phishing'],
  ['annual fee refund after cancelling', 'annual-fee-refund'],
  ['file a complaint with the cfpb', 'escalation-and-complaints'],
  ['is there an email address', 'secure-message-center'],
  ['dispoot a charge', 'dispute-a-charge'],
  ['anual fee', 'annual-fee-refund'],
  ['acount on hlod', 'account-on-hold'],
  ['rewrds pionts missing', 'rewards-points-not-posted'],
  ['talk to a live pers', 'talk-to-a-live-person'],
  ['secure mess', 'secure-message-center'],
];

const SITUATIONS = [
  'while travelling abroad',
  'for an authorized user',
  'after moving house',
  'on a joint account',
  'on a replacement card',
  'during the holidays',
  'for a business expense',
  'after a merchant closed',
  'with a new card number',
  'on a recurring payment',
  'after a name change',
  'for an online purchase',
];

export function articleVariants(starters: ArticleDraft[], count: number, products: Array<{ id: string; name: string }>): ArticleDraft[] {
  const random = createRng(20261126); // deterministic (mulberry32): every run searches the same corpus
  const paragraphs = starters.flatMap((a) => a.body.split(/\n\s*\n/).filter((p) => !p.startsWith('#') && !p.startsWith('{{')));
  const out: ArticleDraft[] = [];
  for (let i = 0; i < count; i++) {
    const base = starters[i % starters.length]!;
    const product = products[Math.floor(i / starters.length) % products.length]!;
    const situation = random.pick(SITUATIONS);
    const extra = Array.from({ length: 3 }, () => random.pick(paragraphs));
    out.push({
      ...base,
      slug: `${base.slug}-${product.id.replaceAll('_', '-')}-${i}`,
      title: `${base.title} (${product.name}, ${situation})`.slice(0, 120),
      summary: `${base.summary.slice(0, 200)} For ${product.name} members ${situation}.`,
      body: `${base.body}\n\n## ${product.name} ${situation}\n\n${extra.join('\n\n')}`,
      position: 1000 + i,
    });
  }
  return out;
}

function report(ctx: BenchContext, name: string, r: LoadResult, connections: number): void {
  const errors = r.errors > 0 ? `; ${r.errors} errors ${JSON.stringify(r.statuses)}` : '';
  ctx.record(`${name} throughput`, Math.round(r.perSecond), 'req/s', `${connections} connections, PostgreSQL${errors}`);
  ctx.record(`${name} p50`, round(r.p50, 2), 'ms');
  ctx.record(`${name} p99`, round(r.p99, 2), 'ms');
}

export async function run(ctx: BenchContext): Promise<void> {
  const admin = await postgresAdminUrl(ctx.log);
  if (!admin) {
    ctx.record('help search', 'skipped', '', 'needs DATABASE_URL or Debian postgresql (scripts/pg-start.sh)');
    return;
  }
  const database = await freshDatabase(admin, 'cardcare_bench_help');
  ctx.log('starting the server on a new PostgreSQL database (migrations + demo seed with the starter articles)…');
  const server = await startServer({ databaseUrl: database.url });
  try {
    const profile = loadProfile(`${ROOT}/config/issuer-profile.json`);
    const starters = readArticleFiles();
    const opened = await openDatabase({ databaseUrl: database.url, poolMax: 2 });
    const db = opened.db;
    try {
      const t0 = performance.now();
      const added = await insertHelpArticles(db, articleVariants(starters, ARTICLES - starters.length, profile.cardProducts), { profile, now: new Date() });
      ctx.log(`inserted ${added} article variants in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      await sql`ANALYZE help_articles`.execute(db);
      await sql`ANALYZE help_search_words`.execute(db);
    } finally {
      await opened.close();
    }
    const list = (await (await fetch(`${server.url}/api/v1/help/articles`)).json()) as { items: unknown[] };
    ctx.record('published articles', list.items.length, '', 'searched');

    let hits = 0;
    for (const [q, topic] of QUERIES) {
      const res = await fetch(`${server.url}/api/v1/help/search?q=${encodeURIComponent(q)}`);
      const first = ((await res.json()) as { items: Array<{ slug: string }> }).items[0]?.slug ?? '';
      if (first === topic || first.startsWith(`${topic}-`)) hits++;
      else ctx.log(`"${q}": first result ${first || '(none)'}, expected topic ${topic}`);
    }
    ctx.record('first result from the expected topic', `${hits}/${QUERIES.length}`, '', `${list.items.length} articles`);

    let client = 0;
    const searchRequest = (connection: number, n: number) => {
      const [q] = QUERIES[(connection + n) % QUERIES.length]!;
      client = (client + 1) % 4096; // spread over addresses: the per-address search limit is not what is measured
      return { path: `/api/v1/help/search?q=${encodeURIComponent(q)}`, headers: { 'x-forwarded-for': `10.9.${client >> 8}.${client & 255}` } };
    };
    ctx.log(`GET /api/v1/help/search, 1 connection (latency without queueing), ${DURATION_MS / 1000} s…`);
    report(ctx, 'help search @1', await runLoad({ url: server.url, request: searchRequest, connections: 1, durationMs: DURATION_MS, warmupMs: WARMUP_MS }), 1);
    for (const connections of CONNECTIONS) {
      ctx.log(`GET /healthz, ${connections} connections, ${DURATION_MS / 1000} s…`);
      report(ctx, `GET /healthz (baseline) @${connections}`, await runLoad({ url: `${server.url}/healthz`, connections, durationMs: DURATION_MS, warmupMs: WARMUP_MS }), connections);
      ctx.log(`GET /api/v1/help/search (rotating ${QUERIES.length} queries), ${connections} connections, ${DURATION_MS / 1000} s…`);
      const search = await runLoad({ url: server.url, request: searchRequest, connections, durationMs: DURATION_MS, warmupMs: WARMUP_MS });
      report(ctx, `help search @${connections}`, search, connections);
    }
    ctx.log(`GET /help/talk-to-a-live-person (server-rendered page), 64 connections, ${DURATION_MS / 1000} s…`);
    const page = await runLoad({ url: `${server.url}/help/talk-to-a-live-person`, connections: 64, durationMs: DURATION_MS, warmupMs: WARMUP_MS });
    report(ctx, 'GET /help/:slug page @64', page, 64);
  } finally {
    await server.stop();
    await database.drop();
  }
}
