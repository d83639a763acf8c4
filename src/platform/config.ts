import path from 'node:path';

/** Everything Cardcare reads from the environment, parsed once at start. */
export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /**
   * PostgreSQL connections per process; 10 by default (node-pg's own). Size it to the database server, about
   * 2 × its cores + 1 across all processes: more connections than that contend for the same index pages
   * (bench/ingest.ts on 2 cores: 20 connections cost ~20%, 10 ~40% more database CPU per message than 5).
   */
  dbPoolMax: number;
  dataDir: string;
  profilePath: string;
  servicePolicyPath: string;
  publicUrl: string;
  logLevel: string;
  seedDemo: boolean;
  sessionIdleMinutes: number;
  /** How long a checked session is remembered in memory (0: not at all); sign-out is seen at once everywhere. */
  sessionCacheMs: number;
  sessionAbsoluteHours: number;
  cookieSecure: boolean;
  signInRatePerMinute: number;
  smtpUrl: string | undefined;
  smtpFrom: string;
  slaSweepSeconds: number;
};

export class ConfigError extends Error {}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const databaseUrl = env.DATABASE_URL || undefined;
  if (nodeEnv === 'production' && !databaseUrl) {
    throw new ConfigError(
      'NODE_ENV=production requires DATABASE_URL: embedded PostgreSQL (PGlite) never calls fsync and serves one ' +
        'process only, so it is for trial and development. Point DATABASE_URL at a PostgreSQL 15+ server.',
    );
  }
  const port = intFrom(env, 'PORT', 3000, 0, 65535);
  return {
    env: nodeEnv,
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dbPoolMax: intFrom(env, 'DB_POOL_MAX', 10, 1, 1000),
    dataDir: path.resolve(env.CARDCARE_DATA_DIR || 'data'),
    profilePath: path.resolve(env.CARDCARE_PROFILE || 'config/issuer-profile.json'),
    servicePolicyPath: path.resolve(env.CARDCARE_SERVICE_POLICY || 'config/service-policy.json'),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    seedDemo: env.CARDCARE_SEED_DEMO !== 'false',
    sessionIdleMinutes: intFrom(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: intFrom(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    sessionCacheMs: intFrom(env, 'SESSION_CACHE_MS', 5000, 0, 60_000),
    cookieSecure: env.COOKIE_SECURE === 'true' || (nodeEnv === 'production' && env.COOKIE_SECURE !== 'false'),
    signInRatePerMinute: intFrom(env, 'SIGNIN_RATE_PER_MINUTE', 30, 1, 100_000),
    smtpUrl: env.SMTP_URL || undefined,
    smtpFrom: env.SMTP_FROM || 'Cardcare <no-reply@localhost>',
    slaSweepSeconds: intFrom(env, 'SLA_SWEEP_SECONDS', 30, 1, 3600),
  };
}
