import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { RESULTS_FOLDER, type BenchFigure } from './benchResults';

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown Chromium';
  }
}

function cell(figure: BenchFigure): string {
  const value = `${figure.value} ${figure.unit}`;
  return figure.p95 === undefined ? value : `${value} (p95 ${figure.p95} ${figure.unit})`;
}

/** Turns bench/results/*.json into bench/RESULTS.md: one table per suite, the machine described. */
export function writeResults(): void {
  if (!existsSync(RESULTS_FOLDER)) return;
  const suites = readdirSync(RESULTS_FOLDER)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map(
      (file) =>
        JSON.parse(readFileSync(join(RESULTS_FOLDER, file), 'utf8')) as {
          suite: string;
          measuredAt: string;
          figures: BenchFigure[];
        },
    );
  const cpu = cpus();
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (tests/bench); do not edit by hand. Generated registries of',
    'realistic en/az/ru records (tests/fixtures/generateRegistry.ts), measured in Chromium through',
    'Playwright against the built renderer. Each figure stands next to a baseline measured in the',
    'same run where one applies. Targets that are missed stay in the table, marked ✗.',
    '',
    `Machine: ${type()}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB,`,
    `Node ${process.version}, ${chromiumVersion()}.`,
    '',
  ];
  for (const { suite, measuredAt, figures } of suites) {
    lines.push(`## ${suite}`, '', `Measured ${measuredAt.slice(0, 16).replace('T', ' ')} UTC.`, '');
    lines.push('| Measure | Records | Result | Baseline (same run) | Target | Note |');
    lines.push('|---|---:|---|---|---|---|');
    for (const figure of figures) {
      const baseline = figure.baseline
        ? `${figure.baseline.name}: ${figure.baseline.value} ${figure.unit}`
        : '';
      const target = figure.target
        ? `${figure.target.isMet ? '✓' : '✗'} ${figure.target.text}`
        : '';
      lines.push(
        `| ${figure.name} | ${figure.records.toLocaleString('en-GB')} | ${cell(figure)} | ${baseline} | ${target} | ${figure.note ?? ''} |`,
      );
    }
    lines.push('');
  }
  writeFileSync(resolve(RESULTS_FOLDER, '../RESULTS.md'), lines.join('\n'));
}

// Playwright loads a global teardown as the module's default export.
export default writeResults;
