import { describe, expect, it } from 'vitest';
import { mergeForUpdate } from './mergeForUpdate';

describe('mergeForUpdate', () => {
  it('adds a language to a name and keeps the others', () => {
    expect(mergeForUpdate({ name: { en: 'IOM' } }, { name: { ru: 'МОМ' } })).toEqual({
      name: { en: 'IOM', ru: 'МОМ' },
    });
  });

  it('never erases what the row leaves out', () => {
    expect(
      mergeForUpdate({ countryCode: 'CH', notes: { en: 'kept' } }, { countryCode: 'NL' }),
    ).toEqual({ countryCode: 'NL' });
  });

  it('adds partners, steps and contacts the record lacks and keeps its own', () => {
    const merged = mergeForUpdate(
      {
        parties: [{ partnerId: 'a', role: 'signatory' }],
        steps: [{ id: 's1', kind: 'signed', date: '2016-12-08' }],
        contacts: [{ kind: 'email', value: 'a@b.c' }],
        languages: ['en'],
      },
      {
        parties: [
          { partnerId: 'a', role: 'party' },
          { partnerId: 'b', role: 'party' },
        ],
        steps: [
          { id: 's2', kind: 'signed', date: '2016-12-08' },
          { id: 's3', kind: 'in-force', date: '2017-03-02' },
        ],
        contacts: [
          { kind: 'email', value: 'a@b.c' },
          { kind: 'phone', value: '+994' },
        ],
        languages: ['en', 'ru'],
      },
    );
    expect(merged).toEqual({
      parties: [
        { partnerId: 'a', role: 'signatory' },
        { partnerId: 'b', role: 'party' },
      ],
      steps: [
        { id: 's1', kind: 'signed', date: '2016-12-08' },
        { id: 's3', kind: 'in-force', date: '2017-03-02' },
      ],
      contacts: [
        { kind: 'email', value: 'a@b.c' },
        { kind: 'phone', value: '+994' },
      ],
      languages: ['en', 'ru'],
    });
  });

  it('adds a position unless the person already holds it', () => {
    const current = {
      positions: [{ id: 'p1', title: { en: 'Director General' }, organizationId: 'iom' }],
    };
    expect(
      mergeForUpdate(current, {
        positions: [{ id: 'p2', title: { en: 'director general' }, organizationId: 'iom' }],
      }),
    ).toEqual(current);
    expect(
      mergeForUpdate(current, {
        positions: [{ id: 'p3', title: { en: 'Chief' }, organizationId: 'sms' }],
      }).positions,
    ).toHaveLength(2);
  });
});
