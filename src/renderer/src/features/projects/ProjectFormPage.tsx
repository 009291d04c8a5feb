import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Button,
  FormControl,
  FormHelperText,
  FormLabel,
  IconButton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@shared/model/localizedText';
import type { PartialDate } from '@shared/model/partialDate';
import {
  PROJECT_PARTNER_ROLES,
  PROJECT_STATUSES,
  type Project,
  type ProjectStatus,
  type RecordContentInput,
} from '@shared/model/records';
import {
  CommonFields,
  commonContent,
  commonDraft,
  type CommonDraft,
} from '../../ui/form/CommonFields';
import { LocalizedTextField } from '../../ui/form/LocalizedTextField';
import { PartialDateField } from '../../ui/form/PartialDateField';
import { RecordFormLayout } from '../../ui/form/RecordFormLayout';
import { RecordFormRoute } from '../../ui/form/RecordFormRoute';
import { SensitivityField } from '../../ui/form/SensitivityField';
import { EnumSelectField } from '../../ui/form/EnumSelectField';
import { RecordPicker } from '../../ui/form/RecordPicker';
import { useRecordForm } from '../../ui/form/useRecordForm';
import { useFormat } from '../../ui/useFormat';

type ProjectPartnerRole = (typeof PROJECT_PARTNER_ROLES)[number];

/** What the form edits; the linked agreement is kept as it is. */
type Draft = {
  title: LocalizedText;
  status: ProjectStatus | '';
  partners: { partnerId: string | null; role: ProjectPartnerRole }[];
  programmeId: string | null;
  plannedStart: PartialDate | null;
  plannedEnd: PartialDate | null;
  actualStart: PartialDate | null;
  actualEnd: PartialDate | null;
  budgetAmount: string;
  budgetCurrency: string;
} & CommonDraft;

function toDraft(project: Project | null): Draft {
  return {
    title: project?.title ?? {},
    status: project?.status ?? '',
    partners: project?.partners.map((entry) => ({ ...entry })) ?? [],
    programmeId: project?.programmeId ?? null,
    plannedStart: project?.plannedStart ?? null,
    plannedEnd: project?.plannedEnd ?? null,
    actualStart: project?.actualStart ?? null,
    actualEnd: project?.actualEnd ?? null,
    budgetAmount: project?.budget ? String(project.budget.amount) : '',
    budgetCurrency: project?.budget?.currency ?? '',
    ...commonDraft(project),
  };
}

function toContent(draft: Draft): Partial<RecordContentInput<'projects'>> {
  const hasBudget = draft.budgetAmount.trim() !== '' || draft.budgetCurrency.trim() !== '';
  return {
    title: draft.title,
    // An empty choice is sent as is, so the model names it like any other problem.
    status: draft.status as ProjectStatus,
    // A row whose partner was never picked is left out rather than refused.
    partners: draft.partners.flatMap((entry) =>
      entry.partnerId ? [{ partnerId: entry.partnerId, role: entry.role }] : [],
    ),
    programmeId: draft.programmeId,
    plannedStart: draft.plannedStart,
    plannedEnd: draft.plannedEnd,
    actualStart: draft.actualStart,
    actualEnd: draft.actualEnd,
    budget: hasBudget
      ? {
          amount: Number(draft.budgetAmount.replace(',', '.').replace(/\s/g, '')),
          currency: draft.budgetCurrency.trim().toUpperCase(),
        }
      : null,
    ...commonContent(draft),
  };
}

function ProjectForm({ initial }: { initial: Project | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useRecordForm({ kind: 'projects', initial, toDraft, toContent });
  const { draft, change, errors } = form;
  const setPartner = (index: number, entry: Draft['partners'][number]) =>
    change(
      'partners',
      draft.partners.map((current, position) => (position === index ? entry : current)),
    );

  return (
    <RecordFormLayout
      title={
        initial
          ? t('projectForm.editProject', { name: format.text(initial.title) })
          : t('projectForm.newProject')
      }
      form={form}
    >
      <LocalizedTextField
        name="title"
        label={t('fields.title')}
        value={draft.title}
        onChange={(value) => change('title', value)}
        error={errors.title}
        isRequired
        autoFocus
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <EnumSelectField
          name="status"
          label={t('fields.status')}
          value={draft.status}
          options={PROJECT_STATUSES}
          optionLabel={(status) => t(`enums.projectStatus.${status}`)}
          onChange={(status) => change('status', status)}
          error={errors.status}
          isRequired
          sx={{ minWidth: 240 }}
        />
        <SensitivityField
          value={draft.sensitivity}
          onChange={(value) => change('sensitivity', value)}
        />
      </Stack>

      <FormControl component="fieldset" error={Boolean(errors.partners)}>
        <FormLabel component="legend" sx={{ mb: 1 }}>
          {t('fields.partners')}
        </FormLabel>
        <Stack spacing={1}>
          {draft.partners.map((entry, index) => (
            <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <RecordPicker
                kind="partners"
                canCreate
                name={`partners.${index}.partnerId`}
                label={t('projectForm.partner', { number: index + 1 })}
                value={entry.partnerId}
                onChange={(partnerId) => setPartner(index, { ...entry, partnerId })}
              />
              <EnumSelectField
                name={`partners.${index}.role`}
                label={t('projectForm.role')}
                value={entry.role}
                options={PROJECT_PARTNER_ROLES}
                optionLabel={(role) => t(`enums.projectRole.${role}`)}
                onChange={(role) => setPartner(index, { ...entry, role })}
                sx={{ minWidth: 180 }}
              />
              <IconButton
                aria-label={t('projectForm.removePartner', { number: index + 1 })}
                onClick={() =>
                  change(
                    'partners',
                    draft.partners.filter((_entry, position) => position !== index),
                  )
                }
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
          <Button
            sx={{ alignSelf: 'flex-start' }}
            onClick={() =>
              change('partners', [...draft.partners, { partnerId: null, role: 'implementing' }])
            }
          >
            {t('projectForm.addPartner')}
          </Button>
        </Stack>
        {errors.partners && <FormHelperText>{errors.partners}</FormHelperText>}
      </FormControl>

      <RecordPicker
        kind="partners"
        name="programmeId"
        label={t('fields.programmeId')}
        helperText={t('projectForm.programmeHelp')}
        value={draft.programmeId}
        onChange={(id) => change('programmeId', id)}
        error={errors.programmeId}
      />

      <Typography variant="subtitle1" component="h2">
        {t('projectForm.dates')}
      </Typography>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3}>
        <PartialDateField
          name="actualStart"
          label={t('fields.actualStart')}
          value={draft.actualStart}
          onChange={(value) => change('actualStart', value)}
          error={errors.actualStart}
        />
        <PartialDateField
          name="actualEnd"
          label={t('fields.actualEnd')}
          value={draft.actualEnd}
          onChange={(value) => change('actualEnd', value)}
          error={errors.actualEnd}
        />
      </Stack>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3}>
        <PartialDateField
          name="plannedStart"
          label={t('fields.plannedStart')}
          value={draft.plannedStart}
          onChange={(value) => change('plannedStart', value)}
          error={errors.plannedStart}
        />
        <PartialDateField
          name="plannedEnd"
          label={t('fields.plannedEnd')}
          value={draft.plannedEnd}
          onChange={(value) => change('plannedEnd', value)}
          error={errors.plannedEnd}
        />
      </Stack>

      <Stack direction="row" spacing={2}>
        <TextField
          name="budget.amount"
          label={t('projectForm.budgetAmount')}
          value={draft.budgetAmount}
          onChange={(event) => change('budgetAmount', event.target.value)}
          error={Boolean(errors.budget)}
          helperText={errors.budget}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <TextField
          name="budget.currency"
          label={t('projectForm.budgetCurrency')}
          value={draft.budgetCurrency}
          onChange={(event) => change('budgetCurrency', event.target.value)}
          error={Boolean(errors.budget)}
          helperText={t('projectForm.currencyHelp')}
          slotProps={{ htmlInput: { maxLength: 3 } }}
          sx={{ width: 160 }}
        />
      </Stack>

      <CommonFields draft={draft} change={change} errors={errors} />
    </RecordFormLayout>
  );
}

/** Create a project (/projects/new) or edit one (/projects/:id/edit). */
export function ProjectFormPage() {
  return (
    <RecordFormRoute
      kind="projects"
      param="projectId"
      render={(initial) => <ProjectForm initial={initial} />}
    />
  );
}
