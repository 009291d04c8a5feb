import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Autocomplete,
  Button,
  FormControl,
  FormHelperText,
  FormLabel,
  IconButton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_NAMES_AZ } from '@shared/i18n/countryNamesAz';
import type { LocalizedText } from '@shared/model/localizedText';
import type { PartialDate } from '@shared/model/partialDate';
import {
  EVENT_KINDS,
  PARTICIPANT_ROLES,
  type RecordContentInput,
  type RegistryEvent,
} from '@shared/model/records';
import {
  CommonFields,
  commonContent,
  commonDraft,
  type CommonDraft,
} from '../../ui/form/CommonFields';
import { blankToNull, isBlank } from '../../ui/form/blankToNull';
import { LocalizedTextField } from '../../ui/form/LocalizedTextField';
import { PartialDateField } from '../../ui/form/PartialDateField';
import { RecordFormLayout } from '../../ui/form/RecordFormLayout';
import { RecordFormRoute } from '../../ui/form/RecordFormRoute';
import { SensitivityField } from '../../ui/form/SensitivityField';
import { EnumSelectField } from '../../ui/form/EnumSelectField';
import { RecordPicker } from '../../ui/form/RecordPicker';
import { useRecordForm } from '../../ui/form/useRecordForm';
import { useFormat } from '../../ui/useFormat';
import { isEndBeforeStart } from './eventDates';

type EventKind = (typeof EVENT_KINDS)[number];
type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * What the form edits, with draft fields named like the content fields so a refused save's message
 * clears as soon as its field is changed.
 */
type Draft = {
  kind: EventKind | '';
  title: LocalizedText;
  startDate: PartialDate | null;
  endDate: PartialDate | null;
  city: LocalizedText;
  countryCode: string | null;
  organizerId: string | null;
  /** A row whose partner is not picked yet is null. */
  partnerIds: (string | null)[];
  /** The number as typed, so a half-typed or wrong one can be shown back and named. */
  series: { name: LocalizedText; number: string };
  participants: { personId: string | null; role: ParticipantRole }[];
  outcomes: LocalizedText;
} & CommonDraft;

const COUNTRY_CODES = Object.keys(COUNTRY_NAMES_AZ);

function toDraft(event: RegistryEvent | null): Draft {
  return {
    kind: event?.kind ?? '',
    title: event?.title ?? {},
    startDate: event?.startDate ?? null,
    endDate: event?.endDate ?? null,
    city: event?.city ?? {},
    countryCode: event?.countryCode ?? null,
    organizerId: event?.organizerId ?? null,
    partnerIds: event ? [...event.partnerIds] : [],
    series: {
      name: event?.series?.name ?? {},
      number: String(event?.series?.number ?? ''),
    },
    participants: event?.participants.map((participant) => ({ ...participant })) ?? [],
    outcomes: event?.outcomes ?? {},
    ...commonDraft(event),
  };
}

function toContent(draft: Draft): Partial<RecordContentInput<'events'>> {
  const seriesNumber = draft.series.number.trim();
  return {
    // An empty kind is sent as is, so the model names the missing choice like any other problem.
    kind: draft.kind as EventKind,
    title: draft.title,
    startDate: draft.startDate,
    endDate: draft.endDate,
    city: blankToNull(draft.city),
    countryCode: draft.countryCode,
    organizerId: draft.organizerId,
    // Rows never picked are left out rather than refused.
    partnerIds: draft.partnerIds.filter((id): id is string => id !== null),
    // A series is only its name; a number typed without one has nothing to belong to.
    // A number that is not a whole positive one goes as typed, so the model refuses it.
    series: isBlank(draft.series.name)
      ? null
      : { name: draft.series.name, number: seriesNumber === '' ? null : Number(seriesNumber) },
    participants: draft.participants.flatMap((participant) =>
      participant.personId ? [{ personId: participant.personId, role: participant.role }] : [],
    ),
    outcomes: blankToNull(draft.outcomes),
    ...commonContent(draft),
  };
}

const isWholePositive = (text: string) => /^\d+$/.test(text.trim()) && Number(text) > 0;

/** The ids picked in the other rows of a list, so the same record is not listed twice. */
function pickedElsewhere(ids: readonly (string | null)[], index: number): Set<string> {
  return new Set(ids.filter((id, position): id is string => id !== null && position !== index));
}

/**
 * Moves focus once the next render is on screen: to a row just added, or to the Add button after a
 * row (and the remove button that had focus) is gone, so keyboard users are never left nowhere.
 */
function useFocusAfterRender(): (selector: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null) return;
    document.querySelector<HTMLElement>(pending.current)?.focus();
    pending.current = null;
  });
  return (selector) => {
    pending.current = selector;
  };
}

type ListFieldProps = {
  label: string;
  helperText?: string;
  emptyText: string;
  /** The list's own problem from a refused save, shown under it. */
  error?: string;
  addLabel: string;
  /** DOM name of the Add button, for moving focus back to it. */
  addName: string;
  onAdd: () => void;
  children: ReactNode[];
};

/** A labelled list of rows with an Add button and the list's own problem underneath. */
function ListField({
  label,
  helperText,
  emptyText,
  error,
  addLabel,
  addName,
  onAdd,
  children,
}: ListFieldProps) {
  const helpId = useId();
  return (
    <FormControl
      component="fieldset"
      error={Boolean(error)}
      aria-describedby={error || helperText ? helpId : undefined}
    >
      <FormLabel component="legend" sx={{ mb: 1 }}>
        {label}
      </FormLabel>
      <Stack spacing={1}>
        {children.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {emptyText}
          </Typography>
        )}
        {children}
        <Button name={addName} sx={{ alignSelf: 'flex-start' }} onClick={onAdd}>
          {addLabel}
        </Button>
      </Stack>
      {(error ?? helperText) && <FormHelperText id={helpId}>{error ?? helperText}</FormHelperText>}
    </FormControl>
  );
}

type EventFormProps = { initial: RegistryEvent | null };

function EventForm({ initial }: EventFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // The model cannot see that an end lies before the start, so the form adds that rule.
  const validate = useCallback(
    (current: Draft): Record<string, string> =>
      isEndBeforeStart(current.startDate, current.endDate)
        ? { endDate: t('eventForm.endBeforeStart') }
        : {},
    [t],
  );
  const form = useRecordForm({ kind: 'events', initial, toDraft, toContent, validate });
  const { draft, change, errors } = form;
  const focusAfterRender = useFocusAfterRender();

  const countryOptions = useMemo(
    () => [...COUNTRY_CODES].sort((a, b) => format.compare(format.country(a), format.country(b))),
    [format],
  );

  const hasBadSeriesNumber = Boolean(errors.series) && !isWholePositive(draft.series.number);

  const setPartner = (index: number, id: string | null) =>
    change(
      'partnerIds',
      draft.partnerIds.map((current, position) => (position === index ? id : current)),
    );
  const setParticipant = (index: number, participant: Draft['participants'][number]) =>
    change(
      'participants',
      draft.participants.map((current, position) => (position === index ? participant : current)),
    );

  return (
    <RecordFormLayout
      title={
        initial
          ? t('eventForm.editEvent', { name: format.text(initial.title) })
          : t('eventForm.newEvent')
      }
      form={form}
    >
      <EnumSelectField
        name="kind"
        label={t('fields.kind')}
        value={draft.kind}
        options={EVENT_KINDS}
        optionLabel={(kind) => t(`enums.eventKind.${kind}`)}
        onChange={(kind) => change('kind', kind)}
        error={errors.kind}
        isRequired
        sx={{ maxWidth: 420 }}
      />

      <LocalizedTextField
        name="title"
        label={t('fields.title')}
        value={draft.title}
        onChange={(value) => change('title', value)}
        error={errors.title}
        isRequired
        autoFocus
      />

      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3}>
        <PartialDateField
          name="startDate"
          label={t('fields.startDate')}
          value={draft.startDate}
          onChange={(value) => change('startDate', value)}
          error={errors.startDate}
        />
        <PartialDateField
          name="endDate"
          label={t('fields.endDate')}
          value={draft.endDate}
          onChange={(value) => change('endDate', value)}
          error={errors.endDate}
        />
      </Stack>

      <LocalizedTextField
        name="city"
        label={t('fields.city')}
        value={draft.city}
        onChange={(value) => change('city', value)}
        error={errors.city}
      />
      <Autocomplete
        sx={{ maxWidth: 420 }}
        options={countryOptions}
        value={draft.countryCode}
        onChange={(_event, code) => change('countryCode', code)}
        getOptionLabel={(code) => format.country(code)}
        renderInput={(params) => (
          <TextField
            {...params}
            name="countryCode"
            label={t('fields.countryCode')}
            error={Boolean(errors.countryCode)}
            helperText={errors.countryCode}
          />
        )}
      />

      <RecordPicker
        kind="partners"
        canCreate
        name="organizerId"
        label={t('fields.organizerId')}
        helperText={t('eventForm.organizerHelp')}
        value={draft.organizerId}
        onChange={(id) => change('organizerId', id)}
        error={errors.organizerId}
      />

      <ListField
        label={t('fields.partnerIds')}
        helperText={t('eventForm.partnersHelp')}
        emptyText={t('eventForm.noPartners')}
        error={errors.partnerIds}
        addLabel={t('eventForm.addPartner')}
        addName="partnerIds.add"
        onAdd={() => {
          focusAfterRender(`input[name="partnerIds.${draft.partnerIds.length}"]`);
          change('partnerIds', [...draft.partnerIds, null]);
        }}
      >
        {draft.partnerIds.map((partnerId, index) => (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <Stack sx={{ flex: 1 }}>
              <RecordPicker
                kind="partners"
                canCreate
                name={`partnerIds.${index}`}
                label={t('eventForm.partner', { number: index + 1 })}
                value={partnerId}
                onChange={(id) => setPartner(index, id)}
                exclude={pickedElsewhere(draft.partnerIds, index)}
              />
            </Stack>
            <IconButton
              aria-label={t('eventForm.removePartner', { number: index + 1 })}
              onClick={() => {
                focusAfterRender('button[name="partnerIds.add"]');
                change(
                  'partnerIds',
                  draft.partnerIds.filter((_id, position) => position !== index),
                );
              }}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
      </ListField>

      <Stack spacing={2}>
        <LocalizedTextField
          name="series.name"
          label={t('eventForm.seriesName')}
          value={draft.series.name}
          onChange={(name) => change('series', { ...draft.series, name })}
          error={hasBadSeriesNumber ? undefined : errors.series}
          helperText={t('eventForm.seriesHelp')}
        />
        <TextField
          name="series.number"
          label={t('eventForm.seriesNumber')}
          value={draft.series.number}
          onChange={(event) => change('series', { ...draft.series, number: event.target.value })}
          error={hasBadSeriesNumber}
          helperText={
            hasBadSeriesNumber
              ? t('eventForm.seriesNumberInvalid')
              : t('eventForm.seriesNumberHelp')
          }
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ maxWidth: 420 }}
        />
      </Stack>

      <ListField
        label={t('fields.participants')}
        emptyText={t('eventForm.noParticipants')}
        error={errors.participants}
        addLabel={t('eventForm.addParticipant')}
        addName="participants.add"
        onAdd={() => {
          focusAfterRender(`input[name="participants.${draft.participants.length}.personId"]`);
          change('participants', [...draft.participants, { personId: null, role: 'participant' }]);
        }}
      >
        {draft.participants.map((participant, index) => (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <Stack sx={{ flex: 1 }}>
              <RecordPicker
                kind="people"
                canCreate
                name={`participants.${index}.personId`}
                label={t('eventForm.participant', { number: index + 1 })}
                value={participant.personId}
                onChange={(personId) => setParticipant(index, { ...participant, personId })}
                exclude={pickedElsewhere(
                  draft.participants.map((entry) => entry.personId),
                  index,
                )}
              />
            </Stack>
            <EnumSelectField
              name={`participants.${index}.role`}
              label={t('eventForm.role')}
              value={participant.role}
              options={PARTICIPANT_ROLES}
              optionLabel={(role) => t(`enums.participantRole.${role}`)}
              onChange={(role) => setParticipant(index, { ...participant, role })}
              sx={{ minWidth: 220 }}
            />
            <IconButton
              aria-label={t('eventForm.removeParticipant', { number: index + 1 })}
              onClick={() => {
                focusAfterRender('button[name="participants.add"]');
                change(
                  'participants',
                  draft.participants.filter((_entry, position) => position !== index),
                );
              }}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        ))}
      </ListField>

      <LocalizedTextField
        name="outcomes"
        label={t('fields.outcomes')}
        value={draft.outcomes}
        onChange={(value) => change('outcomes', value)}
        error={errors.outcomes}
        isMultiline
      />

      <SensitivityField
        value={draft.sensitivity}
        onChange={(value) => change('sensitivity', value)}
        sx={{ maxWidth: 420 }}
      />

      <CommonFields draft={draft} change={change} errors={errors} />
    </RecordFormLayout>
  );
}

/** Create a meeting or visit (/events/new) or edit one (/events/:eventId/edit). */
export function EventFormPage() {
  return (
    <RecordFormRoute
      kind="events"
      param="eventId"
      render={(initial) => <EventForm initial={initial} />}
    />
  );
}
