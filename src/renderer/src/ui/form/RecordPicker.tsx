import {
  Autocomplete,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNER_KINDS, type Partner, type PartnerKind, type Person } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { createRecord, MutationError } from '../../db/changeTracking';
import { useLiveRecords } from '../../features/records/queries';
import { useFormat, type Format } from '../useFormat';

/** The kinds a form links to by picking: partners (with create-on-the-fly) and people. */
export type PickableKind = 'partners' | 'people';
type Pickable = Partner | Person;

/** An option in the list, or the "add a new one" entry built from what was typed. */
type Option = { record: Pickable } | { newLabel: string };

function labelOf(record: Pickable, format: Format): string {
  const name = format.text(record.name);
  const acronym = 'acronym' in record ? format.text(record.acronym) : '';
  return acronym ? `${name} (${acronym})` : name;
}

/** The live records of a kind as options, in the UI language's alphabetical order. */
function useOptions(kind: PickableKind, exclude: ReadonlySet<string> | undefined) {
  const format = useFormat();
  const records: readonly Pickable[] | undefined = useLiveRecords(kind);
  return useMemo(
    () =>
      (records ?? [])
        .filter((record) => !exclude?.has(record.id))
        .map((record) => ({ record, label: labelOf(record, format) }))
        .sort((a, b) => format.compare(a.label, b.label)),
    [records, exclude, format],
  );
}

type QuickCreateDialogProps = {
  kind: PickableKind;
  initialName: string | null;
  onClose: () => void;
  onCreated: (id: string) => void;
};

/**
 * Adds a partner or person from inside another form, with just what identifies it (its name in
 * the UI language, and a partner's kind); the rest can be filled in on its own page later.
 */
function QuickCreateDialog({ kind, initialName, onClose, onCreated }: QuickCreateDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { db, mutationContext } = useRegistry();
  const [name, setName] = useState(initialName ?? '');
  const [partnerKind, setPartnerKind] = useState<PartnerKind | ''>('');
  const [error, setError] = useState<string | null>(null);

  const create = async (event: SyntheticEvent) => {
    event.preventDefault();
    event.stopPropagation();
    try {
      const localizedName = { [format.language]: name };
      const record =
        kind === 'partners'
          ? await createRecord(
              db,
              'partners',
              { kind: partnerKind as PartnerKind, name: localizedName },
              mutationContext,
            )
          : await createRecord(db, 'people', { name: localizedName }, mutationContext);
      onCreated(record.id);
    } catch (caught) {
      setError(
        caught instanceof MutationError && caught.reason === 'invalid-content'
          ? t('form.errors.quickCreate')
          : String(caught),
      );
    }
  };

  return (
    <Dialog open={initialName !== null} onClose={onClose}>
      <form onSubmit={(event) => void create(event)} noValidate>
        <DialogTitle>
          {kind === 'partners' ? t('form.newPartner') : t('form.newPerson')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1, minWidth: 380 }}>
            <TextField
              label={`${t('fields.name')} (${t(`language.${format.language}`)})`}
              value={name}
              onChange={(event) => setName(event.target.value)}
              autoFocus
              required
              error={Boolean(error) && name.trim() === ''}
            />
            {kind === 'partners' && (
              <TextField
                select
                label={t('fields.kind')}
                value={partnerKind}
                onChange={(event) => setPartnerKind(event.target.value as PartnerKind)}
                required
                error={Boolean(error) && partnerKind === ''}
              >
                {PARTNER_KINDS.map((option) => (
                  <MenuItem key={option} value={option}>
                    {t(`enums.partnerKind.${option}`)}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {error && <span role="alert">{error}</span>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained">
            {t('form.add')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

type RecordPickerProps = {
  kind: PickableKind;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | null;
  helperText?: string;
  name: string;
  /** Records that may not be chosen (the record itself, its own descendants). */
  exclude?: ReadonlySet<string>;
  /** Offers "Add … as a new partner/person" for a name that is not in the registry yet. */
  canCreate?: boolean;
};

/** Picks one partner or person by typing part of its name, in any of the three languages. */
export function RecordPicker({
  kind,
  label,
  value,
  onChange,
  error,
  helperText,
  name,
  exclude,
  canCreate = false,
}: RecordPickerProps) {
  const { t } = useTranslation();
  const options = useOptions(kind, exclude);
  const [pendingName, setPendingName] = useState<string | null>(null);
  const labels = useMemo(
    () => new Map(options.map((option) => [option.record.id, option.label])),
    [options],
  );
  const selected = options.find((option) => option.record.id === value) ?? null;

  return (
    <>
      <Autocomplete<Option>
        options={options.map(({ record }) => ({ record }))}
        value={selected ? { record: selected.record } : null}
        onChange={(_event, option) => {
          if (option === null) onChange(null);
          else if ('record' in option) onChange(option.record.id);
          else setPendingName(option.newLabel);
        }}
        filterOptions={(available, state) => {
          const query = state.inputValue.trim().toLocaleLowerCase();
          const matches = available.filter(
            (option) =>
              'record' in option &&
              (labels.get(option.record.id)?.toLocaleLowerCase().includes(query) ||
                Object.values(option.record.name).some((text: string | undefined) =>
                  text?.toLocaleLowerCase().includes(query),
                )),
          );
          if (canCreate && query !== '') matches.push({ newLabel: state.inputValue.trim() });
          return matches;
        }}
        getOptionLabel={(option) =>
          'record' in option
            ? (labels.get(option.record.id) ?? '')
            : t(kind === 'partners' ? 'form.addPartner' : 'form.addPerson', {
                name: option.newLabel,
              })
        }
        isOptionEqualToValue={(option, current) =>
          'record' in option && 'record' in current && option.record.id === current.record.id
        }
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
      <QuickCreateDialog
        key={pendingName ?? ''}
        kind={kind}
        initialName={pendingName}
        onClose={() => setPendingName(null)}
        onCreated={(id) => {
          setPendingName(null);
          onChange(id);
        }}
      />
    </>
  );
}

/** A chosen record (null when it is no longer live), or the "add a new one" entry. */
type MultiOption = { id: string; label: string; record: Pickable | null } | { newLabel: string };

type MultiRecordPickerProps = Omit<RecordPickerProps, 'value' | 'onChange'> & {
  value: readonly string[];
  onChange: (ids: string[]) => void;
};

/**
 * Picks several partners or people, shown as chips, by typing part of a name in any language.
 * A chosen record that went to Trash stays chosen (named as missing), so saving keeps the link.
 */
export function MultiRecordPicker({
  kind,
  label,
  value,
  onChange,
  error,
  helperText,
  name,
  exclude,
  canCreate = false,
}: MultiRecordPickerProps) {
  const { t } = useTranslation();
  const options = useOptions(kind, exclude);
  const [pendingName, setPendingName] = useState<string | null>(null);
  const byId = useMemo(
    () =>
      new Map(
        options.map(({ record, label: text }) => [
          record.id,
          { id: record.id, label: text, record },
        ]),
      ),
    [options],
  );
  const selected = value.map(
    (id): MultiOption => byId.get(id) ?? { id, label: t('detail.missingRecord'), record: null },
  );

  return (
    <>
      <Autocomplete<MultiOption, true>
        multiple
        filterSelectedOptions
        options={[...byId.values()]}
        value={selected}
        onChange={(_event, choices) => {
          const typed = choices.find((choice) => 'newLabel' in choice);
          if (typed && 'newLabel' in typed) setPendingName(typed.newLabel);
          else onChange(choices.flatMap((choice) => ('id' in choice ? [choice.id] : [])));
        }}
        filterOptions={(available, state) => {
          const query = state.inputValue.trim().toLocaleLowerCase();
          const matches = available.filter(
            (option) =>
              'id' in option &&
              (option.label.toLocaleLowerCase().includes(query) ||
                Object.values(option.record?.name ?? {}).some((text: string | undefined) =>
                  text?.toLocaleLowerCase().includes(query),
                )),
          );
          if (canCreate && query !== '') matches.push({ newLabel: state.inputValue.trim() });
          return matches;
        }}
        getOptionLabel={(option) =>
          'id' in option
            ? option.label
            : t(kind === 'partners' ? 'form.addPartner' : 'form.addPerson', {
                name: option.newLabel,
              })
        }
        getOptionKey={(option) => ('id' in option ? option.id : `new:${option.newLabel}`)}
        isOptionEqualToValue={(option, current) =>
          'id' in option && 'id' in current && option.id === current.id
        }
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
      <QuickCreateDialog
        key={pendingName ?? ''}
        kind={kind}
        initialName={pendingName}
        onClose={() => setPendingName(null)}
        onCreated={(id) => {
          setPendingName(null);
          onChange([...value, id]);
        }}
      />
    </>
  );
}
