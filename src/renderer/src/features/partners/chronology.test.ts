import { describe, expect, it } from 'vitest';
import {
  contentSchemas,
  type Agreement,
  type Partner,
  type Project,
  type RegistryEvent,
} from '@shared/model/records';
import { partnerChronology } from './chronology';
import type { PartnerDossier } from './queries';

const meta = { createdAt: '', updatedAt: '', rev: 1, changedBy: 'd', deletedAt: null };

function dossier(parts: Partial<PartnerDossier>): PartnerDossier {
  return {
    partner: {} as Partner,
    parent: null,
    children: [],
    agreements: [],
    projects: [],
    events: [],
    people: [],
    documents: [],
    followUps: [],
    relatedPartners: new Map(),
    ...parts,
  };
}

const step = (kind: Agreement['steps'][number]['kind'], date: string | null) => ({
  id: crypto.randomUUID(),
  kind,
  date,
  place: null,
  instrument: null,
  note: null,
});

describe('partner chronology', () => {
  it('puts every dated step, event and project in date order, oldest first, and leaves out the undated', () => {
    const agreement: Agreement = {
      ...meta,
      id: 'agreement',
      ...contentSchemas.agreements.parse({
        kind: 'agreement',
        title: { en: 'Voluntary return' },
        steps: [
          step('in-force', '2017-03-02'),
          step('signed', '2016-12-08'),
          step('approved', '2017-02-23'),
          step('negotiated', null),
        ],
      }),
    };
    const session: RegistryEvent = {
      ...meta,
      id: 'session',
      ...contentSchemas.events.parse({
        kind: 'governing-body-session',
        title: { en: '107th Session' },
        startDate: '2016-12-05',
        endDate: '2016-12-08',
      }),
    };
    const project: Project = {
      ...meta,
      id: 'project',
      ...contentSchemas.projects.parse({
        title: { en: 'Border management' },
        status: 'ongoing',
        actualStart: '2014',
      }),
    };

    const entries = partnerChronology(
      dossier({ agreements: [agreement], events: [session], projects: [project] }),
    );
    expect(entries.map((entry) => [entry.date, entry.what.type])).toEqual([
      ['2014', 'project-start'],
      ['2016-12-05', 'event'],
      ['2016-12-08', 'agreement-step'],
      ['2017-02-23', 'agreement-step'],
      ['2017-03-02', 'agreement-step'],
    ]);
    expect(entries[1]?.endDate).toBe('2016-12-08');
  });
});
