import { Autocomplete, MenuItem, Stack, TextField } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingSubject } from '@shared/briefing/briefingModel';
import type { LocalizedText } from '@shared/model/localizedText';
import { useFormat, type Format } from '../../../ui/useFormat';
import { useRecordsById } from '../../records/queries';

type SubjectKind = BriefingSubject['kind'];
const SUBJECT_KINDS: readonly SubjectKind[] = ['partner', 'country', 'event', 'selection'];

type Option = { id: string; label: string };

const label = (format: Format, name: LocalizedText, acronym?: LocalizedText | null) => {
  const text = format.text(name);
  const short = acronym ? format.text(acronym) : '';
  return short && short !== text ? `${text} (${short})` : text;
};

function useValues<R>(byId: ReadonlyMap<string, R> | undefined): R[] | undefined {
  return useMemo(() => (byId ? [...byId.values()] : undefined), [byId]);
}

type SubjectPickerProps = {
  subject: BriefingSubject | null;
  kind: SubjectKind;
  onKindChange: (kind: SubjectKind) => void;
  onChange: (subject: BriefingSubject | null) => void;
};

/** What the pack is about: a partner, a country, a meeting or visit, or hand-picked records. */
export function SubjectPicker({ subject, kind, onKindChange, onChange }: SubjectPickerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // Each kind is loaded into memory only when the chosen subject needs it as options.
  const isSelection = kind === 'selection';
  const partners = useValues(useRecordsById('partners', { isEnabled: kind !== 'event' }));
  const events = useValues(
    useRecordsById('events', { isEnabled: kind === 'event' || isSelection }),
  );
  const agreements = useValues(useRecordsById('agreements', { isEnabled: isSelection }));
  const projects = useValues(useRecordsById('projects', { isEnabled: isSelection }));

  const partnerOptions = useMemo(
    () =>
      (partners ?? [])
        .map((partner) => ({ id: partner.id, label: label(format, partner.name, partner.acronym) }))
        .sort((a, b) => format.compare(a.label, b.label)),
    [partners, format],
  );
  const eventOptions = useMemo(
    () =>
      (events ?? [])
        .map((event) => ({
          id: event.id,
          label: `${format.text(event.title)}${event.startDate ? ` (${format.date(event.startDate)})` : ''}`,
        }))
        .sort((a, b) => format.compare(a.label, b.label)),
    [events, format],
  );
  const countryOptions = useMemo(() => {
    const codes = new Set((partners ?? []).flatMap((partner) => partner.countryCode ?? []));
    return [...codes]
      .map((code) => ({ id: code, label: format.country(code) }))
      .sort((a, b) => format.compare(a.label, b.label));
  }, [partners, format]);
  const selectionOptions = useMemo(
    () => [
      ...partnerOptions,
      ...(agreements ?? []).map((record) => ({ id: record.id, label: format.text(record.title) })),
      ...(projects ?? []).map((record) => ({ id: record.id, label: format.text(record.title) })),
      ...eventOptions,
    ],
    [partnerOptions, agreements, projects, eventOptions, format],
  );

  const single = (
    options: Option[],
    selectedId: string | null,
    fieldLabel: string,
    make: (id: string) => BriefingSubject,
  ) => (
    <Autocomplete
      options={options}
      value={options.find((option) => option.id === selectedId) ?? null}
      onChange={(_, option) => onChange(option ? make(option.id) : null)}
      getOptionKey={(option) => option.id}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderInput={(params) => <TextField {...params} label={fieldLabel} />}
      sx={{ flexGrow: 1, minWidth: 280 }}
    />
  );

  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
      <TextField
        select
        label={t('briefing.subject')}
        value={kind}
        onChange={(event) => onKindChange(event.target.value as SubjectKind)}
        sx={{ minWidth: 200 }}
      >
        {SUBJECT_KINDS.map((option) => (
          <MenuItem key={option} value={option}>
            {t(`briefing.subjectKind.${option}`)}
          </MenuItem>
        ))}
      </TextField>
      {kind === 'partner' &&
        single(
          partnerOptions,
          subject?.kind === 'partner' ? subject.partnerId : null,
          t('briefing.pickPartner'),
          (partnerId) => ({ kind: 'partner', partnerId }),
        )}
      {kind === 'event' &&
        single(
          eventOptions,
          subject?.kind === 'event' ? subject.eventId : null,
          t('briefing.pickEvent'),
          (eventId) => ({ kind: 'event', eventId }),
        )}
      {kind === 'country' &&
        single(
          countryOptions,
          subject?.kind === 'country' ? subject.countryCode : null,
          t('briefing.pickCountry'),
          (countryCode) => ({ kind: 'country', countryCode }),
        )}
      {kind === 'selection' && (
        <Autocomplete
          multiple
          options={selectionOptions}
          value={selectionOptions.filter(
            (option) => subject?.kind === 'selection' && subject.recordIds.includes(option.id),
          )}
          onChange={(_, options) =>
            onChange(
              options.length > 0
                ? { kind: 'selection', recordIds: options.map((option) => option.id) }
                : null,
            )
          }
          getOptionKey={(option) => option.id}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          renderInput={(params) => <TextField {...params} label={t('briefing.pickRecords')} />}
          sx={{ flexGrow: 1, minWidth: 280 }}
        />
      )}
    </Stack>
  );
}
