// Timing helpers for the benchmarks: percentiles of wall-clock samples.
export function summarize(samplesMs: number[]) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

export function report(label: string, samplesMs: number[]) {
  const s = summarize(samplesMs);
  const f = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
  console.log(
    `${label.padEnd(58)} n=${String(s.n).padStart(5)}  p50 ${f(s.p50).padStart(10)}  p95 ${f(s.p95).padStart(10)}  max ${f(s.max).padStart(10)}`,
  );
}

export function timeIt(label: string, n: number, fn: () => unknown) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  report(label, samples);
}

export async function timeAsync(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  report(label, samples);
}
