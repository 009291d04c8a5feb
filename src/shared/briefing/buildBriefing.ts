import { deriveAgreementStatus, sortAgreementSteps } from '../model/agreementStatus';
import { pickText, type LocalizedText } from '../model/localizedText';
import {
  comparePartialDates,
  comparePartialDatesNewestFirst,
  partialDateBounds,
  type PartialDate,
} from '../model/partialDate';
import {
  SENSITIVITY_LEVELS,
  type Agreement,
  type Partner,
  type Person,
  type Project,
  type RegistryEvent,
  type Sensitivity,
} from '../model/records';
import type {
  BriefingBlock,
  BriefingDocument,
  BriefingOptions,
  BriefingSection,
  BriefingSectionId,
  BriefingSource,
} from './briefingModel';
import { packText, type PackText } from './packText';

type Marked = { id: string; sensitivity: Sensitivity };

const rank = (level: Sensitivity) => SENSITIVITY_LEVELS.indexOf(level);

/** Completed or cancelled projects that ended this many years ago or less still count as recent. */
const RECENT_PROJECT_YEARS = 3;

/** Context shared by the section builders of one pack. */
type Build = {
  source: BriefingSource;
  options: BriefingOptions;
  tx: PackText;
  text: (value: LocalizedText | null | undefined) => string;
  /** Marks a record as shown, so the pack's marking covers it. */
  show: <R extends Marked>(record: R) => R;
  focusIds: Set<string>;
};

/**
 * Builds a briefing pack from the gathered records: the sections the officer kept, in their order,
 * in the pack's language, with everything marked above the threshold left out and the pack marked
 * at least as high as the most sensitive record it shows. Pure, so one model feeds both the PDF
 * and the Word renderer and can be tested without a browser.
 */
export function buildBriefing(source: BriefingSource, options: BriefingOptions): BriefingDocument {
  const tx = packText(options.language);
  const text = (value: LocalizedText | null | undefined) => pickText(value, options.language);
  const threshold = rank(options.maxSensitivity);
  const leftOutIds = new Set<string>();
  const allowed = <R extends Marked>(records: readonly R[]): R[] =>
    records.filter((record) => {
      if (rank(record.sensitivity) <= threshold) return true;
      leftOutIds.add(record.id);
      return false;
    });
  const subjectRecord = subjectOf(source);
  const filtered: BriefingSource = {
    ...source,
    // The subject itself stays whatever its marking: the officer chose it; it raises the marking.
    focusPartners: source.focusPartners.filter(
      (partner) => partner === subjectRecord || allowed([partner]).length === 1,
    ),
    agreements: allowed(source.agreements),
    projects: allowed(source.projects),
    events: allowed(source.events),
    people: allowed(source.people),
    followUps: allowed(source.followUps),
    documents: allowed(source.documents),
  };
  const shown = new Map<string, Sensitivity>();
  const show = <R extends Marked>(record: R): R => {
    shown.set(record.id, record.sensitivity);
    return record;
  };
  if (subjectRecord) show(subjectRecord);
  const build: Build = {
    source: filtered,
    options,
    tx,
    text,
    show,
    focusIds: new Set(filtered.focusPartners.map((partner) => partner.id)),
  };

  const sections: BriefingSection[] = [];
  let hasCover = false;
  for (const choice of options.sections) {
    if (!choice.isIncluded) continue;
    if (choice.id === 'cover') {
      hasCover = true;
      continue;
    }
    const blocks = SECTION_BUILDERS[choice.id](build);
    sections.push({
      id: choice.id,
      heading: tx.t(`briefing.pack.section.${choice.id}`),
      blocks:
        blocks.length > 0 ? blocks : [{ type: 'paragraph', text: tx.t('briefing.pack.nothing') }],
    });
  }

  const marking = [...shown.values()].reduce<Sensitivity>(
    (highest, level) => (rank(level) > rank(highest) ? level : highest),
    'public',
  );
  const markingText = tx.t(`enums.sensitivity.${marking}`).toLocaleUpperCase(tx.locale);
  const title = subjectTitle(build);
  const levelName = tx.t(`enums.sensitivity.${options.maxSensitivity}`);
  const notice =
    leftOutIds.size > 0
      ? tx.t('briefing.pack.leftOut', { count: leftOutIds.size, level: levelName })
      : null;
  return {
    language: options.language,
    title,
    heading: tx.t('briefing.pack.heading'),
    cover: hasCover
      ? [
          { label: tx.t('briefing.pack.subject'), value: title },
          { label: tx.t('briefing.pack.date'), value: tx.date(options.today) },
          { label: tx.t('briefing.pack.language'), value: tx.t(`language.${options.language}`) },
          { label: tx.t('briefing.pack.marking'), value: markingText },
        ]
      : null,
    contentsHeading: tx.t('briefing.pack.contents'),
    sections,
    marking,
    markingText,
    pageLabel: tx.t('briefing.pack.page'),
    ofLabel: tx.t('briefing.pack.of'),
    leftOut: leftOutIds.size,
    notice,
    recordCount: shown.size,
  };
}

/** The record the pack is named after, when there is one. */
function subjectOf(source: BriefingSource): Marked | null {
  if (source.subject.kind === 'partner') return source.focusPartners[0] ?? null;
  if (source.subject.kind === 'event') return source.focusEvent;
  return null;
}

function partnerName(build: Build, partner: Partner): string {
  const acronym = build.text(partner.acronym);
  const name = build.text(partner.name);
  return acronym && acronym !== name ? `${name} (${acronym})` : name;
}

function subjectTitle(build: Build): string {
  const { source, tx } = build;
  switch (source.subject.kind) {
    case 'partner': {
      const partner = source.focusPartners[0];
      return partner ? partnerName(build, partner) : '';
    }
    case 'country':
      return tx.country(source.subject.countryCode);
    case 'event':
      return source.focusEvent ? build.text(source.focusEvent.title) : '';
    case 'selection': {
      const only = source.focusPartners.length === 1 ? source.focusPartners[0] : undefined;
      return only ? partnerName(build, only) : tx.t('briefing.subjectKind.selection');
    }
  }
}

const nameOfPartner = (build: Build, id: string | null): string => {
  if (id === null) return '';
  const partner = build.source.partnersById.get(id);
  return partner ? build.text(partner.name) : '';
};

const place = (build: Build, event: RegistryEvent): string =>
  [build.text(event.city), build.tx.country(event.countryCode)].filter(Boolean).join(', ');

const startsAfter = (date: PartialDate | null, today: string): boolean => {
  const bounds = partialDateBounds(date);
  return bounds !== null && bounds.first > today;
};

/** Whether a position is held on `today`: no end date, or one not yet past. */
const isCurrent = (end: PartialDate | null, today: string): boolean => {
  const bounds = partialDateBounds(end);
  return bounds === null || bounds.last >= today;
};

function period(build: Build, start: PartialDate | null, end: PartialDate | null): string {
  if (start !== null && end === null) {
    return build.tx.t('briefing.pack.since', { date: build.tx.date(start) });
  }
  return build.tx.dateRange(start, end);
}

const table = (columns: string[], rows: string[][]): BriefingBlock[] =>
  rows.length > 0 ? [{ type: 'table', columns, rows }] : [];

// ---------------------------------------------------------------- sections

function profileSection(build: Build): BriefingBlock[] {
  const { source, tx, text } = build;
  const blocks: BriefingBlock[] = [];
  const event = source.focusEvent;
  if (event) {
    build.show(event);
    const fields = [
      { label: tx.t('briefing.pack.kind'), value: tx.t(`enums.eventKind.${event.kind}`) },
      { label: tx.t('briefing.pack.when'), value: tx.dateRange(event.startDate, event.endDate) },
      { label: tx.t('briefing.pack.where'), value: place(build, event) },
      { label: tx.t('briefing.pack.organizer'), value: nameOfPartner(build, event.organizerId) },
      {
        label: tx.t('briefing.pack.series'),
        value: event.series
          ? event.series.number === null
            ? text(event.series.name)
            : tx.t('briefing.pack.seriesNumbered', {
                number: event.series.number,
                name: text(event.series.name),
              })
          : '',
      },
      {
        label: tx.t('briefing.pack.partners'),
        value: event.partnerIds
          .map((id) => nameOfPartner(build, id))
          .filter(Boolean)
          .join('; '),
      },
      { label: tx.t('briefing.pack.outcomes'), value: text(event.outcomes) },
    ].filter((field) => field.value !== '');
    blocks.push({ type: 'subheading', text: text(event.title) }, { type: 'fields', rows: fields });
    if (event.notes) blocks.push({ type: 'paragraph', text: text(event.notes) });
  }
  for (const partner of source.focusPartners) {
    build.show(partner);
    const children = [...source.partnersById.values()].filter(
      (candidate) => candidate.parentId === partner.id && candidate.deletedAt === null,
    );
    const fields = [
      { label: tx.t('briefing.pack.kind'), value: tx.t(`enums.partnerKind.${partner.kind}`) },
      { label: tx.t('briefing.pack.acronym'), value: text(partner.acronym) },
      { label: tx.t('briefing.pack.country'), value: tx.country(partner.countryCode) },
      {
        label: tx.t('briefing.pack.mode'),
        value: partner.mode ? tx.t(`enums.cooperationMode.${partner.mode}`) : '',
      },
      { label: tx.t('briefing.pack.parent'), value: nameOfPartner(build, partner.parentId) },
      {
        label: tx.t('briefing.pack.children'),
        value: children.map((child) => text(child.name)).join('; '),
      },
      {
        label: tx.t('briefing.pack.areas'),
        value: partner.areaIds
          .map((id) => text(source.areasById.get(id)?.name))
          .filter(Boolean)
          .join('; '),
      },
    ].filter((field) => field.value !== '');
    blocks.push({ type: 'subheading', text: partnerName(build, partner) });
    blocks.push({ type: 'fields', rows: fields });
    if (partner.membershipFacts.length > 0) {
      blocks.push({
        type: 'list',
        items: partner.membershipFacts.map((fact) =>
          fact.since
            ? `${text(fact.statement)} (${tx.t('briefing.pack.since', { date: tx.date(fact.since) })})`
            : text(fact.statement),
        ),
      });
    }
    if (partner.notes) blocks.push({ type: 'paragraph', text: text(partner.notes) });
  }
  return blocks;
}

type ChronologyRow = { date: PartialDate; order: number; cells: string[] };

function chronologySection(build: Build): BriefingBlock[] {
  const { source, tx, text } = build;
  const rows: ChronologyRow[] = [];
  for (const agreement of source.agreements) {
    for (const step of agreement.steps) {
      if (step.date === null) continue;
      build.show(agreement);
      rows.push({
        date: step.date,
        order: 0,
        cells: [tx.date(step.date), tx.t(`enums.stepKind.${step.kind}`), text(agreement.title)],
      });
    }
  }
  for (const event of [...source.events, ...(source.focusEvent ? [source.focusEvent] : [])]) {
    if (event.startDate === null) continue;
    build.show(event);
    rows.push({
      date: event.startDate,
      order: 1,
      cells: [
        tx.dateRange(event.startDate, event.endDate),
        tx.t(`enums.eventKind.${event.kind}`),
        text(event.title),
      ],
    });
  }
  for (const project of source.projects) {
    const start = project.actualStart ?? project.plannedStart;
    const end = project.actualEnd;
    if (start !== null) {
      build.show(project);
      rows.push({
        date: start,
        order: 2,
        cells: [tx.date(start), tx.t('briefing.pack.projectStart'), text(project.title)],
      });
    }
    if (end !== null) {
      build.show(project);
      rows.push({
        date: end,
        order: 2,
        cells: [tx.date(end), tx.t('briefing.pack.projectEnd'), text(project.title)],
      });
    }
  }
  rows.sort((a, b) => comparePartialDates(a.date, b.date) || a.order - b.order);
  return table(
    [tx.t('briefing.pack.date'), tx.t('briefing.pack.what'), tx.t('briefing.pack.record')],
    rows.map((row) => row.cells),
  );
}

const firstStepDate = (agreement: Agreement): PartialDate | null =>
  sortAgreementSteps(agreement.steps).find((step) => step.date !== null)?.date ?? null;

function agreementsSection(build: Build): BriefingBlock[] {
  const { source, tx, text, options } = build;
  const agreements = [...source.agreements].sort((a, b) =>
    comparePartialDatesNewestFirst(firstStepDate(a), firstStepDate(b)),
  );
  const blocks: BriefingBlock[] = [];
  for (const agreement of agreements) {
    build.show(agreement);
    const status = deriveAgreementStatus(agreement, options.today);
    const parties = agreement.parties
      .map((party) => {
        const name = nameOfPartner(build, party.partnerId);
        return name && party.role !== 'party'
          ? `${name} (${tx.t(`enums.partyRole.${party.role}`)})`
          : name;
      })
      .filter(Boolean);
    blocks.push({ type: 'subheading', text: text(agreement.title) });
    blocks.push({
      type: 'fields',
      rows: [
        { label: tx.t('briefing.pack.kind'), value: tx.t(`enums.agreementKind.${agreement.kind}`) },
        { label: tx.t('briefing.pack.status'), value: tx.t(`enums.agreementStatus.${status}`) },
        { label: tx.t('briefing.pack.parties'), value: parties.join('; ') },
      ].filter((field) => field.value !== ''),
    });
    const steps = sortAgreementSteps(agreement.steps);
    if (steps.length === 0) {
      blocks.push({ type: 'paragraph', text: tx.t('briefing.pack.noSteps') });
      continue;
    }
    blocks.push({
      type: 'table',
      columns: [
        tx.t('briefing.pack.step'),
        tx.t('briefing.pack.date'),
        tx.t('briefing.pack.place'),
        tx.t('briefing.pack.instrument'),
      ],
      rows: steps.map((step) => [
        tx.t(`enums.stepKind.${step.kind}`),
        tx.date(step.date),
        text(step.place),
        text(step.instrument),
      ]),
    });
  }
  return blocks;
}

/** Ongoing, planned or suspended projects, and those that ended in the last few years. */
function isOngoingOrRecent(project: Project, today: string): boolean {
  if (project.status === 'ongoing' || project.status === 'pipeline') return true;
  if (project.status === 'suspended') return true;
  const end = partialDateBounds(project.actualEnd ?? project.plannedEnd);
  if (end === null) return false;
  const recentFrom = `${Number(today.slice(0, 4)) - RECENT_PROJECT_YEARS}${today.slice(4)}`;
  return end.last >= recentFrom;
}

function projectsSection(build: Build): BriefingBlock[] {
  const { source, tx, text, options } = build;
  const projects = source.projects
    .filter((project) => isOngoingOrRecent(project, options.today))
    .sort((a, b) =>
      comparePartialDatesNewestFirst(
        a.actualStart ?? a.plannedStart,
        b.actualStart ?? b.plannedStart,
      ),
    );
  return table(
    [
      tx.t('briefing.pack.title'),
      tx.t('briefing.pack.status'),
      tx.t('briefing.pack.period'),
      tx.t('briefing.pack.role'),
      tx.t('briefing.pack.budget'),
    ],
    projects.map((project) => {
      build.show(project);
      const roles = project.partners
        .filter((entry) => build.focusIds.has(entry.partnerId))
        .map((entry) => tx.t(`enums.projectRole.${entry.role}`));
      return [
        text(project.title),
        tx.t(`enums.projectStatus.${project.status}`),
        period(
          build,
          project.actualStart ?? project.plannedStart,
          project.actualEnd ?? project.plannedEnd,
        ),
        [...new Set(roles)].join(', '),
        project.budget ? `${tx.number(project.budget.amount)} ${project.budget.currency}` : '',
      ];
    }),
  );
}

function meetingRows(build: Build, events: RegistryEvent[]): string[][] {
  const { tx, text } = build;
  return events.map((event) => {
    build.show(event);
    return [
      tx.dateRange(event.startDate, event.endDate),
      `${text(event.title)} (${tx.t(`enums.eventKind.${event.kind}`)})`,
      place(build, event),
      text(event.outcomes),
    ];
  });
}

function meetingsSection(build: Build): BriefingBlock[] {
  const { source, tx, options } = build;
  const past = source.events
    .filter((event) => !startsAfter(event.startDate, options.today))
    .sort((a, b) => comparePartialDatesNewestFirst(a.startDate, b.startDate));
  const columns = [
    tx.t('briefing.pack.date'),
    tx.t('briefing.pack.meeting'),
    tx.t('briefing.pack.place'),
    tx.t('briefing.pack.outcomes'),
  ];
  const focus = source.focusEvent;
  if (focus?.series) {
    const seriesName = pickText(focus.series.name, 'en');
    const isSession = (event: RegistryEvent) =>
      event.series !== null && pickText(event.series.name, 'en') === seriesName;
    const sessions = past.filter(isSession);
    const others = past.filter((event) => !isSession(event));
    return [
      ...(sessions.length > 0
        ? [
            { type: 'subheading', text: tx.t('briefing.pack.previousSessions') } as const,
            ...table(columns, meetingRows(build, sessions)),
          ]
        : []),
      ...table(columns, meetingRows(build, others)),
    ];
  }
  return table(columns, meetingRows(build, past));
}

function followUpsSection(build: Build): BriefingBlock[] {
  const { source, tx, text } = build;
  const open = source.followUps
    .filter((followUp) => followUp.status === 'open' || followUp.status === 'in-progress')
    .sort((a, b) => comparePartialDates(a.dueDate, b.dueDate));
  return table(
    [
      tx.t('briefing.pack.action'),
      tx.t('briefing.pack.owner'),
      tx.t('briefing.pack.due'),
      tx.t('briefing.pack.status'),
    ],
    open.map((followUp) => {
      build.show(followUp);
      const owner = followUp.ownerPersonId
        ? source.peopleById.get(followUp.ownerPersonId)
        : undefined;
      return [
        [text(followUp.title), text(followUp.description)].filter(Boolean).join(' — '),
        owner ? text(owner.name) : '',
        followUp.dueDate === null ? '' : tx.date(followUp.dueDate),
        tx.t(`enums.followUpStatus.${followUp.status}`),
      ];
    }),
  );
}

function currentPositions(build: Build, person: Person): { title: string; org: string }[] {
  const { text, options } = build;
  const current = person.positions.filter((position) => isCurrent(position.to, options.today));
  // Positions with the subject's partners first: they are why the person is in the pack.
  current.sort(
    (a, b) =>
      Number(build.focusIds.has(b.organizationId ?? '')) -
      Number(build.focusIds.has(a.organizationId ?? '')),
  );
  return current.map((position) => ({
    title: text(position.title),
    org: nameOfPartner(build, position.organizationId),
  }));
}

function peopleSection(build: Build): BriefingBlock[] {
  const { source, tx, text } = build;
  const roles = new Map(
    (source.focusEvent?.participants ?? []).map((entry) => [entry.personId, entry.role]),
  );
  const people = [...source.people].sort((a, b) =>
    text(a.name).localeCompare(text(b.name), tx.locale),
  );
  const columns = [
    tx.t('briefing.pack.name'),
    tx.t('briefing.pack.position'),
    tx.t('briefing.pack.organization'),
    ...(roles.size > 0 ? [tx.t('briefing.pack.role')] : []),
  ];
  return table(
    columns,
    people.map((person) => {
      build.show(person);
      const positions = currentPositions(build, person);
      const role = roles.get(person.id);
      return [
        [person.honorific, text(person.name)].filter(Boolean).join(' '),
        positions.map((position) => position.title).join('; '),
        [...new Set(positions.map((position) => position.org).filter(Boolean))].join('; '),
        ...(roles.size > 0 ? [role ? tx.t(`enums.participantRole.${role}`) : ''] : []),
      ];
    }),
  );
}

function upcomingSection(build: Build): BriefingBlock[] {
  const { source, tx, text, options } = build;
  const upcoming = source.events
    .filter((event) => startsAfter(event.startDate, options.today))
    .sort((a, b) => comparePartialDates(a.startDate, b.startDate));
  return table(
    [tx.t('briefing.pack.date'), tx.t('briefing.pack.meeting'), tx.t('briefing.pack.place')],
    upcoming.map((event) => {
      build.show(event);
      return [
        tx.dateRange(event.startDate, event.endDate),
        `${text(event.title)} (${tx.t(`enums.eventKind.${event.kind}`)})`,
        place(build, event),
      ];
    }),
  );
}

function talkingPointsSection(build: Build): BriefingBlock[] {
  const points = build.options.talkingPoints
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean);
  return points.length > 0 ? [{ type: 'list', items: points }] : [];
}

function documentsSection(build: Build): BriefingBlock[] {
  const { source, tx, text } = build;
  const documents = [...source.documents].sort((a, b) =>
    comparePartialDatesNewestFirst(a.documentDate, b.documentDate),
  );
  return table(
    [tx.t('briefing.pack.document'), tx.t('briefing.pack.date'), tx.t('briefing.pack.file')],
    documents.map((document) => {
      build.show(document);
      return [
        text(document.title),
        document.documentDate === null ? '' : tx.date(document.documentDate),
        document.file?.name ?? '',
      ];
    }),
  );
}

const SECTION_BUILDERS: Record<
  Exclude<BriefingSectionId, 'cover'>,
  (build: Build) => BriefingBlock[]
> = {
  profile: profileSection,
  chronology: chronologySection,
  agreements: agreementsSection,
  projects: projectsSection,
  meetings: meetingsSection,
  followUps: followUpsSection,
  people: peopleSection,
  upcoming: upcomingSection,
  talkingPoints: talkingPointsSection,
  documents: documentsSection,
};
