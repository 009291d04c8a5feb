import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const RESULTS_FOLDER = resolve(__dirname, '../../bench/results');

/** One measured figure, next to the baseline measured in the same run where there is one. */
export type BenchFigure = {
  /** What was measured, as the results table names it. */
  name: string;
  /** Registry size the figure was measured at (records in all). */
  records: number;
  unit: 'ms' | 'MB' | 'KB' | 'rows/s';
  /** The median or single value; p95 where several runs were made. */
  value: number;
  p95?: number;
  baseline?: { name: string; value: number };
  /** The target, e.g. "< 1000 ms", and whether the figure meets it. */
  target?: { text: string; isMet: boolean };
  note?: string;
};

/** Collects one suite's figures and writes them when the suite ends. */
export class BenchSuite {
  readonly figures: BenchFigure[] = [];

  constructor(readonly suite: string) {}

  add(figure: BenchFigure): void {
    this.figures.push(figure);
  }

  write(): void {
    mkdirSync(RESULTS_FOLDER, { recursive: true });
    writeFileSync(
      join(RESULTS_FOLDER, `${this.suite}.json`),
      `${JSON.stringify({ suite: this.suite, measuredAt: new Date().toISOString(), figures: this.figures }, null, 2)}\n`,
    );
  }
}

/** Median and 95th percentile of a set of timings. */
export function summarize(samples: readonly number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

export const round = (value: number, digits = 1) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
