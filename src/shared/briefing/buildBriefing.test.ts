import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Language } from '../model/localizedText';
import { registrySnapshotSchema } from '../model/registrySnapshot';
import {
  defaultSectionChoices,
  type BriefingDocument,
  type BriefingOptions,
  type BriefingSubject,
} from './briefingModel';
import { buildBriefing } from './buildBriefing';
import { gatherBriefingSource } from './gatherBriefingSource';
import { renderBriefingDocx } from './renderBriefingDocx';
import { renderBriefingHtml, renderBriefingParts } from './renderBriefingHtml';
import { memoryLookup, type LooseRecords } from './testing/memoryLookup';

const SAMPLE_URL = new URL('../../../resources/sample-registry.json', import.meta.url);
const sample = registrySnapshotSchema.parse(JSON.parse(readFileSync(SAMPLE_URL, 'utf8')));
const IOM = '2d601015-a4ce-4196-b6a5-fe394d650376';
const COUNCIL_SESSION = 'abd8c0f9-f4ea-435e-9562-75007583ece7';
const VOLUNTARY_RETURN = 'd295a2ed-ab1b-421b-8123-1320341bdddd';

const options = (overrides: Partial<BriefingOptions> = {}): BriefingOptions => ({
  language: 'en',
  sections: defaultSectionChoices(),
  talkingPoints: '',
  maxSensitivity: 'restricted',
  today: '2026-11-27',
  ...overrides,
});

async function pack(
  subject: BriefingSubject,
  overrides: Partial<BriefingOptions> = {},
  records: LooseRecords = sample.records,
): Promise<BriefingDocument> {
  const source = await gatherBriefingSource(subject, memoryLookup(records));
  if (!source) throw new Error('no source');
  return buildBriefing(source, options(overrides));
}

/** Every string the document shows, in order, for "does the pack say X" checks. */
function allText(doc: BriefingDocument): string {
  const parts = [doc.title, ...(doc.cover ?? []).flatMap((row) => [row.label, row.value])];
  for (const section of doc.sections) {
    parts.push(section.heading);
    for (const block of section.blocks) {
      if (block.type === 'subheading' || block.type === 'paragraph') parts.push(block.text);
      else if (block.type === 'list') parts.push(...block.items);
      else if (block.type === 'fields')
        parts.push(...block.rows.flatMap((r) => [r.label, r.value]));
      else parts.push(...block.columns, ...block.rows.flat());
    }
  }
  return parts.join('\n');
}

const withSensitivity = (
  records: LooseRecords,
  id: string,
  sensitivity: 'public' | 'internal' | 'restricted',
): LooseRecords => {
  const copy = structuredClone(records);
  for (const list of Object.values(copy) as { id: string; sensitivity: string }[][])
    for (const record of list) if (record.id === id) record.sensitivity = sensitivity;
  return copy;
};

describe('buildBriefing: the IOM pack from the sample registry', () => {
  it('has every section in order, with the cover first and the headings in English', async () => {
    const doc = await pack({ kind: 'partner', partnerId: IOM });
    expect(doc.title).toBe('International Organization for Migration (IOM)');
    expect(doc.cover?.map((row) => row.label)).toEqual(['Subject', 'Date', 'Language', 'Marking']);
    expect(doc.sections.map((section) => section.heading)).toEqual(
      [
        'Profile',
        'Chronology of cooperation',
        'Agreements',
        'Ongoing and recent projects',
        'Past meetings',
        'Open follow-up actions',
        'People',
        'Upcoming events',
        'Talking points',
        'Attached documents',
      ].map((heading) => (heading === 'People' ? 'Key people' : heading)),
    );
  });

  it('tells the voluntary-return agreement with its three dated steps, and the 107th Council session', async () => {
    const doc = await pack({ kind: 'partner', partnerId: IOM });
    const agreements = doc.sections.find((section) => section.id === 'agreements');
    const steps = agreements?.blocks.find((block) => block.type === 'table');
    expect(steps).toMatchObject({
      rows: [
        ['Signed', '8 December 2016', 'Geneva', ''],
        ['Approved', '23 February 2017', '', expect.stringContaining('Decree of the President')],
        ['Entered into force', '2 March 2017', '', ''],
      ],
    });
    const text = allText(doc);
    expect(text).toContain('Pilot Project on Assistance for the Voluntary Return of Migrants');
    expect(text).toContain('107th Session of the IOM Council');
    expect(text).toMatch(/5\s?–\s?8 December 2016/);
  });

  it('keeps year-only dates year-only: the ongoing project runs "since 2014"', async () => {
    const doc = await pack({ kind: 'partner', partnerId: IOM });
    const projects = doc.sections.find((section) => section.id === 'projects');
    expect(projects?.blocks[0]).toMatchObject({
      type: 'table',
      rows: [
        [
          'Consolidation of Migration and Border Management Capacities in Azerbaijan',
          'Ongoing',
          'since 2014',
          'Implementing',
          '',
        ],
      ],
    });
  });

  it('lists the key people with their current positions and organizations', async () => {
    const doc = await pack({ kind: 'partner', partnerId: IOM });
    const people = doc.sections.find((section) => section.id === 'people');
    const rows = people?.blocks[0]?.type === 'table' ? people.blocks[0].rows : [];
    expect(rows).toContainEqual([
      'William Lacy Swing',
      'Director General',
      'International Organization for Migration',
    ]);
    expect(rows).toContainEqual([
      'Firudin Nabiyev',
      'Chief',
      'State Migration Service of the Republic of Azerbaijan',
    ]);
  });

  it('writes headings, names and dates in the pack language, whatever the UI speaks', async () => {
    const az = await pack({ kind: 'partner', partnerId: IOM }, { language: 'az' });
    const ru = await pack({ kind: 'partner', partnerId: IOM }, { language: 'ru' });
    expect(az.title).toBe('Beynəlxalq Miqrasiya Təşkilatı (BMqT)');
    expect(az.sections[1]?.heading).toBe('Əməkdaşlığın xronologiyası');
    expect(allText(az)).toContain('8 dekabr 2016');
    expect(allText(az)).toContain('2014 tarixindən');
    expect(ru.title).toBe('Международная организация по миграции (МОМ)');
    expect(allText(ru)).toContain('8 декабря 2016');
    expect(allText(ru)).toContain('с 2014');
    expect(allText(ru)).toContain('Генеральный директор');
  });

  it('falls back to another language for a name missing in the pack language', async () => {
    const records = structuredClone(sample.records);
    const iom = records.partners.find((partner) => partner.id === IOM);
    if (!iom) throw new Error('IOM missing');
    iom.name = { en: 'International Organization for Migration', az: undefined, ru: undefined };
    iom.acronym = { en: 'IOM', az: undefined, ru: undefined };
    const doc = await pack({ kind: 'partner', partnerId: IOM }, { language: 'ru' }, records);
    expect(doc.title).toBe('International Organization for Migration (IOM)');
    expect(doc.sections[0]?.heading).toBe('Профиль');
  });

  it('is marked at least as high as the most sensitive record it shows', async () => {
    expect((await pack({ kind: 'partner', partnerId: IOM })).markingText).toBe('PUBLIC');
    const records = withSensitivity(sample.records, VOLUNTARY_RETURN, 'restricted');
    const doc = await pack({ kind: 'partner', partnerId: IOM }, {}, records);
    expect(doc.marking).toBe('restricted');
    expect(doc.markingText).toBe('RESTRICTED');
    const az = await pack({ kind: 'partner', partnerId: IOM }, { language: 'az' }, records);
    expect(az.cover?.at(-1)?.value).toBe(az.markingText);
  });

  it('leaves out records above the chosen level, says so, and is not marked by them', async () => {
    const records = withSensitivity(sample.records, VOLUNTARY_RETURN, 'restricted');
    const doc = await pack(
      { kind: 'partner', partnerId: IOM },
      { maxSensitivity: 'internal' },
      records,
    );
    expect(allText(doc)).not.toContain('Voluntary Return of Migrants');
    expect(doc.marking).toBe('public');
    expect(doc.leftOut).toBe(1);
    expect(doc.notice).toBe('1 record marked above “Internal” was left out of this pack.');
  });

  it('only the marking of a section that is included counts', async () => {
    const records = withSensitivity(sample.records, VOLUNTARY_RETURN, 'internal');
    const sections = defaultSectionChoices().map((choice) => ({
      ...choice,
      isIncluded: !['agreements', 'chronology'].includes(choice.id),
    }));
    expect((await pack({ kind: 'partner', partnerId: IOM }, { sections }, records)).marking).toBe(
      'public',
    );
  });

  it('follows the chosen order and leaves out unticked sections; talking points become a list', async () => {
    const sections = [
      { id: 'talkingPoints' as const, isIncluded: true },
      { id: 'people' as const, isIncluded: true },
      { id: 'cover' as const, isIncluded: false },
      { id: 'profile' as const, isIncluded: false },
    ];
    const doc = await pack(
      { kind: 'partner', partnerId: IOM },
      {
        sections,
        talkingPoints: '- Thank IOM for the return programme\n\n• Ask about 2027 funding',
      },
    );
    expect(doc.cover).toBeNull();
    expect(doc.sections.map((section) => section.id)).toEqual(['talkingPoints', 'people']);
    expect(doc.sections[0]?.blocks).toEqual([
      { type: 'list', items: ['Thank IOM for the return programme', 'Ask about 2027 funding'] },
    ]);
  });

  it('an event pack has the event, its partners, previous sessions and participants', async () => {
    const doc = await pack({ kind: 'event', eventId: COUNCIL_SESSION });
    expect(doc.title).toBe('107th Session of the IOM Council');
    const text = allText(doc);
    expect(text).toContain('Council of the International Organization for Migration');
    expect(text).toContain('Firudin Nabiyev');
    expect(text).toContain('No. 107 of “Sessions of the IOM Council”');
  });

  it('a country pack has the state, its authorities and its partners', async () => {
    const doc = await pack({ kind: 'country', countryCode: 'NL' });
    expect(doc.title).toBe('Netherlands');
    const profile = doc.sections.find((section) => section.id === 'profile');
    const names = profile?.blocks.filter((block) => block.type === 'subheading');
    expect(names?.length).toBeGreaterThan(1);
  });
});

describe('the renderers', () => {
  it('HTML escapes record text and keeps one page token per section in the contents', async () => {
    const doc = await pack(
      { kind: 'partner', partnerId: IOM },
      { talkingPoints: '<script>alert(1)</script> 100% %%PAGE_0%%' },
    );
    const html = renderBriefingHtml(doc, { pages: 'tokens' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html.match(/%%PAGE_\d+%%/g)).toEqual(
      doc.sections.map((_, index) => `%%PAGE_${index}%%`),
    );
    expect(renderBriefingParts(doc)).toHaveLength(doc.sections.length + 1);
  });

  it.each<Language>(['en', 'az', 'ru'])(
    'DOCX (%s) read back by mammoth has the headings and the tables',
    async (language) => {
      const doc = await pack({ kind: 'partner', partnerId: IOM }, { language });
      const bytes = await renderBriefingDocx(doc);
      const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
      for (const section of doc.sections) expect(html).toContain(`<h1>${section.heading}</h1>`);
      expect(html.match(/<table>/g)?.length).toBeGreaterThanOrEqual(5);
      expect(html).toContain(
        language === 'ru'
          ? '8 декабря 2016'
          : language === 'az'
            ? '8 dekabr 2016'
            : '8 December 2016',
      );
      // The marking sits in the header and the footer, with page-number fields.
      const files = unzipSync(bytes);
      const parts = Object.keys(files);
      const header = parts.find((name) => /^word\/header\d*\.xml$/.test(name));
      const footer = parts.find((name) => /^word\/footer\d*\.xml$/.test(name));
      expect(header && strFromU8(files[header] as Uint8Array)).toContain(doc.markingText);
      const footerXml = footer ? strFromU8(files[footer] as Uint8Array) : '';
      expect(footerXml).toContain(doc.markingText);
      expect(footerXml).toMatch(/PAGE/);
      expect(footerXml).toMatch(/NUMPAGES/);
      const documentXml = strFromU8(files['word/document.xml'] as Uint8Array);
      expect(documentXml).toContain('<w:tblHeader/>');
      expect(documentXml).toContain('w:val="Heading1"');
    },
  );
});
