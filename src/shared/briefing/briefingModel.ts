import type { Language } from '../model/localizedText';
import type {
  Agreement,
  FollowUp,
  Partner,
  Person,
  Project,
  RegistryDocument,
  RegistryEvent,
  Sensitivity,
  ThematicArea,
} from '../model/records';

/** The sections a pack can hold, in their default order. The cover always opens the pack. */
export const BRIEFING_SECTIONS = [
  'cover',
  'profile',
  'chronology',
  'agreements',
  'projects',
  'meetings',
  'followUps',
  'people',
  'upcoming',
  'talkingPoints',
  'documents',
] as const;
export type BriefingSectionId = (typeof BRIEFING_SECTIONS)[number];

/** What a pack is about. */
export type BriefingSubject =
  | { kind: 'partner'; partnerId: string }
  | { kind: 'country'; countryCode: string }
  | { kind: 'event'; eventId: string }
  | { kind: 'selection'; recordIds: string[] };

/** A section the officer kept or left out, in the order chosen. */
export type SectionChoice = { id: BriefingSectionId; isIncluded: boolean };

/** The officer's choices for one pack; the section part can be saved as a template. */
export type BriefingOptions = {
  language: Language;
  sections: SectionChoice[];
  /** Free text written for this pack; one point per line. */
  talkingPoints: string;
  /** Records marked above this level are left out. */
  maxSensitivity: Sensitivity;
  /** Today as YYYY-MM-DD: what counts as past, current and upcoming. */
  today: string;
};

/** The default section list: everything, in the order. */
export function defaultSectionChoices(): SectionChoice[] {
  return BRIEFING_SECTIONS.map((id) => ({ id, isIncluded: true }));
}

/**
 * The records a pack is built from, gathered by the renderer (index lookups) for one subject.
 * `focusPartners` are the partners the pack is about: the partner and its bodies, the country's
 * state, authorities and partners, an event's partners, or the chosen partners.
 */
export type BriefingSource = {
  subject: BriefingSubject;
  focusPartners: Partner[];
  focusEvent: RegistryEvent | null;
  agreements: Agreement[];
  projects: Project[];
  events: RegistryEvent[];
  people: Person[];
  followUps: FollowUp[];
  documents: RegistryDocument[];
  /** Every partner and person the records name (parties, organizers, owners, employers). */
  partnersById: ReadonlyMap<string, Partner>;
  peopleById: ReadonlyMap<string, Person>;
  areasById: ReadonlyMap<string, ThematicArea>;
};

/** A block of a section's content; both renderers know every kind. */
export type BriefingBlock =
  | { type: 'subheading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  /** Label–value pairs, a two-column table in both outputs. */
  | { type: 'fields'; rows: { label: string; value: string }[] }
  | { type: 'table'; columns: string[]; rows: string[][] };

export type BriefingSection = { id: BriefingSectionId; heading: string; blocks: BriefingBlock[] };

/**
 * A pack, already in its language and with its marking: what the HTML (PDF) and DOCX renderers
 * turn into files, so both outputs say the same thing.
 */
export type BriefingDocument = {
  language: Language;
  /** The subject's name in the pack language, e.g. "International Organization for Migration (IOM)". */
  title: string;
  /** "Briefing pack" in the pack language. */
  heading: string;
  /** The cover's label–value lines (subject, date, language, marking); null without a cover. */
  cover: { label: string; value: string }[] | null;
  contentsHeading: string;
  sections: BriefingSection[];
  marking: Sensitivity;
  /** The marking as printed on every page, e.g. "INTERNAL". */
  markingText: string;
  pageLabel: string;
  ofLabel: string;
  /** How many records were left out for being marked above the threshold. */
  leftOut: number;
  /** Says so on the cover when records were left out; null otherwise. */
  notice: string | null;
  /** How many records the pack shows (the subject's own included). */
  recordCount: number;
};
