import { joinContentLines } from './contentLines';

/**
 * A person as a contact card, with texts already in the UI language. Only what the registry knows
 * is written: no invented given/family split, no guessed phone types.
 */
export type ContactCard = {
  /** The record's id: a re-imported card updates the contact instead of adding a twin. */
  id: string;
  formattedName: string;
  /** The structured name (N), when the name splits without guessing; see `splitPersonName`. */
  name: StructuredName | null;
  /** Organization, then its units, outermost first: ["Ministry of Justice", "IND"]. */
  organization: readonly string[];
  title: string | null;
  emails: readonly string[];
  phones: readonly string[];
  /** Postal addresses as written, one free text each. */
  addresses: readonly string[];
  /** ISO 639-1 codes of the working languages, most used first. */
  languages: readonly string[];
  note: string | null;
  /** When the record last changed (ISO timestamp). */
  revision: string | null;
};

export type StructuredName = {
  family: string;
  given: string;
  prefixes: readonly string[];
};

/**
 * Escapes a text value (RFC 6350 §3.4): backslash and comma get a backslash, line breaks become \n.
 * Semicolons are left alone here: the RFC only allows escaping them outside compound values, and
 * readers such as Thunderbird's (ical.js) then show the backslash.
 */
export function escapeVCardText(value: string): string {
  return value.replace(/[\\,]/g, (match) => `\\${match}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Escapes one field of a compound value (N, ADR, ORG), where ; separates the fields. */
export function escapeVCardField(value: string): string {
  return escapeVCardText(value).replace(/;/g, '\\;');
}

const encoder = new TextEncoder();

/**
 * N for a name of exactly two words (given, family): "Firudin Nəbiyev", "Фирудин Набиев". Longer
 * names (middle names, patronymics, compound surnames) have no safe split, so they get none and
 * address books use FN; the honorific goes in as a prefix.
 */
export function splitPersonName(name: string, honorific: string | null): StructuredName | null {
  const words = name.trim().split(/\s+/);
  if (words.length !== 2) return null;
  const [given = '', family = ''] = words;
  return { family, given, prefixes: honorific ? [honorific] : [] };
}

/** A tel: URI (RFC 3966) for an international number, else null to write it as free text. */
function telUri(phone: string): string | null {
  const trimmed = phone.trim();
  if (!/^\+\d[\d\s().-]*\d$/.test(trimmed)) return null;
  return `tel:${trimmed.replace(/[\s()]+/g, '-').replace(/-+/g, '-')}`;
}

/** "2026-11-27T14:03:00.000Z" as a vCard timestamp, "20261127T140300Z". */
function vCardTimestamp(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A language tag (RFC 5646) as LANG takes it: letters, digits and hyphens only. */
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * UID as a `urn:uuid:` URI for a record's UUID; any other id (a forged or foreign one) as escaped
 * text, so it can neither break the line nor pose as a URI.
 */
function uidLine(id: string): string {
  return UUID.test(id)
    ? `UID:urn:uuid:${id.toLowerCase()}`
    : `UID;VALUE=text:${escapeVCardText(id)}`;
}

function component(values: readonly string[]): string {
  return values.map(escapeVCardField).join(',');
}

function cardLines(card: ContactCard): string[] {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'PRODID:-//Cooperation Registry//Cooperation Registry//EN',
    uidLine(card.id),
    'KIND:individual',
    `FN:${escapeVCardText(card.formattedName)}`,
  ];
  if (card.name) {
    // family;given;additional;prefixes;suffixes
    const { family, given, prefixes } = card.name;
    lines.push(`N:${escapeVCardField(family)};${escapeVCardField(given)};;${component(prefixes)};`);
  }
  if (card.organization.length > 0) {
    lines.push(`ORG:${card.organization.map(escapeVCardField).join(';')}`);
  }
  if (card.title) lines.push(`TITLE:${escapeVCardText(card.title)}`);
  for (const email of card.emails) lines.push(`EMAIL:${escapeVCardText(email)}`);
  for (const phone of card.phones) {
    const uri = telUri(phone);
    lines.push(uri ? `TEL;VALUE=uri:${uri}` : `TEL;VALUE=text:${escapeVCardText(phone)}`);
  }
  for (const address of card.addresses) {
    // pobox;ext;street;locality;region;code;country: a free-text address is all "street".
    lines.push(`ADR:;;${escapeVCardField(address)};;;;`);
  }
  // LANG takes a language tag, not text: anything else is left out rather than escaped into one.
  card.languages
    .filter((language) => LANGUAGE_TAG.test(language))
    .forEach((language, index) => lines.push(`LANG;PREF=${Math.min(index + 1, 100)}:${language}`));
  if (card.note) lines.push(`NOTE:${escapeVCardText(card.note)}`);
  const revision = card.revision ? vCardTimestamp(card.revision) : null;
  if (revision) lines.push(`REV:${revision}`);
  lines.push('END:VCARD');
  return lines;
}

/**
 * A vCard 4.0 file (RFC 6350) with one card per person: CRLF line ends, text escaped, lines folded
 * at 75 octets. Outlook, Thunderbird and phone address books import it.
 */
export function buildVCards(cards: readonly ContactCard[]): string {
  return joinContentLines(cards.flatMap(cardLines));
}

/** The cards as file bytes: vCard 4.0 is UTF-8 only. */
export function encodeVCards(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}
