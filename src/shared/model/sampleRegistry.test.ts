import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveAgreementStatus } from './agreementStatus';
import { LANGUAGES, type LocalizedText } from './localizedText';
import { recordLinks } from './recordLinks';
import { RECORD_KINDS, type RecordKind } from './records';
import { registrySnapshotSchema, type SnapshotRecord } from './registrySnapshot';

const SAMPLE_URL = new URL('../../../resources/sample-registry.json', import.meta.url);
const raw: unknown = JSON.parse(readFileSync(SAMPLE_URL, 'utf8'));
const snapshot = registrySnapshotSchema.parse(raw);
const records: { [K in RecordKind]: SnapshotRecord<K>[] } = snapshot.records;

const THEMATIC_AREA_CODES = [
  'legal-migration',
  'migration-management',
  'readmission',
  'voluntary-return',
  'social-protection-of-migrants',
  'asylum-and-refugee-status-determination',
  'voluntary-repatriation',
  'labour-market-information',
  'border-management',
  'combating-irregular-migration',
  'visa-facilitation',
  'mobility-partnership',
  'capacity-building',
];

function allRecords(): { kind: RecordKind; record: SnapshotRecord<RecordKind> }[] {
  return RECORD_KINDS.flatMap((kind) =>
    (records[kind] as SnapshotRecord<RecordKind>[]).map((record) => ({ kind, record })),
  );
}

function partnerByAcronym(acronym: string) {
  const partner = records.partners.find((p) => p.acronym?.en === acronym);
  if (!partner) throw new Error(`No partner with acronym ${acronym}`);
  return partner;
}

function partnerByName(en: string) {
  const partner = records.partners.find((p) => p.name.en === en);
  if (!partner) throw new Error(`No partner named ${en}`);
  return partner;
}

function agreementTitled(fragment: string) {
  const matches = records.agreements.filter((a) => a.title.en?.includes(fragment));
  expect(matches).toHaveLength(1);
  return matches[0]!;
}

function eventTitled(fragment: string) {
  const matches = records.events.filter((e) => e.title.en?.includes(fragment));
  expect(matches).toHaveLength(1);
  return matches[0]!;
}

function personNamed(en: string) {
  const person = records.people.find((p) => p.name.en === en);
  if (!person) throw new Error(`No person named ${en}`);
  return person;
}

function expectAllLanguages(text: LocalizedText | null, where: string) {
  expect(text, where).not.toBeNull();
  for (const language of LANGUAGES) {
    expect(text?.[language], `${where}: ${language}`).toMatch(/\S/);
  }
}

describe('sample registry file', () => {
  it('parses as a registry snapshot', () => {
    expect(registrySnapshotSchema.safeParse(raw).success).toBe(true);
    expect(snapshot.format).toBe('cooperation-registry/snapshot');
    expect(snapshot.formatVersion).toBe(1);
    expect(snapshot.title).toMatch(/^Sample registry: /);
  });

  it('gives every record an id unique across all kinds, nested ids included', () => {
    const ids = allRecords().map(({ record }) => record.id);
    const nestedIds = [
      ...records.agreements.flatMap((a) => a.steps.map((step) => step.id)),
      ...records.people.flatMap((p) => p.positions.map((position) => position.id)),
    ];
    const everyId = [...ids, ...nestedIds];
    expect(new Set(everyId).size).toBe(everyId.length);
  });

  it('has every link point at a record in the file', () => {
    const ids = new Set(allRecords().map(({ record }) => record.id));
    const dangling = allRecords().flatMap(({ kind, record }) =>
      recordLinks(kind, record)
        .filter((link) => !ids.has(link.targetId))
        .map((link) => `${kind}/${record.id}.${link.field} -> ${link.targetId}`),
    );
    expect(dangling).toEqual([]);
  });

  it('links areas to thematic areas and parents, programmes, organizers to partners', () => {
    const areaIds = new Set(records.areas.map((a) => a.id));
    const partnerIds = new Set(records.partners.map((p) => p.id));
    const personIds = new Set(records.people.map((p) => p.id));
    for (const { record } of allRecords()) {
      for (const areaId of (record as { areaIds?: string[] }).areaIds ?? []) {
        expect(areaIds.has(areaId)).toBe(true);
      }
    }
    for (const partner of records.partners) {
      if (partner.parentId !== null) expect(partnerIds.has(partner.parentId)).toBe(true);
    }
    for (const agreement of records.agreements) {
      for (const party of agreement.parties) expect(partnerIds.has(party.partnerId)).toBe(true);
    }
    for (const project of records.projects) {
      for (const p of project.partners) expect(partnerIds.has(p.partnerId)).toBe(true);
      if (project.programmeId !== null) expect(partnerIds.has(project.programmeId)).toBe(true);
    }
    for (const event of records.events) {
      if (event.organizerId !== null) expect(partnerIds.has(event.organizerId)).toBe(true);
      for (const id of event.partnerIds) expect(partnerIds.has(id)).toBe(true);
      for (const participant of event.participants) {
        expect(personIds.has(participant.personId)).toBe(true);
      }
    }
  });

  it('writes every name and title in English, Azerbaijani and Russian', () => {
    for (const p of records.partners) expectAllLanguages(p.name, `partner ${p.name.en}`);
    for (const a of records.agreements) {
      expectAllLanguages(a.title, `agreement ${a.title.en}`);
      for (const step of a.steps) {
        if (step.place) expectAllLanguages(step.place, `step place of ${a.title.en}`);
        if (step.instrument) expectAllLanguages(step.instrument, `instrument of ${a.title.en}`);
      }
    }
    for (const p of records.projects) expectAllLanguages(p.title, `project ${p.title.en}`);
    for (const e of records.events) {
      expectAllLanguages(e.title, `event ${e.title.en}`);
      if (e.city) expectAllLanguages(e.city, `city of ${e.title.en}`);
      if (e.series) expectAllLanguages(e.series.name, `series of ${e.title.en}`);
    }
    for (const p of records.people) {
      expectAllLanguages(p.name, `person ${p.name.en}`);
      for (const position of p.positions)
        expectAllLanguages(position.title, `position of ${p.name.en}`);
    }
    for (const a of records.areas) expectAllLanguages(a.name, `area ${a.code}`);
  });

  it('uses Azerbaijani Latin and Russian Cyrillic letters where they belong', () => {
    expect(partnerByAcronym('IOM').name).toEqual({
      en: 'International Organization for Migration',
      az: 'Beynəlxalq Miqrasiya Təşkilatı',
      ru: 'Международная организация по миграции',
    });
    expect(personNamed('Ilham Aliyev').name.az).toBe('İlham Əliyev');
    for (const p of records.partners) expect(p.name.ru).toMatch(/[А-Яа-яЁё]/);
  });

  it('marks everything public', () => {
    for (const { record } of allRecords()) {
      expect((record as { sensitivity?: string }).sensitivity).toBe('public');
    }
  });
});

describe('partners', () => {
  it('marks exactly the State Migration Service and the Republic of Azerbaijan as own side', () => {
    const ownSide = records.partners.filter((p) => p.isOwnSide).map((p) => p.name.en);
    expect(ownSide.sort()).toEqual([
      'Republic of Azerbaijan',
      'State Migration Service of the Republic of Azerbaijan',
    ]);
    const sms = partnerByName('State Migration Service of the Republic of Azerbaijan');
    expect(sms.name.az).toBe('Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti');
    expect(sms.parentId).toBe(partnerByName('Republic of Azerbaijan').id);
  });

  it('records that Azerbaijan is a member state of IOM, date unknown', () => {
    const facts = partnerByAcronym('IOM').membershipFacts;
    expect(facts).toHaveLength(1);
    expect(facts[0]!.statement.en).toMatch(/member state of IOM/);
    expect(facts[0]!.since).toBeNull();
    expect(facts[0]!.relatedPartnerIds).toEqual([partnerByName('Republic of Azerbaijan').id]);
  });

  it('nests the CHMB in the CIS and excludes Armenia from cooperation', () => {
    const chmb = partnerByAcronym('CHMB');
    expect(chmb.kind).toBe('organization-body');
    expect(chmb.parentId).toBe(partnerByAcronym('CIS').id);
    expect(
      chmb.membershipFacts.some((f) => /except the Republic of Armenia/.test(f.statement.en ?? '')),
    ).toBe(true);
  });

  it('nests the Dutch services under the Ministry of Justice of the Netherlands', () => {
    const netherlands = partnerByName('Kingdom of the Netherlands');
    const ministry = partnerByName('Ministry of Justice of the Kingdom of the Netherlands');
    expect(netherlands).toMatchObject({ kind: 'state', countryCode: 'NL', mode: 'bilateral' });
    expect(ministry.parentId).toBe(netherlands.id);
    for (const name of [
      'Immigration and Naturalisation Service',
      'Repatriation and Departure Service',
    ]) {
      expect(partnerByName(name)).toMatchObject({ kind: 'state-authority', parentId: ministry.id });
    }
  });

  it('holds the bilateral states, EU instruments and dialogue processes of the seed', () => {
    expect(partnerByName('Republic of Turkey')).toMatchObject({
      countryCode: 'TR',
      mode: 'bilateral',
    });
    expect(partnerByName('Russian Federation')).toMatchObject({
      countryCode: 'RU',
      mode: 'bilateral',
    });
    const eu = partnerByAcronym('EU');
    expect(eu.kind).toBe('union');
    for (const acronym of ['TAIEX', 'MIEUX']) {
      expect(partnerByAcronym(acronym).kind).toBe('programme');
    }
    expect(partnerByName('Twinning')).toMatchObject({ kind: 'programme', parentId: eu.id });
    expect(records.partners.filter((p) => p.kind === 'platform').map((p) => p.name.en)).toEqual([
      'Eastern Partnership Platform 1 “Democracy, good governance and stability”',
    ]);
    const processes = records.partners
      .filter((p) => p.kind === 'dialogue-process')
      .map((p) => p.name.en);
    expect(processes).toEqual(
      expect.arrayContaining(['Almaty Process', 'Prague Process', 'Budapest Process']),
    );
    expect(partnerByName('United Nations General Assembly')).toMatchObject({
      kind: 'organization-body',
      parentId: partnerByAcronym('UN').id,
    });
  });
});

describe('agreements', () => {
  const iomAgreement = () => agreementTitled('Voluntary Return of Migrants from Azerbaijan');

  it('gives the IOM voluntary-return agreement exactly its three dated steps', () => {
    const agreement = iomAgreement();
    expect(agreement.steps.map(({ kind, date }) => ({ kind, date }))).toEqual([
      { kind: 'signed', date: '2016-12-08' },
      { kind: 'approved', date: '2017-02-23' },
      { kind: 'in-force', date: '2017-03-02' },
    ]);
    const [signed, approved] = agreement.steps;
    expect(signed!.place).toEqual({ en: 'Geneva', az: 'Cenevrə', ru: 'Женева' });
    expect(approved!.instrument?.en).toMatch(
      /Decree of the President of the Republic of Azerbaijan/,
    );
    const partyIds = agreement.parties.map((p) => p.partnerId).sort();
    expect(partyIds).toEqual(
      [
        partnerByName('State Migration Service of the Republic of Azerbaijan').id,
        partnerByAcronym('IOM').id,
      ].sort(),
    );
  });

  it('derives the IOM voluntary-return agreement as in force', () => {
    expect(deriveAgreementStatus(iomAgreement(), '2026-01-01')).toBe('in-force');
    expect(deriveAgreementStatus(iomAgreement(), '2017-01-01')).toBe('signed');
  });

  it('dates the signing of the EU visa facilitation and readmission agreements', () => {
    const visa = agreementTitled('facilitation of the issuance of visas');
    const readmission = agreementTitled('readmission of persons residing without authorisation');
    expect(visa.steps).toHaveLength(1);
    expect(visa.steps[0]).toMatchObject({ kind: 'signed', date: '2013-11-29' });
    expect(readmission.steps).toHaveLength(1);
    expect(readmission.steps[0]).toMatchObject({ kind: 'signed', date: '2014-02-28' });
    for (const agreement of [visa, readmission]) {
      expect(agreement.parties.map((p) => p.partnerId)).toContain(partnerByAcronym('EU').id);
    }
  });

  it('keeps the Mobility Partnership declaration and the ICMPD agreement signed on unknown dates', () => {
    const mobility = agreementTitled('Mobility Partnership');
    expect(mobility.kind).toBe('joint-declaration');
    expect(mobility.steps).toEqual([expect.objectContaining({ kind: 'signed', date: null })]);
    const icmpd = agreementTitled('International Centre for Migration Policy Development');
    expect(icmpd.steps).toEqual([expect.objectContaining({ kind: 'signed', date: null })]);
    expect(icmpd.parties.map((p) => p.partnerId)).toContain(partnerByAcronym('ICMPD').id);
  });
});

describe('projects', () => {
  it('starts the IOM migration and border management project in 2014, to the year only', () => {
    const project = records.projects.find((p) =>
      p.title.en?.startsWith('Consolidation of Migration and Border Management Capacities'),
    );
    expect(project).toBeDefined();
    expect(project!.actualStart).toBe('2014');
    expect(project!.status).toBe('ongoing');
    expect(project!.partners).toContainEqual({
      partnerId: partnerByAcronym('IOM').id,
      role: 'implementing',
    });
  });

  it('holds the ongoing UNHCR asylum quality project with unknown dates', () => {
    const project = records.projects.find((p) =>
      p.title.en?.startsWith('Asylum Systems Quality Initiative'),
    );
    expect(project).toMatchObject({ status: 'ongoing', actualStart: null, actualEnd: null });
    expect(project!.partners.map((p) => p.partnerId)).toContain(partnerByAcronym('UNHCR').id);
    expect(records.projects).toHaveLength(2);
  });
});

describe('events', () => {
  it('dates the 107th Session of the IOM Council in Geneva, 5–8 December 2016', () => {
    const session = eventTitled('107th Session of the IOM Council');
    expect(session).toMatchObject({
      kind: 'governing-body-session',
      startDate: '2016-12-05',
      endDate: '2016-12-08',
      countryCode: 'CH',
    });
    expect(session.city?.en).toBe('Geneva');
    expect(session.series?.number).toBe(107);
    expect(session.participants).toContainEqual({
      personId: personNamed('Firudin Nabiyev').id,
      role: 'participant',
    });
  });

  it('dates the 8th and 19th CHMB meetings in Baku', () => {
    const eighth = eventTitled('8th meeting of the Council of Heads of Migration Bodies');
    const nineteenth = eventTitled('19th meeting of the Council of Heads of Migration Bodies');
    expect(eighth).toMatchObject({ startDate: '2010-09-30', countryCode: 'AZ' });
    expect(eighth.series?.number).toBe(8);
    expect(nineteenth).toMatchObject({ startDate: '2016-10-12', countryCode: 'AZ' });
    expect(nineteenth.series?.number).toBe(19);
    expect(eighth.series?.name).toEqual(nineteenth.series?.name);
    for (const meeting of [eighth, nineteenth]) {
      expect(meeting.city?.en).toBe('Baku');
      expect(meeting.organizerId).toBe(partnerByAcronym('CHMB').id);
    }
  });

  it('has Nabiyev speak at the UN General Assembly summit, 18–19 September 2016', () => {
    const summit = eventTitled('large movements of refugees and migrants');
    expect(summit).toMatchObject({
      kind: 'summit',
      startDate: '2016-09-18',
      endDate: '2016-09-19',
    });
    expect(summit.organizerId).toBe(partnerByName('United Nations General Assembly').id);
    expect(summit.participants).toContainEqual({
      personId: personNamed('Firudin Nabiyev').id,
      role: 'speaker',
    });
  });

  it('dates the International Dialogue on Migration event in New York, 18–19 April 2017', () => {
    const dialogue = eventTitled('global compact for safe, orderly and regular migration');
    expect(dialogue).toMatchObject({
      startDate: '2017-04-18',
      endDate: '2017-04-19',
      countryCode: 'US',
    });
    expect(dialogue.partnerIds).toContain(partnerByName('International Dialogue on Migration').id);
  });

  it('leaves the date of Swing’s official visit unknown', () => {
    const visit = eventTitled('Official visit of IOM Director General');
    expect(visit).toMatchObject({ kind: 'official-visit', startDate: null, countryCode: 'AZ' });
    expect(visit.participants.map((p) => p.personId).sort()).toEqual(
      [personNamed('William Lacy Swing').id, personNamed('Ilham Aliyev').id].sort(),
    );
  });
});

describe('people', () => {
  it('holds the three people of the seed with their positions', () => {
    expect(records.people).toHaveLength(3);
    const cases = [
      {
        name: 'William Lacy Swing',
        organization: partnerByAcronym('IOM'),
        title: 'Director General',
      },
      {
        name: 'Firudin Nabiyev',
        organization: partnerByName('State Migration Service of the Republic of Azerbaijan'),
        title: 'Chief',
      },
      {
        name: 'Ilham Aliyev',
        organization: partnerByName('Republic of Azerbaijan'),
        title: 'President',
      },
    ];
    for (const { name, organization, title } of cases) {
      const person = personNamed(name);
      expect(person.positions).toHaveLength(1);
      expect(person.positions[0]).toMatchObject({
        organizationId: organization.id,
        from: null,
        to: null,
      });
      expect(person.positions[0]!.title.en).toBe(title);
    }
    expect(personNamed('Firudin Nabiyev').name).toEqual({
      en: 'Firudin Nabiyev',
      az: 'Firudin Nəbiyev',
      ru: 'Фирудин Набиев',
    });
    expect(personNamed('William Lacy Swing').name.ru).toBe('Уильям Лейси Суинг');
  });
});

describe('thematic areas', () => {
  it('holds all 13 thematic areas with unique codes', () => {
    const codes = records.areas.map((a) => a.code);
    expect(codes).toHaveLength(13);
    expect(new Set(codes).size).toBe(13);
    expect([...codes].sort()).toEqual([...THEMATIC_AREA_CODES].sort());
  });
});
