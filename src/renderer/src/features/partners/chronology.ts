import { comparePartialDates, type PartialDate } from '@shared/model/partialDate';
import type { AgreementStepKind, RecordKind } from '@shared/model/records';
import type { PartnerDossier } from './queries';

/** One dated moment of the cooperation with a partner. */
export type ChronologyEntry = {
  date: PartialDate;
  /** For events, the last day (a range is shown as one entry). */
  endDate: PartialDate | null;
  kind: RecordKind;
  recordId: string;
  what:
    | { type: 'agreement-step'; step: AgreementStepKind }
    | { type: 'event' }
    | { type: 'project-start' }
    | { type: 'project-end' };
};

/**
 * The partner's cooperation in date order, oldest first: every dated agreement step, event and
 * project start or end. Undated moments are left out rather than guessed; same-day moments keep
 * a stable order (agreements, then events, then projects).
 */
export function partnerChronology(dossier: PartnerDossier): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  for (const agreement of dossier.agreements) {
    for (const step of agreement.steps) {
      if (step.date === null) continue;
      entries.push({
        date: step.date,
        endDate: null,
        kind: 'agreements',
        recordId: agreement.id,
        what: { type: 'agreement-step', step: step.kind },
      });
    }
  }
  for (const event of dossier.events) {
    if (event.startDate === null) continue;
    entries.push({
      date: event.startDate,
      endDate: event.endDate,
      kind: 'events',
      recordId: event.id,
      what: { type: 'event' },
    });
  }
  for (const project of dossier.projects) {
    const start = project.actualStart ?? project.plannedStart;
    const end = project.actualEnd ?? project.plannedEnd;
    if (start !== null) {
      entries.push({
        date: start,
        endDate: null,
        kind: 'projects',
        recordId: project.id,
        what: { type: 'project-start' },
      });
    }
    if (end !== null) {
      entries.push({
        date: end,
        endDate: null,
        kind: 'projects',
        recordId: project.id,
        what: { type: 'project-end' },
      });
    }
  }
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => comparePartialDates(a.entry.date, b.entry.date) || a.index - b.index)
    .map(({ entry }) => entry);
}
