import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DiagnosticsService,
  LOGS_FOLDER,
  MAIN_LOG,
  RENDERER_ERRORS_LOG,
} from './diagnosticsService';

let folder: string;
const now = () => new Date('2025-03-14T09:26:53.000Z');

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'diagnostics-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const report = {
  message: 'Cannot read properties of undefined',
  stack: 'TypeError: Cannot read properties of undefined\n    at PartnerCard (PartnerCard.tsx:12)',
  componentStack: '\n    at PartnerCard\n    at PartnerList',
};

describe('DiagnosticsService', () => {
  it('appends renderer errors to logs/renderer-errors.log, creating the folder', async () => {
    const service = new DiagnosticsService({ dataFolder: folder, now });
    const { logFile } = await service.reportRendererError(report);
    expect(logFile).toBe(join(folder, LOGS_FOLDER, RENDERER_ERRORS_LOG));
    await service.reportRendererError({ message: 'Second', stack: null, componentStack: null });
    const text = await readFile(logFile, 'utf8');
    expect(text).toContain('[2025-03-14T09:26:53.000Z] Renderer error');
    expect(text).toContain(report.message);
    expect(text).toContain('at PartnerCard (PartnerCard.tsx:12)');
    expect(text).toContain('at PartnerList');
    expect(text.indexOf(report.message)).toBeLessThan(text.indexOf('Message: Second'));
  });

  it('rotates the log to .1 when it would grow past the cap', async () => {
    const service = new DiagnosticsService({ dataFolder: folder, now, maxLogBytes: 600 });
    for (let index = 0; index < 5; index += 1) {
      await service.reportRendererError({ ...report, message: `Crash ${index}` });
    }
    const logs = join(folder, LOGS_FOLDER);
    expect((await readdir(logs)).sort()).toEqual([RENDERER_ERRORS_LOG, `${RENDERER_ERRORS_LOG}.1`]);
    const current = await readFile(join(logs, RENDERER_ERRORS_LOG), 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(600);
    expect(current).toContain('Crash 4');
    expect(await readFile(join(logs, `${RENDERER_ERRORS_LOG}.1`), 'utf8')).toContain('Crash 3');
  });

  it('keeps every entry whole when many reports arrive at once', async () => {
    const service = new DiagnosticsService({ dataFolder: folder, now, maxLogBytes: 10_000_000 });
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        service.reportRendererError({ ...report, message: `Crash ${index}` }),
      ),
    );
    const text = await readFile(join(folder, LOGS_FOLDER, RENDERER_ERRORS_LOG), 'utf8');
    for (let index = 0; index < 20; index += 1) expect(text).toContain(`Message: Crash ${index}\n`);
  });

  it('writes main-process errors with their channel and stack to logs/main.log', async () => {
    const echoed: string[] = [];
    const service = new DiagnosticsService({
      dataFolder: folder,
      now,
      echo: (entry) => echoed.push(entry),
    });
    await service.logMainError('settings:update', new Error('disk full'));
    await service.logWarning('Blocked request: GET https://example.org/');
    const text = await readFile(join(folder, LOGS_FOLDER, MAIN_LOG), 'utf8');
    expect(text).toContain('[2025-03-14T09:26:53.000Z] Error in settings:update: Error: disk full');
    expect(text).toContain('diagnosticsService.test.ts');
    expect(text).toContain('Blocked request: GET https://example.org/');
    expect(echoed).toHaveLength(2);
  });

  it('never rejects when the main log cannot be written', async () => {
    const service = new DiagnosticsService({ dataFolder: join(folder, '\0bad'), now });
    await expect(service.logMainError('app:info', 'odd value')).resolves.toBeUndefined();
  });
});
