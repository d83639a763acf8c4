import { startServer, tempDir } from './server.ts';

let seeded: string | undefined;

/** Lets a benchmark that already seeded an embedded data directory (startup) share it with later ones. */
export function rememberSeededDataDir(dir: string): void {
  seeded ??= dir;
}

/** An embedded data directory holding the migrated, seeded demo issuer (made by starting a server once if needed). */
export async function seededDataDir(log: (m: string) => void): Promise<string> {
  if (seeded) return seeded;
  const dir = tempDir('pglite');
  log('seeding an embedded data directory (first start: initdb, migrations, demo data)…');
  const server = await startServer({ dataDir: dir });
  await server.stop();
  seeded = dir;
  return dir;
}
