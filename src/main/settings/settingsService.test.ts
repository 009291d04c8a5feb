import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../ipc/AppError';
import { DEFAULT_SETTINGS, SETTINGS_FILE, SettingsService } from './settingsService';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'settings-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('SettingsService', () => {
  it('starts from the defaults without writing anything', async () => {
    const log = vi.fn();
    const service = new SettingsService({ dataFolder: folder, log });
    expect(await service.get()).toEqual({ uiLanguage: null });
    expect(await readdir(folder)).toEqual([]);
    expect(log).not.toHaveBeenCalled();
  });

  it('saves a chosen language so the next start uses it', async () => {
    const log = vi.fn();
    await new SettingsService({ dataFolder: folder, log }).update({ uiLanguage: 'az' });
    const restarted = new SettingsService({ dataFolder: folder, log });
    expect(await restarted.get()).toEqual({ uiLanguage: 'az' });
    expect(JSON.parse(await readFile(join(folder, SETTINGS_FILE), 'utf8'))).toEqual({
      uiLanguage: 'az',
    });
    expect(await readdir(folder)).toEqual([SETTINGS_FILE]);
  });

  it('goes back to following the system language with null, and keeps it on an empty patch', async () => {
    const service = new SettingsService({ dataFolder: folder, log: vi.fn() });
    await service.update({ uiLanguage: 'ru' });
    expect(await service.update({})).toEqual({ uiLanguage: 'ru' });
    expect(await service.update({ uiLanguage: null })).toEqual({ uiLanguage: null });
  });

  it('applies quick successive updates in order', async () => {
    const service = new SettingsService({ dataFolder: folder, log: vi.fn() });
    const results = await Promise.all([
      service.update({ uiLanguage: 'en' }),
      service.update({ uiLanguage: 'az' }),
      service.update({ uiLanguage: 'ru' }),
    ]);
    expect(results.map((settings) => settings.uiLanguage)).toEqual(['en', 'az', 'ru']);
    expect(await service.get()).toEqual({ uiLanguage: 'ru' });
  });

  it.each([
    ['broken JSON', '{"uiLanguage": "az"'],
    ['an unknown language', '{"uiLanguage": "fr"}'],
    ['an array', '[]'],
  ])('reads %s as the defaults and logs the problem', async (_label, content) => {
    await writeFile(join(folder, SETTINGS_FILE), content);
    const log = vi.fn();
    const service = new SettingsService({ dataFolder: folder, log });
    expect(await service.get()).toEqual(DEFAULT_SETTINGS);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toContain(SETTINGS_FILE);
  });

  it('repairs a damaged file on the next update', async () => {
    await writeFile(join(folder, SETTINGS_FILE), 'garbage');
    const service = new SettingsService({ dataFolder: folder, log: vi.fn() });
    await service.update({ uiLanguage: 'en' });
    expect(JSON.parse(await readFile(join(folder, SETTINGS_FILE), 'utf8'))).toEqual({
      uiLanguage: 'en',
    });
  });

  it('reads an older file without the field as the default', async () => {
    await writeFile(join(folder, SETTINGS_FILE), '{}');
    const log = vi.fn();
    expect(await new SettingsService({ dataFolder: folder, log }).get()).toEqual({
      uiLanguage: null,
    });
    expect(log).not.toHaveBeenCalled();
  });
});

describe('SettingsService with a machine policy', () => {
  const policyFile = '/etc/cooperation-registry/policy.json';

  it("answers the policy's default language until the user chooses one", async () => {
    const service = new SettingsService({
      dataFolder: folder,
      log: vi.fn(),
      languagePolicy: { value: 'az', isEnforced: false, policyFile },
    });
    expect(await service.get()).toEqual({ uiLanguage: 'az' });
    expect(await service.update({ uiLanguage: 'en' })).toEqual({ uiLanguage: 'en' });
    expect(await service.get()).toEqual({ uiLanguage: 'en' });
    expect(await service.update({ uiLanguage: null })).toEqual({ uiLanguage: 'az' });
    expect(JSON.parse(await readFile(join(folder, SETTINGS_FILE), 'utf8'))).toEqual({
      uiLanguage: null,
    });
  });

  it('answers an enforced language whatever the user chose, and refuses to change it', async () => {
    await writeFile(join(folder, SETTINGS_FILE), '{"uiLanguage": "en"}');
    const service = new SettingsService({
      dataFolder: folder,
      log: vi.fn(),
      languagePolicy: { value: 'ru', isEnforced: true, policyFile },
    });
    expect(await service.get()).toEqual({ uiLanguage: 'ru' });
    for (const uiLanguage of ['az', 'en', null] as const) {
      const refusal = service.update({ uiLanguage });
      await expect(refusal).rejects.toBeInstanceOf(AppError);
      await expect(refusal).rejects.toThrow(
        `The interface language is enforced by the machine policy (${policyFile})`,
      );
    }
    // Choosing the enforced language again is no change, and is not saved as the user's choice.
    expect(await service.update({ uiLanguage: 'ru' })).toEqual({ uiLanguage: 'ru' });
    expect(JSON.parse(await readFile(join(folder, SETTINGS_FILE), 'utf8'))).toEqual({
      uiLanguage: 'en',
    });
  });
});
