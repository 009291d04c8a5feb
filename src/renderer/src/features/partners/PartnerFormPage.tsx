import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  IconButton,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_NAMES_AZ } from '@shared/i18n/countryNamesAz';
import type { LocalizedText } from '@shared/model/localizedText';
import { parsePartialDate, type PartialDate } from '@shared/model/partialDate';
import {
  COOPERATION_MODES,
  PARTNER_KINDS,
  type Partner,
  type PartnerKind,
  type RecordContentInput,
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
import { MultiRecordPicker, RecordPicker } from '../../ui/form/RecordPicker';
import { useRecordForm } from '../../ui/form/useRecordForm';
import { useFormat } from '../../ui/useFormat';
import { useLiveRecords } from '../records/queries';

/**
 * A membership fact as the form edits it. Facts have no id of their own; `key` keeps each row's
 * fields (the date field holds what is half-typed) with its row when another row is removed.
 */
type FactDraft = {
  key: string;
  statement: LocalizedText;
  since: PartialDate | null;
  relatedPartnerIds: string[];
};

/** What the form edits: everything a partner holds. */
type Draft = {
  kind: PartnerKind | '';
  name: LocalizedText;
  acronym: LocalizedText;
  parentId: string | null;
  countryCode: string | null;
  mode: (typeof COOPERATION_MODES)[number] | null;
  isOwnSide: boolean;
  membershipFacts: FactDraft[];
} & CommonDraft;

const COUNTRY_CODES = Object.keys(COUNTRY_NAMES_AZ);

function toDraft(partner: Partner | null): Draft {
  return {
    kind: partner?.kind ?? '',
    name: partner?.name ?? {},
    acronym: partner?.acronym ?? {},
    parentId: partner?.parentId ?? null,
    countryCode: partner?.countryCode ?? null,
    mode: partner?.mode ?? null,
    isOwnSide: partner?.isOwnSide ?? false,
    // Keys from the position, so the same record always gives the same draft (the unsaved check).
    membershipFacts:
      partner?.membershipFacts.map((fact, index) => ({
        key: `saved-${index}`,
        statement: fact.statement,
        since: fact.since,
        relatedPartnerIds: [...fact.relatedPartnerIds],
      })) ?? [],
    ...commonDraft(partner),
  };
}

const isEmptyFact = (fact: FactDraft) =>
  isBlank(fact.statement) && fact.since === null && fact.relatedPartnerIds.length === 0;

function toContent(draft: Draft): Partial<RecordContentInput<'partners'>> {
  return {
    // An empty kind is sent as is, so the model names the missing choice like any other problem.
    kind: draft.kind as PartnerKind,
    name: draft.name,
    acronym: blankToNull(draft.acronym),
    parentId: draft.parentId,
    countryCode: draft.countryCode,
    mode: draft.mode,
    isOwnSide: draft.isOwnSide,
    // A row left entirely empty is dropped rather than refused.
    membershipFacts: draft.membershipFacts
      .filter((fact) => !isEmptyFact(fact))
      .map(({ statement, since, relatedPartnerIds }) => ({ statement, since, relatedPartnerIds })),
    ...commonContent(draft),
  };
}

/** The partner and every body below it: choosing one of them as parent would make a loop. */
function selfAndDescendants(partners: readonly Partner[], id: string | null): Set<string> {
  const excluded = new Set<string>(id ? [id] : []);
  let isGrowing = id !== null;
  while (isGrowing) {
    isGrowing = false;
    for (const partner of partners) {
      if (partner.parentId && excluded.has(partner.parentId) && !excluded.has(partner.id)) {
        excluded.add(partner.id);
        isGrowing = true;
      }
    }
  }
  return excluded;
}

type PartnerFormProps = { initial: Partner | null };

function PartnerForm({ initial }: PartnerFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const partners = useLiveRecords('partners');
  const form = useRecordForm({ kind: 'partners', initial, toDraft, toContent });
  const { draft, change, errors } = form;

  // Choosing the partner itself or a body below it as parent would make a loop.
  const notParents = useMemo(
    () => selfAndDescendants(partners ?? [], initial?.id ?? null),
    [partners, initial],
  );
  // A fact names other partners, never the partner it is recorded on.
  const notRelated = useMemo(() => new Set(initial ? [initial.id] : []), [initial]);
  const setFact = (index: number, fact: FactDraft) =>
    change(
      'membershipFacts',
      draft.membershipFacts.map((current, position) => (position === index ? fact : current)),
    );
  const removeFact = (index: number) =>
    change(
      'membershipFacts',
      draft.membershipFacts.filter((_fact, position) => position !== index),
    );
  // The model names only the list; after a refused save, mark the row fields it refused.
  const factStatementError = (fact: FactDraft) =>
    errors.membershipFacts && !isEmptyFact(fact) && isBlank(fact.statement)
      ? t('form.errors.textRequired')
      : null;
  const factDateError = (fact: FactDraft) =>
    errors.membershipFacts && fact.since !== null && parsePartialDate(fact.since) === null
      ? t('form.errors.date')
      : null;

  const countryOptions = useMemo(
    () => [...COUNTRY_CODES].sort((a, b) => format.compare(format.country(a), format.country(b))),
    [format],
  );

  return (
    <RecordFormLayout
      title={
        initial ? t('form.editPartner', { name: format.text(initial.name) }) : t('form.newPartner')
      }
      form={form}
    >
      <EnumSelectField
        name="kind"
        label={t('fields.kind')}
        value={draft.kind}
        options={PARTNER_KINDS}
        optionLabel={(kind) => t(`enums.partnerKind.${kind}`)}
        onChange={(kind) => change('kind', kind)}
        error={errors.kind}
        isRequired
        sx={{ maxWidth: 420 }}
      />

      <LocalizedTextField
        name="name"
        label={t('fields.name')}
        value={draft.name}
        onChange={(value) => change('name', value)}
        error={errors.name}
        helperText={t('form.nameHelp')}
        isRequired
        autoFocus
      />
      <LocalizedTextField
        name="acronym"
        label={t('fields.acronym')}
        value={draft.acronym}
        onChange={(value) => change('acronym', value)}
        error={errors.acronym}
      />

      <RecordPicker
        kind="partners"
        name="parentId"
        label={t('fields.parentId')}
        value={draft.parentId}
        onChange={(id) => change('parentId', id)}
        error={errors.parentId}
        helperText={t('form.parentHelp')}
        exclude={notParents}
      />

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Autocomplete
          sx={{ flex: 1 }}
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
        <EnumSelectField
          name="mode"
          label={t('fields.mode')}
          value={draft.mode ?? ''}
          options={COOPERATION_MODES}
          optionLabel={(mode) => t(`enums.cooperationMode.${mode}`)}
          emptyOption={t('form.notSet')}
          onChange={(mode) => change('mode', mode === '' ? null : mode)}
          sx={{ flex: 1 }}
        />
        <SensitivityField
          value={draft.sensitivity}
          onChange={(value) => change('sensitivity', value)}
          sx={{ flex: 1 }}
        />
      </Stack>

      <FormControlLabel
        control={
          <Checkbox
            checked={draft.isOwnSide}
            onChange={(event) => change('isOwnSide', event.target.checked)}
            name="isOwnSide"
          />
        }
        label={t('form.ownSideHelp')}
      />

      <FormControl component="fieldset" error={Boolean(errors.membershipFacts)}>
        <FormLabel component="legend" sx={{ mb: 1 }}>
          {t('fields.membershipFacts')}
        </FormLabel>
        <Stack spacing={2}>
          {draft.membershipFacts.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              {t('partnerForm.noFacts')}
            </Typography>
          )}
          {draft.membershipFacts.map((fact, index) => (
            <Paper
              key={fact.key}
              variant="outlined"
              component="fieldset"
              sx={{ p: 2, m: 0 }}
              data-testid="membership-fact-row"
            >
              <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
                {t('partnerForm.factNumber', { number: index + 1 })}
              </Typography>
              <Stack spacing={2}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                    <LocalizedTextField
                      name={`membershipFacts.${index}.statement`}
                      label={t('partnerForm.statement')}
                      value={fact.statement}
                      onChange={(statement) => setFact(index, { ...fact, statement })}
                      error={factStatementError(fact)}
                      isRequired
                    />
                  </Box>
                  <IconButton
                    aria-label={t('partnerForm.removeFact', { number: index + 1 })}
                    onClick={() => removeFact(index)}
                  >
                    <DeleteIcon />
                  </IconButton>
                </Stack>
                <Stack
                  direction={{ xs: 'column', lg: 'row' }}
                  spacing={3}
                  sx={{ alignItems: { lg: 'flex-start' } }}
                >
                  <PartialDateField
                    name={`membershipFacts.${index}.since`}
                    label={t('partnerForm.since')}
                    value={fact.since}
                    onChange={(since) => setFact(index, { ...fact, since })}
                    error={factDateError(fact)}
                  />
                  <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                    <MultiRecordPicker
                      kind="partners"
                      canCreate
                      name={`membershipFacts.${index}.relatedPartnerIds`}
                      label={t('partnerForm.relatedPartners')}
                      helperText={t('partnerForm.relatedHelp')}
                      value={fact.relatedPartnerIds}
                      onChange={(relatedPartnerIds) =>
                        setFact(index, { ...fact, relatedPartnerIds })
                      }
                      exclude={notRelated}
                    />
                  </Box>
                </Stack>
              </Stack>
            </Paper>
          ))}
          <Button
            sx={{ alignSelf: 'flex-start' }}
            startIcon={<AddIcon />}
            onClick={() =>
              change('membershipFacts', [
                ...draft.membershipFacts,
                { key: crypto.randomUUID(), statement: {}, since: null, relatedPartnerIds: [] },
              ])
            }
          >
            {t('partnerForm.addFact')}
          </Button>
        </Stack>
        <FormHelperText>{errors.membershipFacts ?? t('partnerForm.membershipHelp')}</FormHelperText>
      </FormControl>

      <CommonFields draft={draft} change={change} errors={errors} />
    </RecordFormLayout>
  );
}

/** Create a partner (/partners/new) or edit one (/partners/:id/edit). */
export function PartnerFormPage() {
  return (
    <RecordFormRoute
      kind="partners"
      param="partnerId"
      render={(initial) => <PartnerForm initial={initial} />}
    />
  );
}
