import { Autocomplete, TextField } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@shared/model/localizedText';
import type { StoredRecord } from '@shared/model/records';
import { foldForMatch } from '@shared/text/fold';
import { useFormat } from '../../../ui/useFormat';
import { useLiveRecords } from '../../records/queries';
import { recordLabel } from '../../records/recordLabel';
import { LINKABLE_KINDS, type LinkableKind } from '../queries';

/** A record as the field lists it; `kind` is null for a linked record no longer in the registry. */
type Option = { id: string; kind: LinkableKind | null; label: string; searchText: string };

type LinkedRecordsFieldProps = {
  name: string;
  label: string;
  helperText: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | null;
};

function searchTextOf(record: StoredRecord<LinkableKind>): string {
  const texts: (LocalizedText | null)[] = [recordLabel(record) as LocalizedText];
  if ('acronym' in record) texts.push(record.acronym);
  return foldForMatch(
    texts.flatMap((text) => Object.values<string | undefined>(text ?? {})).join(' \u0000 '),
  );
}

/**
 * The records a document belongs to, of any kind, picked by typing part of a name or title in any
 * language and listed under their section. A linked record now in Trash stays linked (named as
 * missing), so saving the form keeps the link for a restore.
 */
export function LinkedRecordsField({
  name,
  label,
  helperText,
  value,
  onChange,
  error,
}: LinkedRecordsFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const partners = useLiveRecords('partners');
  const agreements = useLiveRecords('agreements');
  const projects = useLiveRecords('projects');
  const events = useLiveRecords('events');
  const people = useLiveRecords('people');
  const followUps = useLiveRecords('followUps');

  const options = useMemo(() => {
    const byKind = { partners, agreements, projects, events, people, followUps };
    return LINKABLE_KINDS.flatMap((kind) => {
      const records: readonly StoredRecord<LinkableKind>[] = byKind[kind] ?? [];
      return records
        .map((record): Option => ({
          id: record.id,
          kind,
          label: format.text(recordLabel(record) as LocalizedText),
          searchText: searchTextOf(record),
        }))
        .sort((a, b) => format.compare(a.label, b.label));
    });
  }, [partners, agreements, projects, events, people, followUps, format]);
  const byId = useMemo(() => new Map(options.map((option) => [option.id, option])), [options]);
  const selected = value.map(
    (id): Option =>
      byId.get(id) ?? { id, kind: null, label: t('detail.missingRecord'), searchText: '' },
  );

  return (
    <Autocomplete<Option, true>
      multiple
      filterSelectedOptions
      options={options}
      value={selected}
      onChange={(_event, choices) => onChange(choices.map((choice) => choice.id))}
      groupBy={(option) => (option.kind ? t(`nav.${option.kind}`) : '')}
      filterOptions={(available, state) => {
        const query = foldForMatch(state.inputValue.trim());
        return available.filter((option) => option.searchText.includes(query));
      }}
      getOptionLabel={(option) => option.label}
      getOptionKey={(option) => option.id}
      isOptionEqualToValue={(option, current) => option.id === current.id}
      noOptionsText={t('vocabulary.noMatches')}
      renderInput={(params) => (
        <TextField
          {...params}
          name={name}
          label={label}
          error={Boolean(error)}
          helperText={error ?? helperText}
        />
      )}
    />
  );
}
