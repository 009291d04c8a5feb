import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import mammoth from 'mammoth';
import { az } from '../../src/shared/i18n/messages/az';
import { en } from '../../src/shared/i18n/messages/en';
import { ru } from '../../src/shared/i18n/messages/ru';
import type { Language } from '../../src/shared/model/localizedText';
import { expect, test } from './harness/registryTest';
import { readPdfPages, squash } from './harness/readPdfText';
import { BriefingPage } from './pages/BriefingPage';
import { RegistryWindow } from './pages/RegistryWindow';

let outFolder: string;
test.beforeEach(async () => {
  outFolder = await mkdtemp(join(tmpdir(), 'registry-briefing-'));
});
test.afterEach(async () => {
  await rm(outFolder, { recursive: true, force: true });
});

const MESSAGES = { en, az, ru };
const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  az: 'Azərbaycanca',
  ru: 'Русский',
};
const LOCALE: Record<Language, string> = { en: 'en', az: 'az', ru: 'ru' };

/** What "done when" asks the IOM pack to say, in each language (from the sample registry). */
const EXPECTED: Record<
  Language,
  {
    agreement: string;
    dates: string[];
    session: string;
    project: string;
    since: string;
    people: [string, string][];
  }
> = {
  en: {
    agreement: 'Pilot Project on Assistance for the Voluntary Return of Migrants from Azerbaijan',
    dates: ['8 December 2016', '23 February 2017', '2 March 2017'],
    session: '107th Session of the IOM Council',
    project: 'Consolidation of Migration and Border Management Capacities in Azerbaijan',
    since: 'since 2014',
    people: [
      ['William Lacy Swing', 'Director General'],
      ['Firudin Nabiyev', 'Chief'],
    ],
  },
  az: {
    agreement: 'miqrantların könüllü qayıdışına yardım üzrə pilot layihə',
    dates: ['8 dekabr 2016', '23 fevral 2017', '2 mart 2017'],
    session: 'Beynəlxalq Miqrasiya Təşkilatı Şurasının 107-ci sessiyası',
    project: 'Azərbaycanda miqrasiya və sərhəd idarəçiliyi potensialının möhkəmləndirilməsi',
    since: '2014 tarixindən',
    people: [
      ['Uilyam Leysi Svinq', 'Baş direktor'],
      ['Firudin Nəbiyev', 'Rəis'],
    ],
  },
  ru: {
    agreement: 'по пилотному проекту по содействию добровольному возвращению мигрантов',
    dates: ['8 декабря 2016', '23 февраля 2017', '2 марта 2017'],
    session: '107-я сессия Совета Международной организации по миграции',
    project: 'Укрепление потенциала управления миграцией и границами в Азербайджане',
    since: 'с 2014',
    people: [
      ['Уильям Лейси Суинг', 'Генеральный директор'],
      ['Фирудин Набиев', 'Начальник'],
    ],
  },
};

const sectionHeadings = (language: Language) =>
  Object.values(MESSAGES[language].briefing.pack.section).filter(
    (heading) => heading !== MESSAGES[language].briefing.pack.section.cover,
  );

const marking = (language: Language) =>
  MESSAGES[language].enums.sensitivity.public.toLocaleUpperCase(LOCALE[language]);

async function openIomPack(page: Page, origin: string) {
  const app = new RegistryWindow(page, origin);
  await app.openWithSample();
  await app.goTo('Partners');
  await page.getByRole('row', { name: /^International Organization for Migration IOM/ }).click();
  // The Partners list has a Briefing pack button of its own (no subject): wait for IOM's page.
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'International Organization for Migration',
  );
  const briefing = new BriefingPage(page);
  await briefing.openFromDetailPage();
  await expect(briefing.preview.getByRole('heading', { level: 1 })).toHaveText(
    'International Organization for Migration (IOM)',
  );
  return briefing;
}

for (const language of ['en', 'az', 'ru'] as const) {
  test(`the IOM pack in ${LANGUAGE_NAMES[language]}: PDF with contents, page numbers and the marking on every page; DOCX with headings and tables`, async ({
    page,
    registryApp,
    dialogs,
  }) => {
    test.setTimeout(120_000);
    const briefing = await openIomPack(page, registryApp.origin);
    await briefing.chooseLanguage(LANGUAGE_NAMES[language]);
    const expected = EXPECTED[language];
    const pack = MESSAGES[language].briefing.pack;
    await expect(
      briefing.preview.getByRole('heading', { level: 2, name: pack.section.agreements }),
    ).toBeVisible();

    // --- PDF, printed by Chromium and read back by pdf.js
    const pdfPath = join(outFolder, `iom-${language}.pdf`);
    dialogs.willSave(pdfPath);
    await briefing.save('pdf', `iom-${language}.pdf`);
    const pages = await readPdfPages(await readFile(pdfPath));
    const total = pages.length;
    expect(total).toBeGreaterThanOrEqual(sectionHeadings(language).length + 2);
    pages.forEach((text, index) => {
      // The marking in the header and the footer of every page, and "Page n of N" in the footer.
      expect(
        squash(text).split(squash(marking(language))).length - 1,
        `marking on page ${index + 1}`,
      ).toBeGreaterThanOrEqual(2);
      expect(squash(text)).toContain(squash(`${pack.page} ${index + 1} ${pack.of} ${total}`));
    });
    const whole = squash(pages.join(' '));
    expect(whole).toContain(squash(expected.agreement));
    for (const date of expected.dates) expect(whole).toContain(squash(date));
    expect(whole).toContain(squash(expected.session));
    expect(whole).toContain(squash(expected.project));
    expect(whole).toContain(squash(expected.since));
    for (const [name, position] of expected.people)
      expect(whole).toContain(squash(`${name} ${position}`));

    // The contents (page 2) name each section's first page, where its heading is.
    const contents = squash(pages[1] ?? '');
    expect(contents).toContain(squash(pack.contents));
    let previous = 2;
    for (const heading of sectionHeadings(language)) {
      const match = new RegExp(
        `${squash(heading).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)`,
      ).exec(contents);
      expect(match, `contents entry for ${heading}`).not.toBeNull();
      const pageNumber = Number(match?.[1]);
      expect(pageNumber).toBeGreaterThan(previous);
      expect(squash(pages[pageNumber - 1] ?? ''), `${heading} on page ${pageNumber}`).toContain(
        squash(heading),
      );
      previous = pageNumber;
    }

    // --- DOCX, written by docx and read back by mammoth
    const docxPath = join(outFolder, `iom-${language}.docx`);
    dialogs.willSave(docxPath);
    await briefing.save('docx', `iom-${language}.docx`);
    const buffer = await readFile(docxPath);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    for (const heading of sectionHeadings(language)) expect(html).toContain(`<h1>${heading}</h1>`);
    expect(html).toContain('<h2>');
    expect((html.match(/<table>/g) ?? []).length).toBeGreaterThanOrEqual(5);
    const { value: text } = await mammoth.extractRawText({ buffer });
    const flat = squash(text);
    expect(flat).toContain(squash(expected.agreement));
    for (const date of expected.dates) expect(flat).toContain(squash(date));
    expect(flat).toContain(squash(expected.session));
    expect(flat).toContain(squash(expected.since));
    for (const [name, position] of expected.people)
      expect(flat).toContain(squash(`${name}${position}`));
  });
}

test('sections can be left out and reordered from the keyboard, and the choice saved as a template', async ({
  page,
  registryApp,
}) => {
  const briefing = await openIomPack(page, registryApp.origin);
  await briefing.section('Chronology of cooperation').getByRole('checkbox').uncheck();
  await expect(
    briefing.preview.getByRole('heading', { name: 'Chronology of cooperation' }),
  ).toHaveCount(0);
  const up = page.getByRole('button', { name: 'Move “Talking points” up' });
  await up.focus();
  for (let i = 0; i < 8; i += 1) await page.keyboard.press('Enter');
  await expect(briefing.preview.getByRole('heading', { level: 2 }).nth(1)).toHaveText(
    'Talking points',
  );
  await page
    .getByRole('textbox', { name: 'Talking points' })
    .fill('Thank IOM for the return programme');
  await expect(briefing.preview.getByText('Thank IOM for the return programme')).toBeVisible();

  await page.getByRole('button', { name: 'Save sections as a template…' }).click();
  await page.getByRole('textbox', { name: 'Template name' }).fill('Short visit');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Template “Short visit” saved' }),
  ).toBeVisible();

  // A fresh page keeps nothing but the template.
  await page.reload();
  await expect(
    briefing.preview.getByRole('heading', { name: 'Chronology of cooperation' }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'Apply a template' }).click();
  await page.getByRole('option', { name: 'Short visit' }).click();
  await expect(
    briefing.preview.getByRole('heading', { name: 'Chronology of cooperation' }),
  ).toHaveCount(0);
  await expect(briefing.preview.getByRole('heading', { level: 2 }).nth(1)).toHaveText(
    'Talking points',
  );
});

test('a pack on the 107th Council session names its partners and participants', async ({
  page,
  registryApp,
}) => {
  const app = new RegistryWindow(page, registryApp.origin);
  await app.openWithSample();
  await app.goTo('Meetings and visits');
  await page.getByRole('row', { name: /^107th Session of the IOM Council/ }).click();
  const briefing = new BriefingPage(page);
  await briefing.openFromDetailPage();
  await expect(briefing.preview.getByRole('heading', { level: 1 })).toHaveText(
    '107th Session of the IOM Council',
  );
  await expect(briefing.preview.getByText('Firudin Nabiyev')).toBeVisible();
  await expect(briefing.marking).toHaveText('PUBLIC');
});
