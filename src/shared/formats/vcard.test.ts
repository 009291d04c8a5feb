import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  buildVCards,
  escapeVCardField,
  escapeVCardText,
  splitPersonName,
  type ContactCard,
} from './vcard';

const nabiyev: ContactCard = {
  id: 'bc6d1bc7-b561-46e0-be9f-9d7cbee8ebdf',
  formattedName: 'Firudin Nəbiyev',
  name: splitPersonName('Firudin Nəbiyev', 'Dr.'),
  organization: ['Dövlət Miqrasiya Xidməti'],
  title: 'Rəis',
  emails: ['office@migration.gov.az'],
  phones: ['+994 12 562 37 02', 'ext. 12, reception'],
  addresses: ['Bakı, Binəqədi yolu 202; 3rd floor\nAZ1106'],
  languages: ['az', 'ru', 'en'],
  note: 'Met at the 19th meeting; see agreements',
  revision: '2026-11-27T14:03:05.123Z',
};

/** The cards as ical.js, an independent parser, reads them: one component per card. */
function parseCards(text: string): InstanceType<typeof ICAL.Component>[] {
  const parsed = ICAL.parse(text) as unknown[];
  // One card parses to a jCard; several to an array of them.
  const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
  return cards.map((card) => new ICAL.Component(card as never));
}

describe('buildVCards', () => {
  it('writes a vCard 4.0 an independent parser reads back field by field', () => {
    const text = buildVCards([nabiyev]);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    const [card] = parseCards(text);
    expect(card!.getFirstPropertyValue('fn')).toBe('Firudin Nəbiyev');
    expect(card!.getFirstPropertyValue('n')).toEqual(['Nəbiyev', 'Firudin', '', 'Dr.', '']);
    expect(card!.getFirstPropertyValue('org')).toBe('Dövlət Miqrasiya Xidməti');
    expect(card!.getFirstPropertyValue('title')).toBe('Rəis');
    expect(card!.getFirstPropertyValue('email')).toBe('office@migration.gov.az');
    const phones = card!.getAllProperties('tel').map((property) => property.getFirstValue());
    expect(phones).toEqual(['tel:+994-12-562-37-02', 'ext. 12, reception']);
    expect(card!.getFirstPropertyValue('adr')).toEqual([
      '',
      '',
      'Bakı, Binəqədi yolu 202; 3rd floor\nAZ1106',
      '',
      '',
      '',
      '',
    ]);
    const languages = card!
      .getAllProperties('lang')
      .map((property) => [property.getFirstValue(), property.getParameter('pref')]);
    expect(languages).toEqual([
      ['az', '1'],
      ['ru', '2'],
      ['en', '3'],
    ]);
    expect(card!.getFirstPropertyValue('note')).toBe('Met at the 19th meeting; see agreements');
    expect(card!.getFirstPropertyValue('uid')).toBe(
      'urn:uuid:bc6d1bc7-b561-46e0-be9f-9d7cbee8ebdf',
    );
    expect(text).toContain('REV:20261127T140305Z\r\n');
  });

  it('writes several cards, no N for a name with no safe split, and ORG with its units', () => {
    const swing: ContactCard = {
      ...nabiyev,
      id: '246d18dc-227f-404c-bb9b-81654f037e55',
      formattedName: 'William Lacy Swing',
      name: splitPersonName('William Lacy Swing', null),
      organization: ['United Nations', 'IOM; the UN Migration Agency'],
      title: null,
      emails: [],
      phones: [],
      addresses: [],
      languages: [],
      note: null,
      revision: null,
    };
    const text = buildVCards([nabiyev, swing]);
    const cards = parseCards(text);
    expect(cards.map((card) => card.getFirstPropertyValue('fn'))).toEqual([
      'Firudin Nəbiyev',
      'William Lacy Swing',
    ]);
    expect(cards[1]!.getFirstProperty('n')).toBeNull();
    expect(cards[1]!.getFirstPropertyValue('org')).toEqual([
      'United Nations',
      'IOM; the UN Migration Agency',
    ]);
    expect(buildVCards([])).toBe('');
  });

  it('folds long lines at 75 octets without cutting a letter, and readers unfold them', () => {
    const longName = 'Фирудин ' + 'Набиев-Əliyev '.repeat(12).trim();
    const text = buildVCards([{ ...nabiyev, formattedName: longName, name: null }]);
    for (const line of text.split('\r\n')) {
      const octets = new TextEncoder().encode(line);
      expect(octets.length).toBeLessThanOrEqual(75);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(octets)).not.toThrow();
    }
    expect(parseCards(text)[0]!.getFirstPropertyValue('fn')).toBe(longName);
  });
});

describe('escapeVCardText', () => {
  it('escapes backslash, comma and every kind of line break, and leaves ; to compound fields', () => {
    expect(escapeVCardText('a\\b,c;d\ne\r\nf\rg')).toBe('a\\\\b\\,c;d\\ne\\nf\\ng');
    expect(escapeVCardField('a\\b,c;d\ne')).toBe('a\\\\b\\,c\\;d\\ne');
  });
});

describe('splitPersonName', () => {
  it('keeps a forged id and forged languages from adding lines of their own', () => {
    const text = buildVCards([
      {
        ...nabiyev,
        id: 'x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Impostor',
        languages: ['az', 'ru\r\nEMAIL:attacker@example.org', 'en-GB'],
      },
    ]);
    const cards = parseCards(text);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.getFirstPropertyValue('fn')).toBe('Firudin Nəbiyev');
    expect(cards[0]!.getFirstPropertyValue('uid')).toBe('x\nEND:VCARD\nBEGIN:VCARD\nFN:Impostor');
    expect(cards[0]!.getAllProperties('email').map((p) => p.getFirstValue())).toEqual([
      'office@migration.gov.az',
    ]);
    expect(cards[0]!.getAllProperties('lang').map((p) => p.getFirstValue())).toEqual([
      'az',
      'en-GB',
    ]);
    expect(text.match(/^BEGIN:VCARD/gm)).toHaveLength(1);
  });

  it('splits only two-word names, with the honorific as a prefix', () => {
    expect(splitPersonName('Фирудин Набиев', null)).toEqual({
      given: 'Фирудин',
      family: 'Набиев',
      prefixes: [],
    });
    expect(splitPersonName('William Lacy Swing', 'Mr')).toBeNull();
    expect(splitPersonName('IOM', null)).toBeNull();
  });
});
