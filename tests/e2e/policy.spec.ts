import { az } from '../../src/shared/i18n/messages/az';
import { expect, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

test.describe('with no machine policy', () => {
  test('Settings says nothing is managed and shows where the data lives', async ({
    page,
    registryApp,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open('/settings');
    await expect(page.getByTestId('policy-status')).toHaveText('Not installed');
    await expect(page.getByText('No machine policy is installed on this computer')).toBeVisible();
    await expect(page.getByTestId('data-folder')).toHaveText(registryApp.dataFolder);
    await expect(page.getByTestId('data-folder-source')).toHaveText(
      'The standard location for this user.',
    );
    await expect(page.getByTestId('policy-problems-banner')).toHaveCount(0);
  });
});

test.describe('with a read-only policy that enforces Azerbaijani', () => {
  test.use({
    machinePolicy: {
      version: 1,
      settings: {
        readOnly: { value: true, enforced: true },
        defaultUiLanguage: { value: 'az', enforced: true },
        backupSchedule: { value: 'weekly' },
      },
    },
  });

  test('the app starts in Azerbaijani, offers no changes and says why', async ({
    page,
    registryApp,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'az');
    await expect(page.getByTestId('read-only-banner')).toHaveText(az.policy.readOnlyBanner);
    await expect(page.getByText(az.policy.readOnlyEmpty)).toBeVisible();
    await expect(page.getByRole('button', { name: az.sample.load })).toHaveCount(0);
    await expect(page.getByTestId('language-switcher').locator('input')).toBeDisabled();

    await app.open('/settings');
    await expect(page.getByTestId('policy-status')).toHaveText(az.policy.status.applied);
    await expect(page.getByTestId('policy-readOnly')).toContainText(az.policy.enforced);
    await expect(page.getByTestId('policy-backupSchedule')).toContainText(
      az.policy.schedule.weekly,
    );
    await expect(page.getByTestId('policy-backupSchedule')).toContainText(az.policy.default);
    await expect(page.getByText(az.settings.sampleSection)).toHaveCount(0);
  });
});

test.describe('with a damaged policy file', () => {
  test.use({
    machinePolicy: {
      version: 1,
      settings: { backupKeep: { value: 'ten' }, readOnly: { value: false } },
    },
  });

  test('the good settings apply, the bad one is named, and a warning leads to it', async ({
    page,
    registryApp,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open();
    const banner = page.getByTestId('policy-problems-banner');
    await expect(banner).toContainText('The machine policy file has problems');
    await banner.getByRole('link', { name: 'Details in Settings' }).click();
    await expect(page.getByTestId('policy-status')).toContainText('Partly applied');
    await expect(page.getByTestId('policy-problems')).toContainText('backupKeep');
    await expect(page.getByTestId('policy-readOnly')).toContainText('No');
    // Not read-only: the sample can still be loaded.
    await expect(page.getByRole('button', { name: 'Load the sample registry' })).toBeVisible();
  });
});

test.describe('with a file that is not JSON', () => {
  test.use({ machinePolicy: '{ "version": 1, "settings": { "readOnly": ' });

  test('nothing is applied, the app works, and Settings says what is wrong', async ({
    page,
    registryApp,
  }) => {
    const app = new RegistryWindow(page, registryApp.origin);
    await app.open();
    await expect(page.getByTestId('policy-problems-banner')).toBeVisible();
    await expect(page.getByTestId('first-run')).toBeVisible();
    await app.open('/settings');
    await expect(page.getByTestId('policy-status')).toContainText('Not applied');
    await expect(page.getByTestId('policy-problems')).toContainText('is not valid JSON');
    await expect(page.getByTestId('policy-file')).toHaveText(registryApp.policyFile);
  });
});
