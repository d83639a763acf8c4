import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * CPU time a process has used so far, in ms: user and system (kernel: syscalls, the loopback TCP stack), from
 * /proc/<pid>/stat (utime and stime, fields 14 and 15, in clock ticks: 10 ms resolution). Undefined when the
 * process is gone or /proc is not there.
 */
export function processCpu(pid: number): { userMs: number; sysMs: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = 1000 / clockTicks();
    return { userMs: Number(fields[11]) * tick, sysMs: Number(fields[12]) * tick };
  } catch {
    return undefined;
  }
}

/** User + system CPU ms of a process so far (see processCpu). */
export function processCpuMs(pid: number): number | undefined {
  const cpu = processCpu(pid);
  return cpu && cpu.userMs + cpu.sysMs;
}

/** Sum of processCpuMs over pids; pids that are gone count 0. */
export function cpuOfPids(pids: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) out.set(pid, processCpuMs(pid) ?? 0);
  return out;
}

/**
 * The PostgreSQL backends serving one database (the server's pool), read from pg_stat_activity: their CPU is
 * the database's share of the work. Only meaningful when the PostgreSQL server runs on this machine.
 */
export async function backendPids(adminUrl: string, database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
      [database],
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

/** Measures CPU ms of a fixed process (user and system) plus the database's backends between start() and stop(). */
export function cpuMeter(serverPid: number, adminUrl: string, database: string) {
  let serverAt = { userMs: Number.NaN, sysMs: Number.NaN };
  let backendsAt = new Map<number, number>();
  return {
    async start(): Promise<void> {
      serverAt = processCpu(serverPid) ?? serverAt;
      backendsAt = cpuOfPids(await backendPids(adminUrl, database));
    },
    async stop(): Promise<{ serverMs: number; serverSysMs: number; databaseMs: number; backends: number }> {
      const now = processCpu(serverPid) ?? { userMs: Number.NaN, sysMs: Number.NaN };
      const serverSysMs = now.sysMs - serverAt.sysMs;
      const serverMs = now.userMs - serverAt.userMs + serverSysMs;
      const pids = new Set([...backendsAt.keys(), ...(await backendPids(adminUrl, database))]);
      let databaseMs = 0;
      for (const [pid, cpu] of cpuOfPids(pids)) {
        // A backend that exited meanwhile reads 0: count nothing for it rather than a negative number.
        if (cpu > 0) databaseMs += cpu - (backendsAt.get(pid) ?? 0);
      }
      return { serverMs, serverSysMs, databaseMs, backends: pids.size };
    },
  };
}
