/** One line of the final table. */
export type BenchRow = { bench: string; metric: string; value: number | string; unit?: string; note?: string };

export type BenchContext = {
  /** Adds a row to the final table and prints it at once. */
  record(metric: string, value: number | string, unit?: string, note?: string): void;
  /** Progress for the reader (stderr, so stdout stays the numbers). */
  log(message: string): void;
};

/** A benchmark module, bench/<name>.ts, registered in bench/run.ts. Benchmarks print numbers; they never assert. */
export type BenchModule = { run(ctx: BenchContext): Promise<void> };
