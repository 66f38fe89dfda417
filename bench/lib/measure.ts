/** Runs `fn` repeatedly and reports median and p99 in milliseconds. For bench/ scripts only. */
export interface Measurement {
  name: string;
  iterations: number;
  medianMs: number;
  p99Ms: number;
  meanMs: number;
}

export function measure(name: string, fn: () => unknown, { warmup = 200, iterations = 2000 } = {}): Measurement {
  for (let i = 0; i < warmup; i++) fn();
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    samples[i] = performance.now() - start;
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(iterations - 1, Math.floor(q * iterations))] ?? 0;
  const mean = samples.reduce((a, b) => a + b, 0) / iterations;
  return { name, iterations, medianMs: at(0.5), p99Ms: at(0.99), meanMs: mean };
}

export async function measureAsync(
  name: string,
  fn: () => Promise<unknown>,
  { warmup = 50, iterations = 500 } = {},
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples[i] = performance.now() - start;
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(iterations - 1, Math.floor(q * iterations))] ?? 0;
  const mean = samples.reduce((a, b) => a + b, 0) / iterations;
  return { name, iterations, medianMs: at(0.5), p99Ms: at(0.99), meanMs: mean };
}

export function formatMeasurements(rows: Measurement[], targets: Record<string, number> = {}): string {
  const lines = ["| operation | iterations | median ms | p99 ms | target (median) |", "|---|---:|---:|---:|---|"];
  for (const r of rows) {
    const target = targets[r.name];
    const verdict = target === undefined ? "" : `${r.medianMs <= target ? "met" : "MISSED"} (<= ${target} ms)`;
    lines.push(`| ${r.name} | ${r.iterations} | ${r.medianMs.toFixed(4)} | ${r.p99Ms.toFixed(4)} | ${verdict} |`);
  }
  return lines.join("\n");
}
