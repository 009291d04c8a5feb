import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Box,
  Button,
  FormControl,
  FormHelperText,
  FormLabel,
  IconButton,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deriveAgreementStatus } from '@shared/model/agreementStatus';
import type { LocalizedText } from '@shared/model/localizedText';
import { parsePartialDate, type PartialDate } from '@shared/model/partialDate';
import {
  AGREEMENT_KINDS,
  AGREEMENT_PARTY_ROLES,
  AGREEMENT_STEP_KINDS,
  type Agreement,
  type AgreementStepKind,
  type RecordContentInput,
} from '@shared/model/records';
import {
  CommonFields,
  commonContent,
  commonDraft,
  type CommonDraft,
} from '../../ui/form/CommonFields';
import { blankToNull } from '../../ui/form/blankToNull';
import { LocalizedTextField } from '../../ui/form/LocalizedTextField';
import { PartialDateField } from '../../ui/form/PartialDateField';
import { RecordFormLayout } from '../../ui/form/RecordFormLayout';
import { RecordFormRoute } from '../../ui/form/RecordFormRoute';
import { SensitivityField } from '../../ui/form/SensitivityField';
import { EnumSelectField } from '../../ui/form/EnumSelectField';
import { RecordPicker } from '../../ui/form/RecordPicker';
import { useRecordForm } from '../../ui/form/useRecordForm';
import { todayIso } from '../../ui/todayIso';
import { useFormat } from '../../ui/useFormat';

type AgreementKind = (typeof AGREEMENT_KINDS)[number];
type PartyRole = (typeof AGREEMENT_PARTY_ROLES)[number];
type DraftParty = { partnerId: string | null; role: PartyRole };
type DraftStep = {
  id: string;
  kind: AgreementStepKind;
  date: PartialDate | null;
  place: LocalizedText | null;
  instrument: LocalizedText | null;
  note: LocalizedText | null;
};

/**
 * What the form edits. Steps keep their ids (and their notes, which the form does not show) so
 * history and exchanges follow each step across edits.
 */
type Draft = {
  kind: AgreementKind | '';
  title: LocalizedText;
  parties: DraftParty[];
  steps: DraftStep[];
  termMonths: string;
  expiryDate: PartialDate | null;
  renewalNoticeDate: PartialDate | null;
} & CommonDraft;

function toDraft(agreement: Agreement | null): Draft {
  return {
    kind: agreement?.kind ?? '',
    title: agreement?.title ?? {},
    parties: agreement?.parties.map((party) => ({ ...party })) ?? [],
    steps: agreement?.steps.map((step) => ({ ...step })) ?? [],
    termMonths: String(agreement?.termMonths ?? ''),
    expiryDate: agreement?.expiryDate ?? null,
    renewalNoticeDate: agreement?.renewalNoticeDate ?? null,
    ...commonDraft(agreement),
  };
}

function toContent(draft: Draft): Partial<RecordContentInput<'agreements'>> {
  const termMonths = draft.termMonths.trim();
  return {
    // An empty kind is sent as is, so the model names the missing choice like any other problem.
    kind: draft.kind as AgreementKind,
    title: draft.title,
    // A row whose partner was never picked is left out rather than refused.
    parties: draft.parties.flatMap((party) =>
      party.partnerId ? [{ partnerId: party.partnerId, role: party.role }] : [],
    ),
    steps: draft.steps.map((step) => ({
      ...step,
      place: blankToNull(step.place),
      instrument: blankToNull(step.instrument),
      note: blankToNull(step.note),
    })),
    // Whatever was typed goes to the model, which refuses anything but a positive whole number.
    termMonths: termMonths === '' ? null : Number(termMonths),
    expiryDate: draft.expiryDate,
    renewalNoticeDate: draft.renewalNoticeDate,
    ...commonContent(draft),
  };
}

function newStep(): DraftStep {
  return {
    id: crypto.randomUUID(),
    kind: 'signed',
    date: null,
    place: null,
    instrument: null,
    note: null,
  };
}

/** A cleared text field leaves `{}`; storing null keeps an untouched step equal to its original. */
const emptyToNull = (text: LocalizedText) => (Object.keys(text).length === 0 ? null : text);

type AgreementFormProps = { initial: Agreement | null };

function AgreementForm({ initial }: AgreementFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useRecordForm({ kind: 'agreements', initial, toDraft, toContent });
  const { draft, change, errors } = form;
  // Party rows have no id of their own; these keys keep each row's picker with its row on removal.
  const [partyKeys, setPartyKeys] = useState(() => draft.parties.map(() => crypto.randomUUID()));

  // A partner already chosen in one row is not offered in the others.
  const otherParties = useMemo(
    () =>
      draft.parties.map(
        (_party, index) =>
          new Set(
            draft.parties.flatMap((other, position) =>
              position !== index && other.partnerId ? [other.partnerId] : [],
            ),
          ),
      ),
    [draft.parties],
  );

  const setParty = (index: number, party: DraftParty) =>
    change(
      'parties',
      draft.parties.map((current, position) => (position === index ? party : current)),
    );
  const addParty = () => {
    setPartyKeys((keys) => [...keys, crypto.randomUUID()]);
    change('parties', [...draft.parties, { partnerId: null, role: 'party' }]);
  };
  const removeParty = (index: number) => {
    setPartyKeys((keys) => keys.filter((_key, position) => position !== index));
    change(
      'parties',
      draft.parties.filter((_party, position) => position !== index),
    );
  };

  const setStep = (index: number, step: DraftStep) =>
    change(
      'steps',
      draft.steps.map((current, position) => (position === index ? step : current)),
    );
  const removeStep = (index: number) =>
    change(
      'steps',
      draft.steps.filter((_step, position) => position !== index),
    );

  // The model reports a bad step date under `steps` only; mark the step whose date cannot be read.
  const stepDateError = (step: DraftStep) =>
    errors.steps && step.date !== null && parsePartialDate(step.date) === null
      ? errors.steps
      : null;

  const status = deriveAgreementStatus(
    {
      // Only a step's kind and date decide the status.
      steps: draft.steps.map(({ id, kind, date }) => ({
        id,
        kind,
        date,
        place: null,
        instrument: null,
        note: null,
      })),
      expiryDate: draft.expiryDate,
    },
    todayIso(),
  );

  return (
    <RecordFormLayout
      title={
        initial
          ? t('agreementForm.editAgreement', { name: format.text(initial.title) })
          : t('agreementForm.newAgreement')
      }
      form={form}
    >
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <EnumSelectField
          name="kind"
          label={t('fields.kind')}
          value={draft.kind}
          options={AGREEMENT_KINDS}
          optionLabel={(kind) => t(`enums.agreementKind.${kind}`)}
          onChange={(kind) => change('kind', kind)}
          error={errors.kind}
          isRequired
          sx={{ minWidth: 260 }}
        />
        <SensitivityField
          value={draft.sensitivity}
          onChange={(value) => change('sensitivity', value)}
          error={errors.sensitivity}
        />
      </Stack>

      <LocalizedTextField
        name="title"
        label={t('fields.title')}
        value={draft.title}
        onChange={(value) => change('title', value)}
        error={errors.title}
        isRequired
        autoFocus
        isMultiline
      />

      <FormControl component="fieldset" error={Boolean(errors.parties)}>
        <FormLabel component="legend" sx={{ mb: 1 }}>
          {t('fields.parties')}
        </FormLabel>
        <Stack spacing={1}>
          {draft.parties.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              {t('agreementForm.noParties')}
            </Typography>
          )}
          {draft.parties.map((party, index) => (
            <Stack
              key={partyKeys[index] ?? index}
              direction="row"
              spacing={1}
              sx={{ alignItems: 'flex-start' }}
              data-testid="agreement-party-row"
            >
              <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                <RecordPicker
                  kind="partners"
                  canCreate
                  name={`parties.${index}.partnerId`}
                  label={t('agreementForm.party', { number: index + 1 })}
                  value={party.partnerId}
                  onChange={(partnerId) => setParty(index, { ...party, partnerId })}
                  exclude={otherParties[index]}
                />
              </Box>
              <EnumSelectField
                name={`parties.${index}.role`}
                label={t('agreementForm.role')}
                value={party.role}
                options={AGREEMENT_PARTY_ROLES}
                optionLabel={(role) => t(`enums.partyRole.${role}`)}
                onChange={(role) => setParty(index, { ...party, role })}
                sx={{ minWidth: 180 }}
              />
              <IconButton
                aria-label={t('agreementForm.removeParty', { number: index + 1 })}
                onClick={() => removeParty(index)}
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
          <Button sx={{ alignSelf: 'flex-start' }} startIcon={<AddIcon />} onClick={addParty}>
            {t('agreementForm.addParty')}
          </Button>
        </Stack>
        <FormHelperText>{errors.parties ?? t('agreementForm.partiesHelp')}</FormHelperText>
      </FormControl>

      <FormControl component="fieldset" error={Boolean(errors.steps)}>
        <FormLabel component="legend" sx={{ mb: 1 }}>
          {t('fields.steps')}
        </FormLabel>
        <Stack spacing={2}>
          {draft.steps.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              {t('agreement.noSteps')}
            </Typography>
          )}
          {draft.steps.map((step, index) => (
            <Paper
              key={step.id}
              variant="outlined"
              component="fieldset"
              sx={{ p: 2, m: 0 }}
              data-testid="agreement-step-row"
            >
              <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
                {t('agreementForm.stepNumber', { number: index + 1 })}
              </Typography>
              <Stack spacing={2}>
                <Stack
                  direction={{ xs: 'column', md: 'row' }}
                  spacing={2}
                  sx={{ alignItems: { md: 'flex-start' } }}
                >
                  <EnumSelectField
                    name={`steps.${index}.kind`}
                    label={t('agreement.step')}
                    value={step.kind}
                    options={AGREEMENT_STEP_KINDS}
                    optionLabel={(kind) => t(`enums.stepKind.${kind}`)}
                    onChange={(kind) => setStep(index, { ...step, kind })}
                    sx={{ minWidth: 220 }}
                  />
                  <PartialDateField
                    name={`steps.${index}.date`}
                    label={t('agreement.date')}
                    value={step.date}
                    onChange={(date) => setStep(index, { ...step, date })}
                    error={stepDateError(step)}
                  />
                  <Box sx={{ flexGrow: 1 }} />
                  <IconButton
                    aria-label={t('agreementForm.removeStep', { number: index + 1 })}
                    onClick={() => removeStep(index)}
                    sx={{ alignSelf: 'flex-start' }}
                  >
                    <DeleteIcon />
                  </IconButton>
                </Stack>
                <LocalizedTextField
                  name={`steps.${index}.place`}
                  label={t('agreement.place')}
                  value={step.place ?? {}}
                  onChange={(place) => setStep(index, { ...step, place: emptyToNull(place) })}
                />
                <LocalizedTextField
                  name={`steps.${index}.instrument`}
                  label={t('agreement.instrument')}
                  helperText={t('agreementForm.instrumentHelp')}
                  value={step.instrument ?? {}}
                  onChange={(instrument) =>
                    setStep(index, { ...step, instrument: emptyToNull(instrument) })
                  }
                />
              </Stack>
            </Paper>
          ))}
          <Button
            sx={{ alignSelf: 'flex-start' }}
            startIcon={<AddIcon />}
            onClick={() => change('steps', [...draft.steps, newStep()])}
          >
            {t('agreementForm.addStep')}
          </Button>
        </Stack>
        {errors.steps && <FormHelperText>{errors.steps}</FormHelperText>}
        <Typography sx={{ mt: 1 }} data-testid="agreement-status-preview">
          {t('agreementForm.statusPreview', { status: t(`enums.agreementStatus.${status}`) })}
        </Typography>
        <FormHelperText error={false} sx={{ mx: 0 }}>
          {t('agreementForm.statusHelp')}
        </FormHelperText>
      </FormControl>

      <TextField
        name="termMonths"
        label={t('fields.termMonths')}
        value={draft.termMonths}
        onChange={(event) => change('termMonths', event.target.value)}
        error={Boolean(errors.termMonths)}
        helperText={
          errors.termMonths ? t('agreementForm.termInvalid') : t('agreementForm.termHelp')
        }
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        sx={{ maxWidth: 360 }}
      />
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3}>
        <PartialDateField
          name="expiryDate"
          label={t('fields.expiryDate')}
          value={draft.expiryDate}
          onChange={(value) => change('expiryDate', value)}
          error={errors.expiryDate}
        />
        <PartialDateField
          name="renewalNoticeDate"
          label={t('fields.renewalNoticeDate')}
          value={draft.renewalNoticeDate}
          onChange={(value) => change('renewalNoticeDate', value)}
          error={errors.renewalNoticeDate}
        />
      </Stack>

      <CommonFields draft={draft} change={change} errors={errors} />
    </RecordFormLayout>
  );
}

/** Create an agreement (/agreements/new) or edit one (/agreements/:id/edit). */
export function AgreementFormPage() {
  return (
    <RecordFormRoute
      kind="agreements"
      param="agreementId"
      render={(initial) => <AgreementForm initial={initial} />}
    />
  );
}
