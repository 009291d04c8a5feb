import { Autocomplete, Stack, TextField } from '@mui/material';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForMatch } from '@shared/text/fold';
import { useRegistry } from '../../app/RegistryContext';
import { createRecord, MutationError } from '../../db/changeTracking';
import { createAreaNamed } from '../../features/areas/mutations';
import { useLiveRecords } from '../../features/records/queries';
import { useFormat } from '../useFormat';

/** A vocabulary entry as the picker lists it. */
type Entry = {
  id: string;
  label: string;
  /** Everything a search may match, folded: names in every language, the code. */
  searchTexts: string[];
};

/** An entry, or the "Add …" choice built from what was typed. */
type Choice = Entry | { newLabel: string };

type VocabularyPickerProps = {
  /** DOM name of the input; tests and the field-error mapping find the field by it. */
  name: string;
  label: string;
  helperText: string;
  /** The vocabulary, sorted; undefined while it loads. */
  entries: Entry[] | undefined;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** The "Add …" option's text for a typed name. */
  addLabel: (typed: string) => string;
  /** Adds a new entry from what was typed and gives its id; a refusal's message is shown. */
  create: (typed: string) => Promise<string>;
  error?: string | null;
};

/**
 * Several entries of a vocabulary, picked by typing part of a name in any language, shown as
 * chips. A name that is not there yet is offered as "Add …", which adds it to the vocabulary at
 * once, so a user filling in a form never has to leave it to extend the list.
 */
function VocabularyPicker({
  name,
  label,
  helperText,
  entries,
  value,
  onChange,
  addLabel,
  create,
  error,
}: VocabularyPickerProps) {
  const { t } = useTranslation();
  const [inputValue, setInputValue] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const byId = useMemo(() => new Map(entries?.map((entry) => [entry.id, entry])), [entries]);
  // A chosen entry that is no longer live (in Trash) stays chosen, so saving keeps the link.
  const selected = value.map(
    (id): Entry =>
      byId.get(id) ?? {
        id,
        label: entries ? t('detail.missingRecord') : '…',
        searchTexts: [],
      },
  );

  const add = async (typed: string) => {
    if (isCreating) return;
    setIsCreating(true);
    setCreateError(null);
    try {
      const id = await create(typed);
      onChange([...value, id]);
      setInputValue('');
    } catch (caught) {
      setCreateError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setIsCreating(false);
    }
  };

  const shownError = createError ?? error;
  return (
    <Autocomplete<Choice, true>
      multiple
      autoHighlight
      filterSelectedOptions
      sx={{ flex: 1, minWidth: 0 }}
      options={entries ?? []}
      loading={entries === undefined || isCreating}
      value={selected}
      inputValue={inputValue}
      onInputChange={(_event, text, reason) => {
        // Keep what was typed while an "Add …" choice is being created from it.
        if (reason !== 'reset') setInputValue(text);
      }}
      onChange={(_event, choices) => {
        const typed = choices.find((choice) => 'newLabel' in choice);
        if (typed && 'newLabel' in typed) {
          void add(typed.newLabel);
          return;
        }
        setCreateError(null);
        setInputValue('');
        onChange(choices.flatMap((choice) => ('id' in choice ? [choice.id] : [])));
      }}
      filterOptions={(available, state) => {
        const query = foldForMatch(state.inputValue);
        if (query === '') return available;
        const matches = available.filter(
          (choice) => 'id' in choice && choice.searchTexts.some((text) => text.includes(query)),
        );
        // Offer to add the name only when no entry, chosen or not, already has it.
        const exists = (entries ?? []).some((entry) => entry.searchTexts.includes(query));
        return exists ? matches : [...matches, { newLabel: state.inputValue.trim() }];
      }}
      getOptionLabel={(choice) => ('id' in choice ? choice.label : addLabel(choice.newLabel))}
      getOptionKey={(choice) => ('id' in choice ? choice.id : `new:${choice.newLabel}`)}
      isOptionEqualToValue={(option, current) =>
        'id' in option && 'id' in current && option.id === current.id
      }
      noOptionsText={t('vocabulary.noMatches')}
      loadingText={t('common.loading')}
      renderInput={(params) => (
        <TextField
          {...params}
          name={name}
          label={label}
          error={Boolean(shownError)}
          helperText={shownError ?? helperText}
        />
      )}
    />
  );
}

/** Why an entry could not be added, in words a user can act on. */
function addFailure(caught: unknown, typed: string, invalidMessage: string, t: TFunction): Error {
  if (caught instanceof MutationError && caught.reason === 'read-only') {
    return new Error(t('vocabulary.readOnly'));
  }
  if (caught instanceof MutationError && caught.reason === 'invalid-content') {
    return new Error(invalidMessage);
  }
  return new Error(
    t('vocabulary.addFailed', {
      name: typed,
      message: caught instanceof Error ? caught.message : String(caught),
    }),
  );
}

type VocabularyFieldProps = {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | null;
};

/** The record's thematic areas; a new area is added with its name in the UI language. */
export function AreaPicker({ value, onChange, error }: VocabularyFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { db, mutationContext } = useRegistry();
  const areas = useLiveRecords('areas');
  const entries = useMemo(
    () =>
      areas
        ?.map((area) => ({
          id: area.id,
          label: format.text(area.name),
          searchTexts: [
            ...Object.values(area.name).map((text: string | undefined) => foldForMatch(text ?? '')),
            area.code,
          ].filter(Boolean),
        }))
        .sort((a, b) => format.compare(a.label, b.label)),
    [areas, format],
  );
  return (
    <VocabularyPicker
      name="areaIds"
      label={t('fields.areaIds')}
      helperText={t('vocabulary.areasHelp')}
      entries={entries}
      value={value}
      onChange={onChange}
      error={error}
      addLabel={(typed) => t('vocabulary.addArea', { name: typed })}
      create={async (typed) => {
        try {
          return (await createAreaNamed(db, typed, format.language, mutationContext)).id;
        } catch (caught) {
          throw addFailure(caught, typed, t('vocabulary.areaInvalid'), t);
        }
      }}
    />
  );
}

/** The record's tags: free labels, one vocabulary shared by every kind of record. */
export function TagPicker({ value, onChange, error }: VocabularyFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { db, mutationContext } = useRegistry();
  const tags = useLiveRecords('tags');
  const entries = useMemo(
    () =>
      tags
        ?.map((tag) => ({ id: tag.id, label: tag.label, searchTexts: [foldForMatch(tag.label)] }))
        .sort((a, b) => format.compare(a.label, b.label)),
    [tags, format],
  );
  return (
    <VocabularyPicker
      name="tagIds"
      label={t('fields.tagIds')}
      helperText={t('vocabulary.tagsHelp')}
      entries={entries}
      value={value}
      onChange={onChange}
      error={error}
      addLabel={(typed) => t('vocabulary.addTag', { name: typed })}
      create={async (typed) => {
        try {
          return (await createRecord(db, 'tags', { label: typed }, mutationContext)).id;
        } catch (caught) {
          throw addFailure(caught, typed, t('vocabulary.tagInvalid'), t);
        }
      }}
    />
  );
}

type AreaTagFieldsProps = {
  areaIds: readonly string[];
  tagIds: readonly string[];
  onAreaIdsChange: (ids: string[]) => void;
  onTagIdsChange: (ids: string[]) => void;
  /** The form's problems by field, from a refused save. */
  errors?: Record<string, string>;
};

/** Thematic areas and tags, which every kind of record carries, side by side in every form. */
export function AreaTagFields({
  areaIds,
  tagIds,
  onAreaIdsChange,
  onTagIdsChange,
  errors,
}: AreaTagFieldsProps) {
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <AreaPicker value={areaIds} onChange={onAreaIdsChange} error={errors?.areaIds} />
      <TagPicker value={tagIds} onChange={onTagIdsChange} error={errors?.tagIds} />
    </Stack>
  );
}
