import type { Language } from '../model/localizedText';
import type { ImportEnumName } from './parseValues';

/** The record kinds a spreadsheet can be imported as. */
export const IMPORT_KINDS = [
  'partners',
  'agreements',
  'projects',
  'events',
  'people',
  'followUps',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Every field a column can be mapped to; the ids double as message keys (`importer.fields.*`). */
export const IMPORT_FIELD_IDS = [
  'reference',
  'name',
  'title',
  'acronym',
  'kind',
  'status',
  'country',
  'parent',
  'mode',
  'parties',
  'signedDate',
  'signedPlace',
  'inForceDate',
  'expiryDate',
  'termMonths',
  'partners',
  'programme',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'budgetAmount',
  'budgetCurrency',
  'startDate',
  'endDate',
  'city',
  'organizer',
  'seriesName',
  'seriesNumber',
  'outcomes',
  'honorific',
  'position',
  'organization',
  'email',
  'phone',
  'languages',
  'description',
  'owner',
  'dueDate',
  'notes',
  'sensitivity',
] as const;
export type ImportFieldId = (typeof IMPORT_FIELD_IDS)[number];

/** How a column's cells are read. */
export type ImportFieldType =
  | 'localized'
  | 'text'
  | 'enum'
  | 'date'
  | 'country'
  | 'partner'
  | 'partnerList'
  | 'person'
  | 'integer'
  | 'number'
  | 'currency'
  | 'email'
  | 'phone'
  | 'languageList'
  | 'reference';

/** Header words that suggest a field, by the language they are written in. */
type Synonyms = Partial<Record<Language, readonly string[]>>;

export type ImportField = {
  id: ImportFieldId;
  type: ImportFieldType;
  enumName?: ImportEnumName;
  /** A row without a value here is rejected (unless the mapping gives a value for all rows). */
  isRequired?: boolean;
  synonyms: Synonyms;
};

const REFERENCE: ImportField = {
  id: 'reference',
  type: 'reference',
  synonyms: {
    en: ['reference', 'ref', 'id', 'external id', 'code', 'number', 'no'],
    az: ['istinad', 'kod', 'nomre', 'sira nomresi', 'identifikator'],
    ru: ['код', 'идентификатор', 'номер', 'ид', 'ссылка', 'шифр'],
  },
};
const NOTES: ImportField = {
  id: 'notes',
  type: 'localized',
  synonyms: {
    en: ['notes', 'note', 'comment', 'comments', 'remarks'],
    az: ['qeyd', 'qeydler', 'serh', 'izah'],
    ru: ['примечание', 'примечания', 'комментарий', 'заметки'],
  },
};
const SENSITIVITY: ImportField = {
  id: 'sensitivity',
  type: 'enum',
  enumName: 'sensitivity',
  synonyms: {
    en: ['sensitivity', 'classification', 'marking'],
    az: ['mexfilik', 'mexfilik derecesi', 'qrif'],
    ru: ['конфиденциальность', 'гриф', 'уровень доступа'],
  },
};
const NAME_WORDS: Synonyms = {
  en: ['name', 'full name', 'organization', 'organisation', 'partner', 'partner name'],
  az: ['ad', 'adi', 'tam ad', 'tam adi', 'teskilat', 'teskilatin adi', 'terefdas', 'qurum'],
  ru: ['название', 'наименование', 'имя', 'организация', 'партнер', 'полное наименование'],
};
const TITLE_WORDS = (en: string[], az: string[], ru: string[]): Synonyms => ({
  en: ['title', 'name', 'subject', ...en],
  az: ['ad', 'adi', 'basliq', 'movzu', ...az],
  ru: ['название', 'наименование', 'тема', ...ru],
});
const COUNTRY: ImportField = {
  id: 'country',
  type: 'country',
  synonyms: {
    en: ['country', 'country code', 'state'],
    az: ['olke', 'dovlet'],
    ru: ['страна', 'государство'],
  },
};
const PARTNERS: ImportField = {
  id: 'partners',
  type: 'partnerList',
  synonyms: {
    en: ['partners', 'partner organizations', 'participants'],
    az: ['terefdaslar', 'istirakcilar'],
    ru: ['партнеры', 'участники'],
  },
};
const date = (id: ImportFieldId, synonyms: Synonyms): ImportField => ({
  id,
  type: 'date',
  synonyms,
});

/**
 * The fields of each importable kind, in the order the mapping step lists them. Synonyms are
 * compared folded (case, diacritics, ə/ı), so "Ölkə", "ÖLKƏ" and "olke" are the same header.
 */
export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  partners: [
    { id: 'name', type: 'localized', isRequired: true, synonyms: NAME_WORDS },
    {
      id: 'acronym',
      type: 'localized',
      synonyms: {
        en: ['acronym', 'abbreviation', 'short name'],
        az: ['abbreviatura', 'qisa ad', 'qisaltma'],
        ru: ['аббревиатура', 'сокращение', 'краткое наименование'],
      },
    },
    {
      id: 'kind',
      type: 'enum',
      enumName: 'partnerKind',
      isRequired: true,
      synonyms: {
        en: ['kind', 'type', 'category'],
        az: ['nov', 'tip', 'kateqoriya'],
        ru: ['тип', 'вид', 'категория'],
      },
    },
    COUNTRY,
    {
      id: 'parent',
      type: 'partner',
      synonyms: {
        en: ['parent', 'part of', 'parent organization', 'under'],
        az: ['tabedir', 'ust qurum', 'daxildir'],
        ru: ['вышестоящая организация', 'входит в', 'в составе'],
      },
    },
    {
      id: 'mode',
      type: 'enum',
      enumName: 'cooperationMode',
      synonyms: {
        en: ['mode', 'cooperation', 'format'],
        az: ['emekdasliq', 'format'],
        ru: ['сотрудничество', 'формат'],
      },
    },
    REFERENCE,
    NOTES,
    SENSITIVITY,
  ],
  agreements: [
    {
      id: 'title',
      type: 'localized',
      isRequired: true,
      synonyms: TITLE_WORDS(['agreement'], ['saziş', 'sened'], ['соглашение', 'документ']),
    },
    {
      id: 'kind',
      type: 'enum',
      enumName: 'agreementKind',
      isRequired: true,
      synonyms: { en: ['kind', 'type', 'instrument'], az: ['nov', 'tip'], ru: ['тип', 'вид'] },
    },
    {
      id: 'parties',
      type: 'partnerList',
      synonyms: {
        en: ['parties', 'party', 'partner', 'partners'],
        az: ['terefler', 'teref', 'terefdas'],
        ru: ['стороны', 'сторона', 'партнер'],
      },
    },
    date('signedDate', {
      en: ['signed', 'date signed', 'date of signature', 'signature date', 'date'],
      az: ['imzalanib', 'imzalanma tarixi', 'imza tarixi', 'tarix'],
      ru: ['подписано', 'дата подписания', 'дата'],
    }),
    {
      id: 'signedPlace',
      type: 'localized',
      synonyms: {
        en: ['place', 'place of signature', 'signed in'],
        az: ['yer', 'imzalanma yeri'],
        ru: ['место', 'место подписания'],
      },
    },
    date('inForceDate', {
      en: ['in force', 'entry into force', 'entered into force'],
      az: ['quvveye minib', 'quvveye minme tarixi', 'quvveye minme'],
      ru: ['вступило в силу', 'вступление в силу', 'дата вступления в силу'],
    }),
    date('expiryDate', {
      en: ['expiry', 'expires', 'expiry date', 'valid until'],
      az: ['bitme tarixi', 'qeyde qeder', 'muddetin bitmesi'],
      ru: ['истекает', 'срок действия до', 'действует до'],
    }),
    {
      id: 'termMonths',
      type: 'integer',
      synonyms: {
        en: ['term', 'term months', 'duration'],
        az: ['muddet', 'muddet ay'],
        ru: ['срок', 'срок месяцев'],
      },
    },
    REFERENCE,
    NOTES,
    SENSITIVITY,
  ],
  projects: [
    {
      id: 'title',
      type: 'localized',
      isRequired: true,
      synonyms: TITLE_WORDS(['project'], ['layihe'], ['проект']),
    },
    {
      id: 'status',
      type: 'enum',
      enumName: 'projectStatus',
      isRequired: true,
      synonyms: {
        en: ['status', 'state'],
        az: ['status', 'veziyyet'],
        ru: ['статус', 'состояние'],
      },
    },
    PARTNERS,
    {
      id: 'programme',
      type: 'partner',
      synonyms: {
        en: ['programme', 'program', 'instrument'],
        az: ['proqram', 'alet'],
        ru: ['программа', 'инструмент'],
      },
    },
    date('plannedStart', {
      en: ['planned start'],
      az: ['planlasdirilan baslama'],
      ru: ['плановое начало'],
    }),
    date('plannedEnd', {
      en: ['planned end'],
      az: ['planlasdirilan bitme'],
      ru: ['плановое окончание'],
    }),
    date('actualStart', {
      en: ['start', 'start date', 'actual start', 'from'],
      az: ['baslama', 'baslama tarixi', 'baslangic'],
      ru: ['начало', 'дата начала'],
    }),
    date('actualEnd', {
      en: ['end', 'end date', 'actual end', 'to'],
      az: ['bitme', 'bitme tarixi', 'son'],
      ru: ['окончание', 'дата окончания'],
    }),
    {
      id: 'budgetAmount',
      type: 'number',
      synonyms: {
        en: ['budget', 'amount', 'budget amount'],
        az: ['budce', 'mebleg'],
        ru: ['бюджет', 'сумма'],
      },
    },
    {
      id: 'budgetCurrency',
      type: 'currency',
      synonyms: { en: ['currency'], az: ['valyuta'], ru: ['валюта'] },
    },
    REFERENCE,
    NOTES,
    SENSITIVITY,
  ],
  events: [
    {
      id: 'title',
      type: 'localized',
      isRequired: true,
      synonyms: TITLE_WORDS(['event', 'meeting'], ['tedbir', 'gorus'], ['мероприятие', 'встреча']),
    },
    {
      id: 'kind',
      type: 'enum',
      enumName: 'eventKind',
      isRequired: true,
      synonyms: {
        en: ['kind', 'type', 'format'],
        az: ['nov', 'tip'],
        ru: ['тип', 'вид', 'формат'],
      },
    },
    date('startDate', {
      en: ['date', 'start', 'start date', 'from'],
      az: ['tarix', 'tarixi', 'baslama tarixi', 'baslama'],
      ru: ['дата', 'дата начала', 'начало', 'с'],
    }),
    date('endDate', {
      en: ['end', 'end date', 'to', 'until'],
      az: ['bitme tarixi', 'bitme', 'son tarix'],
      ru: ['дата окончания', 'окончание', 'по'],
    }),
    {
      id: 'city',
      type: 'localized',
      synonyms: {
        en: ['city', 'place', 'venue', 'location'],
        az: ['seher', 'yer', 'mekan'],
        ru: ['город', 'место', 'место проведения'],
      },
    },
    COUNTRY,
    {
      id: 'organizer',
      type: 'partner',
      synonyms: {
        en: ['organizer', 'organiser', 'host', 'convened by'],
        az: ['teskilatci', 'ev sahibi'],
        ru: ['организатор', 'принимающая сторона'],
      },
    },
    PARTNERS,
    {
      id: 'seriesName',
      type: 'localized',
      synonyms: { en: ['series'], az: ['seriya', 'silsile'], ru: ['серия', 'цикл'] },
    },
    {
      id: 'seriesNumber',
      type: 'integer',
      synonyms: {
        en: ['session', 'number in series', 'session number'],
        az: ['sessiya', 'iclas nomresi'],
        ru: ['сессия', 'номер заседания', 'номер сессии'],
      },
    },
    {
      id: 'outcomes',
      type: 'localized',
      synonyms: {
        en: ['outcomes', 'outcome', 'results'],
        az: ['neticeler', 'netice'],
        ru: ['итоги', 'результаты'],
      },
    },
    REFERENCE,
    NOTES,
    SENSITIVITY,
  ],
  people: [
    {
      id: 'name',
      type: 'localized',
      isRequired: true,
      synonyms: {
        en: ['name', 'full name', 'person'],
        az: ['ad', 'adi', 'soyad', 'ad soyad', 'soyadi adi', 'sexs'],
        ru: ['имя', 'фио', 'ф.и.о', 'фамилия имя', 'фамилия'],
      },
    },
    {
      id: 'honorific',
      type: 'text',
      synonyms: { en: ['honorific', 'salutation', 'title'], az: ['muraciet'], ru: ['обращение'] },
    },
    {
      id: 'position',
      type: 'localized',
      synonyms: { en: ['position', 'job title', 'post'], az: ['vezife'], ru: ['должность'] },
    },
    {
      id: 'organization',
      type: 'partner',
      synonyms: {
        en: ['organization', 'organisation', 'employer', 'institution'],
        az: ['teskilat', 'qurum', 'is yeri'],
        ru: ['организация', 'место работы', 'учреждение'],
      },
    },
    {
      id: 'email',
      type: 'email',
      synonyms: {
        en: ['email', 'e-mail', 'mail'],
        az: ['e-poct', 'elektron poct'],
        ru: ['эл. почта', 'электронная почта', 'e-mail'],
      },
    },
    {
      id: 'phone',
      type: 'phone',
      synonyms: {
        en: ['phone', 'telephone', 'tel'],
        az: ['telefon', 'tel'],
        ru: ['телефон', 'тел'],
      },
    },
    {
      id: 'languages',
      type: 'languageList',
      synonyms: {
        en: ['languages', 'working languages'],
        az: ['diller', 'is dilleri'],
        ru: ['языки', 'рабочие языки'],
      },
    },
    REFERENCE,
    NOTES,
    SENSITIVITY,
  ],
  followUps: [
    {
      id: 'title',
      type: 'localized',
      isRequired: true,
      synonyms: TITLE_WORDS(
        ['action', 'task', 'follow-up'],
        ['tapsiriq', 'tedbir'],
        ['поручение', 'задача', 'действие'],
      ),
    },
    {
      id: 'description',
      type: 'localized',
      synonyms: {
        en: ['description', 'details'],
        az: ['tesvir', 'etrafli'],
        ru: ['описание', 'подробности'],
      },
    },
    {
      id: 'owner',
      type: 'person',
      synonyms: {
        en: ['owner', 'responsible', 'assignee'],
        az: ['mesul', 'icraci', 'cavabdeh'],
        ru: ['ответственный', 'исполнитель'],
      },
    },
    date('dueDate', {
      en: ['due', 'due date', 'deadline', 'date'],
      az: ['son tarix', 'icra muddeti', 'muddet', 'tarix'],
      ru: ['срок', 'срок исполнения', 'дата'],
    }),
    {
      id: 'status',
      type: 'enum',
      enumName: 'followUpStatus',
      synonyms: {
        en: ['status', 'state'],
        az: ['status', 'veziyyet'],
        ru: ['статус', 'состояние'],
      },
    },
    REFERENCE,
    NOTES,
    SENSITIVITY,
  ],
};

/** The definition of a field of a kind, or undefined when the kind has no such field. */
export function importField(kind: ImportKind, id: ImportFieldId): ImportField | undefined {
  return IMPORT_FIELDS[kind].find((field) => field.id === id);
}

export function isImportKind(kind: string): kind is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(kind);
}
