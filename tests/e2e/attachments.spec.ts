import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { WINDOWS_SHORTCUT } from '../../src/main/attachments/testing/sampleFiles';
import type { RegistryDocument } from '../../src/shared/model/records';
import { putRegistryRow, readRegistryRow } from './harness/rawRegistry';
import { expect, test } from './harness/registryTest';
import { RegistryWindow } from './pages/RegistryWindow';

const AGREEMENT = /Voluntary Return of Migrants from Azerbaijan/;
const SCAN_NAME = 'Signed agreement IOM 2016.pdf';
// Bytes that are not text: the copy must match byte for byte, not just as a string.
const SCAN_BYTES = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from(Array.from({ length: 70_000 }, (_, index) => (index * 31 + 7) % 256)),
]);

let outside: string;
test.beforeEach(async ({ page, registryApp }) => {
  outside = await mkdtemp(join(tmpdir(), 'attachments-e2e-'));
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
});
test.afterEach(async () => {
  await rm(outside, { recursive: true, force: true });
});

/** Every file stored in the data folder's attachment store, as relative paths. */
async function storedFiles(dataFolder: string): Promise<string[]> {
  const folder = join(dataFolder, 'attachments');
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
}

function documentsSection(page: Page) {
  return page.getByRole('region', { name: /^Documents/ });
}

function notification(page: Page, text: string | RegExp) {
  return page.getByRole('status').filter({ hasText: text });
}

test('a file attached to an agreement is stored once, opens, saves a copy and is missed when gone', async ({
  page,
  registryApp,
  dialogs,
  viewer,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const scan = join(outside, SCAN_NAME);
  await writeFile(scan, SCAN_BYTES);
  const sha256 = createHash('sha256').update(SCAN_BYTES).digest('hex');

  await app.goTo('Agreements');
  await page.getByRole('row', { name: AGREEMENT }).click();
  await expect(app.heading).toContainText('Pilot Project on Assistance for the Voluntary Return');
  const documents = documentsSection(page);
  await expect(documents).toContainText('No documents attached.');

  dialogs.willOpen(scan);
  await documents.getByRole('button', { name: 'Attach file' }).click();
  await expect(notification(page, `“${SCAN_NAME}” attached.`)).toBeVisible();
  await expect(documents.getByTestId('document-item')).toHaveCount(1);
  await expect(documents.getByRole('link', { name: SCAN_NAME })).toBeVisible();
  await expect(documents).toContainText('68.4 KB');
  expect(await storedFiles(registryApp.dataFolder)).toEqual([join(sha256.slice(0, 2), sha256)]);

  // The Documents list has it too, and its row opens the document's page.
  await app.goTo('Documents');
  await page.getByRole('row', { name: new RegExp(SCAN_NAME) }).click();
  await expect(app.heading).toHaveText(SCAN_NAME);
  await expect(page.getByTestId('document-link')).toContainText(
    'Pilot Project on Assistance for the Voluntary Return',
  );
  const file = page.getByTestId('document-file');
  // The type main read from the bytes, not the record's media type.
  await expect(file.getByTestId('file-type')).toHaveText('PDF document · 68.4 KB');

  // Open: the system viewer gets a copy under the file's own name, with the same bytes.
  await file.getByRole('button', { name: 'Open', exact: true }).click();
  await expect.poll(() => viewer.opened.length).toBe(1);
  const viewed = viewer.opened[0]!;
  expect(viewed.endsWith(SCAN_NAME)).toBe(true);
  expect(viewed).not.toBe(join(registryApp.dataFolder, 'attachments', sha256.slice(0, 2), sha256));
  expect((await readFile(viewed)).equals(SCAN_BYTES)).toBe(true);

  // Save a copy: asked where, with the file's name offered; the saved bytes are the same.
  const copy = join(outside, 'copy for the briefing.pdf');
  dialogs.willSave(copy);
  await file.getByRole('button', { name: 'Save a copy' }).click();
  await expect(notification(page, 'Copy saved as “copy for the briefing.pdf”.')).toBeVisible();
  expect(dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultName: SCAN_NAME });
  expect((await readFile(copy)).equals(SCAN_BYTES)).toBe(true);

  // The same file attached to a meeting reuses the stored copy.
  await app.goTo('Meetings and visits');
  await page.getByRole('row', { name: /^107th Session of the IOM Council/ }).click();
  dialogs.willOpen(scan);
  await documentsSection(page).getByRole('button', { name: 'Attach file' }).click();
  await expect(notification(page, 'the existing copy is reused')).toBeVisible();
  await expect(documentsSection(page).getByTestId('document-item')).toHaveCount(1);
  expect(await storedFiles(registryApp.dataFolder)).toEqual([join(sha256.slice(0, 2), sha256)]);
  await app.goTo('Documents');
  await expect(page.getByTestId('record-count')).toHaveText('2 records');

  // The stored file deleted from disk: both records say so, and Open is no longer offered.
  await rm(join(registryApp.dataFolder, 'attachments', sha256.slice(0, 2), sha256));
  await app.goTo('Agreements');
  await page.getByRole('row', { name: AGREEMENT }).click();
  const warning = `The file “${SCAN_NAME}” is missing from this computer.`;
  await expect(documentsSection(page).getByTestId('missing-file')).toHaveText(warning);
  await expect(
    documentsSection(page).getByRole('button', { name: `Open ${SCAN_NAME}` }),
  ).toHaveCount(0);
  await documentsSection(page).getByRole('link', { name: SCAN_NAME }).click();
  await expect(page.getByTestId('missing-file')).toContainText(warning);
  await expect(file.getByRole('button', { name: 'Open', exact: true })).toBeDisabled();
  // The page with its warning, and its form, pass the same accessibility check as every screen.
  const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  expect((await axe().analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(app.heading).toHaveText(`Edit ${SCAN_NAME}`);
  await expect(page.getByTestId('missing-file')).toBeVisible();
  expect((await axe().analyze()).violations).toEqual([]);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(app.heading).toHaveText(SCAN_NAME);

  // Attaching the same file again puts it back.
  dialogs.willOpen(scan);
  await file.getByRole('button', { name: 'Replace file' }).click();
  await expect(notification(page, `“${SCAN_NAME}” attached.`)).toBeVisible();
  await expect(page.getByTestId('missing-file')).toHaveCount(0);
  await file.getByRole('button', { name: 'Open', exact: true }).click();
  await expect.poll(() => viewer.opened.length).toBe(2);
  expect((await readFile(viewer.opened[1]!)).equals(SCAN_BYTES)).toBe(true);
});

test('a shortcut named to pass for a PDF shows what it is, and nothing opens it, whatever the renderer asks', async ({
  page,
  registryApp,
  dialogs,
  viewer,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const disguisedName = 'Scan\u202Efdp.lnk';
  const disguised = join(outside, disguisedName);
  await writeFile(disguised, WINDOWS_SHORTCUT);
  const sha256 = createHash('sha256').update(WINDOWS_SHORTCUT).digest('hex');

  await app.goTo('Agreements');
  await page.getByRole('row', { name: AGREEMENT }).click();
  dialogs.willOpen(disguised);
  await documentsSection(page).getByRole('button', { name: 'Attach file' }).click();
  await expect(documentsSection(page).getByRole('link', { name: 'Scanfdp.lnk' })).toBeVisible();
  await documentsSection(page).getByRole('link', { name: 'Scanfdp.lnk' }).click();
  await expect(app.heading).toHaveText('Scanfdp.lnk');
  const documentId = new URL(page.url()).hash.split('/').at(-1)!;

  // As a bundle from another laptop delivers it: U+202E in the name, and a PDF's media type.
  const row = (await readRegistryRow(page, 'documents', documentId)) as RegistryDocument;
  await putRegistryRow(page, 'documents', {
    ...row,
    file: { ...row.file!, name: 'Scan\u202Efdp.pdf', mediaType: 'application/pdf' },
  });
  await page.reload();
  const file = page.getByTestId('document-file');
  await expect(file.getByTestId('file-type')).toHaveText('Windows shortcut · 76 B');
  await expect(file).not.toContainText('application/pdf');
  // The name reads as what it is, and the page says why it is not opened, in place of Open.
  await expect(file.getByText('Scanfdp.pdf', { exact: true })).toBeVisible();
  await expect(file.getByTestId('file-not-opened')).toHaveText(
    'The app does not open “Scanfdp.pdf”: its content is “Windows shortcut”, which can run code on this computer. Programs, shortcuts, scripts, web pages and documents with macros are never opened. To keep the file, use Save a copy.',
  );
  await expect(file.getByRole('button', { name: 'Open', exact: true })).toHaveCount(0);
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  expect((await axe.analyze()).violations).toEqual([]);

  // A compromised renderer asks main directly, under both names: main refuses and opens nothing.
  for (const name of ['Scan\u202Efdp.pdf', 'Scanfdp.lnk', 'Scan.pdf']) {
    const answer = await page.evaluate((input) => window.registry.attachment.open(input), {
      sha256,
      name,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'unsafe-file-type', details: { detectedType: 'windows-shortcut' } },
    });
  }
  // The agreement's Documents list still offers its open button; main refuses it the same way.
  await page.goBack();
  await expect(app.heading).toContainText('Pilot Project on Assistance for the Voluntary Return');
  await documentsSection(page).getByRole('button', { name: 'Open Scanfdp.pdf' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The app does not open' })).toContainText(
    '“Scanfdp.pdf”: its content is “Windows shortcut”',
  );
  expect(viewer.opened).toEqual([]);
  expect(await readdir(join(registryApp.dataFolder, 'opened-attachments')).catch(() => [])).toEqual(
    [],
  );

  // Save a copy stays: the user keeps the file, and decides outside the app what to do with it.
  await documentsSection(page).getByRole('link', { name: 'Scanfdp.lnk' }).click();
  const copy = join(outside, 'kept for IT.lnk');
  dialogs.willSave(copy);
  await page.getByTestId('document-file').getByRole('button', { name: 'Save a copy' }).click();
  await expect(notification(page, 'Copy saved as “kept for IT.lnk”.')).toBeVisible();
  expect((await readFile(copy)).equals(WINDOWS_SHORTCUT)).toBe(true);
  expect(dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultName: 'Scanfdp.pdf' });
  expect(viewer.opened).toEqual([]);
});

test('a file above the size limit is refused with a clear message and creates nothing', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const huge = join(outside, 'scanned archive.pdf');
  await writeFile(huge, '');
  // Sparse: 201 MB by its size, almost nothing on disk.
  await truncate(huge, 201 * 1_048_576);

  await app.goTo('Agreements');
  await page.getByRole('row', { name: AGREEMENT }).click();
  dialogs.willOpen(huge);
  await documentsSection(page).getByRole('button', { name: 'Attach file' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    '“scanned archive.pdf” is 201 MB; files up to 200 MB can be attached.',
  );
  await expect(documentsSection(page)).toContainText('No documents attached.');
  expect(await storedFiles(registryApp.dataFolder)).toEqual([]);
  await app.goTo('Documents');
  await expect(page.getByText('No records yet')).toBeVisible();
});

test('a document made from the list gets its title from the file, a date and its records, and goes to Trash without its file', async ({
  page,
  registryApp,
  dialogs,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  const minutes = join(outside, 'Protokol 107.docx');
  await writeFile(minutes, 'Minutes of the 107th Session');

  await app.goTo('Documents');
  await page.getByRole('button', { name: 'New' }).click();
  await expect(app.heading).toHaveText('New document');
  dialogs.willOpen(minutes);
  await page.getByRole('button', { name: 'Choose file' }).click();
  await expect(page.getByTestId('document-file-field')).toContainText('Protokol 107.docx');
  await expect(page.locator('[name="title.en"]')).toHaveValue('Protokol 107.docx');
  await page.locator('[name="title.en"]').fill('Minutes of the 107th IOM Council session');
  await page.locator('[name="documentDate.year"]').fill('2016');
  const links = page.getByRole('combobox', { name: 'Linked records' });
  await links.fill('107th');
  await page.getByRole('option', { name: '107th Session of the IOM Council' }).click();
  await links.fill('Migration Policy Development');
  await page
    .getByRole('option', { name: /International Centre for Migration Policy/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await expect(app.heading).toHaveText('Minutes of the 107th IOM Council session');
  await expect(page.getByTestId('document-date')).toHaveText('Document date: 2016');
  await expect(page.getByTestId('document-link')).toHaveCount(2);
  await page
    .getByTestId('document-link')
    .getByRole('link', { name: /107th Session/ })
    .click();
  await expect(
    documentsSection(page).getByRole('link', { name: /Minutes of the 107th/ }),
  ).toBeVisible();
  await documentsSection(page)
    .getByRole('link', { name: /Minutes of the 107th/ })
    .click();

  // Nothing links to a document, so it goes to Trash at once, with Undo.
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(app.heading).toHaveText('Documents');
  await expect(notification(page, 'moved to Trash')).toBeVisible();
  await app.goTo('Trash');
  await expect(page.getByRole('row', { name: /Minutes of the 107th IOM Council/ })).toBeVisible();
  // The stored file stays: another document or a restore may need it.
  expect(await storedFiles(registryApp.dataFolder)).toHaveLength(1);
});
