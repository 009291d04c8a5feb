import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@shared/model/localizedText';
import type { Sensitivity } from '@shared/model/records';
import { AreaTagFields } from './AreaTagFields';
import { blankToNull } from './blankToNull';
import { LocalizedTextField } from './LocalizedTextField';

/** The fields every kind of record carries, as every form edits them. */
export type CommonDraft = {
  areaIds: string[];
  tagIds: string[];
  sensitivity: Sensitivity;
  notes: LocalizedText;
};

type CommonContent = {
  areaIds: readonly string[];
  tagIds: readonly string[];
  sensitivity: Sensitivity;
  notes: LocalizedText | null;
};

/** A record's common fields as a form starts with them; a new record is marked internal. */
export function commonDraft(record: CommonContent | null): CommonDraft {
  return {
    areaIds: record ? [...record.areaIds] : [],
    tagIds: record ? [...record.tagIds] : [],
    sensitivity: record?.sensitivity ?? 'internal',
    notes: record?.notes ?? {},
  };
}

/** The common fields as the record stores them: empty notes are no notes. */
export function commonContent(draft: CommonDraft) {
  return {
    areaIds: draft.areaIds,
    tagIds: draft.tagIds,
    sensitivity: draft.sensitivity,
    notes: blankToNull(draft.notes),
  };
}

type CommonFieldsProps<D extends CommonDraft> = {
  draft: D;
  /** The form's own change function (useRecordForm). */
  change: <F extends keyof D>(field: F, value: D[F]) => void;
  /** The form's problems by field, from a refused save. */
  errors: Record<string, string>;
};

/**
 * Thematic areas, tags and notes, the end of every record form. Sensitivity is not here: each
 * form shows it next to the fields it guards.
 */
export function CommonFields<D extends CommonDraft>({
  draft,
  change: changeDraft,
  errors,
}: CommonFieldsProps<D>) {
  // Every D has these four fields with these types, which TypeScript cannot see through D[F].
  const change = changeDraft as unknown as <F extends keyof CommonDraft>(
    field: F,
    value: CommonDraft[F],
  ) => void;
  return (
    <>
      <AreaTagFields
        areaIds={draft.areaIds}
        tagIds={draft.tagIds}
        onAreaIdsChange={(ids) => change('areaIds', ids)}
        onTagIdsChange={(ids) => change('tagIds', ids)}
        errors={errors}
      />

      <NotesField
        value={draft.notes}
        onChange={(value) => change('notes', value)}
        error={errors.notes}
      />
    </>
  );
}

type NotesFieldProps = {
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  error?: string;
};

/** Free notes in each language; on its own for forms without areas (the Areas form). */
export function NotesField({ value, onChange, error }: NotesFieldProps) {
  const { t } = useTranslation();
  return (
    <LocalizedTextField
      name="notes"
      label={t('fields.notes')}
      value={value}
      onChange={onChange}
      error={error}
      isMultiline
    />
  );
}
