import { Autocomplete, Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_NAMES_AZ } from '@shared/i18n/countryNamesAz';
import type { LocalizedText } from '@shared/model/localizedText';
import {
  COOPERATION_MODES,
  PARTNER_KINDS,
  type Partner,
  type PartnerKind,
  type RecordContentInput,
  type Sensitivity,
} from '@shared/model/records';
import { blankToNull } from '../../ui/form/blankToNull';
import { LocalizedTextField } from '../../ui/form/LocalizedTextField';
import { RecordFormLayout } from '../../ui/form/RecordFormLayout';
import { RecordFormRoute } from '../../ui/form/RecordFormRoute';
import { SensitivityField } from '../../ui/form/SensitivityField';
import { EnumSelectField } from '../../ui/form/EnumSelectField';
import { RecordPicker } from '../../ui/form/RecordPicker';
import { useRecordForm } from '../../ui/form/useRecordForm';
import { useFormat } from '../../ui/useFormat';
import { useLiveRecords } from '../records/queries';

/** What the form edits; fields the form does not show (membership facts, areas) are kept as they are. */
type Draft = {
  kind: PartnerKind | '';
  name: LocalizedText;
  acronym: LocalizedText;
  parentId: string | null;
  countryCode: string | null;
  mode: (typeof COOPERATION_MODES)[number] | null;
  isOwnSide: boolean;
  sensitivity: Sensitivity;
  notes: LocalizedText;
};

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
    sensitivity: partner?.sensitivity ?? 'internal',
    notes: partner?.notes ?? {},
  };
}

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
    sensitivity: draft.sensitivity,
    notes: blankToNull(draft.notes),
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

      <LocalizedTextField
        name="notes"
        label={t('fields.notes')}
        value={draft.notes}
        onChange={(value) => change('notes', value)}
        error={errors.notes}
        isMultiline
      />
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
