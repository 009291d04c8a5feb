// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BackupListEntry, BackupSettings } from '@shared/backup/backupIpc';
import { en } from '@shared/i18n/messages/en';
import type * as RegistryClientModule from '../../../ipc/registryClient';
import { NotificationsProvider } from '../../../ui/Notifications';

const FILE_NAME = 'registry-backup-2026-11-01T09-00-00-000Z-before-restore.zip';
const SETTINGS: BackupSettings = {
  folder: '/data/backups',
  isDefaultFolder: true,
  keep: 7,
  schedule: 'daily',
  enforced: { folder: false, keep: false, schedule: false },
};
const BACKUP: BackupListEntry = {
  fileName: FILE_NAME,
  size: 2_097_152,
  createdAt: '2026-11-01T09:00:00.000Z',
  reason: 'before-restore',
  pool: 'kept',
  appVersion: '0.1.0',
  schemaVersion: 4,
  deviceName: 'Gəncə laptop',
  tables: { partners: 3 },
  attachments: 0,
  problem: null,
};

const backup = vi.hoisted(() => ({
  settings: vi.fn(),
  list: vi.fn(),
  delete: vi.fn(),
}));
vi.mock('../../../ipc/registryClient', async (importOriginal) => ({
  ...(await importOriginal<typeof RegistryClientModule>()),
  registryClient: { backup },
}));
vi.mock('../../../app/RegistryContext', () => ({
  useRegistry: () => ({ db: null, isReadOnly: false }),
}));
vi.mock('../restoreTargets', () => ({ useCurrentRestoreTarget: () => null }));
vi.mock('../useRestoreFlow', () => ({
  useRestoreFlow: () => ({ isBusy: false, dialog: null, readProgress: null, start: vi.fn() }),
}));

const { IpcCallError } = await import('../../../ipc/registryClient');
const { BackupSection } = await import('./BackupSection');

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});
afterEach(cleanup);

describe('BackupSection', () => {
  it('reports a list that cannot be read again after a delete as that, not as a failed delete', async () => {
    backup.settings.mockResolvedValue(SETTINGS);
    backup.list
      .mockResolvedValueOnce({ folder: SETTINGS.folder, backups: [BACKUP] })
      .mockRejectedValue(
        new IpcCallError('no-permission', 'This computer does not allow the app to read …', {
          fileName: 'backups',
        }),
      );
    backup.delete.mockResolvedValue(undefined);
    render(
      <NotificationsProvider>
        <BackupSection />
      </NotificationsProvider>,
    );

    fireEvent.click(await screen.findByRole('button', { name: /^Delete the backup of / }));
    fireEvent.click(
      within(await screen.findByTestId('delete-backup')).getByRole('button', {
        name: 'Delete the backup',
      }),
    );

    const alert = await screen.findByRole('alert');
    expect(backup.delete).toHaveBeenCalledWith({ fileName: FILE_NAME });
    expect(alert.textContent).toContain(
      'The list of backups could not be read again, so it may be out of date: This computer does not allow the app to use “backups”.',
    );
    expect(alert.textContent).not.toContain('not deleted');
  });
});
