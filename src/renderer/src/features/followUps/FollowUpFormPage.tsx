import { Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { LocalizedText } from '@shared/model/localizedText';
import type { PartialDate } from '@shared/model/partialDate';
import { FOLLOW_UP_STATUSES, type FollowUp, type RecordContentInput } from '@shared/model/records';
import { useRegistry } from '../../app/RegistryContext';
import { recordPath } from '../../app/recordPaths';
import { getLiveRecord } from '../../db/linkedRecords';
import type { RegistryDb } from '../../db/RegistryDb';
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
import { RecordLink } from '../../ui/RecordLink';
import { useFormat } from '../../ui/useFormat';

type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

type Draft = {
  title: LocalizedText;
  description: LocalizedText;
  ownerPersonId: string | null;
  dueDate: PartialDate | null;
  status: FollowUpStatus;
  sourceId: string | null;
} & CommonDraft;

function toContent(draft: Draft): Partial<RecordContentInput<'followUps'>> {
  return {
    title: draft.title,
    description: blankToNull(draft.description),
    ownerPersonId: draft.ownerPersonId,
    dueDate: draft.dueDate,
    status: draft.status,
    sourceId: draft.sourceId,
    ...commonContent(draft),
  };
}

type Source = { kind: 'events' | 'agreements'; id: string; title: LocalizedText };

/** The event or agreement a follow-up comes from (follow-ups are promised in one or the other). */
async function loadSource(db: RegistryDb, id: string | null): Promise<Source | null> {
  if (!id) return null;
  const event = await getLiveRecord(db, 'events', id);
  if (event) return { kind: 'events', id, title: event.title };
  const agreement = await getLiveRecord(db, 'agreements', id);
  return agreement ? { kind: 'agreements', id, title: agreement.title } : null;
}

type FollowUpFormProps = { initial: FollowUp | null; sourceId: string | null };

function FollowUpForm({ initial, sourceId }: FollowUpFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { db } = useRegistry();
  const toDraft = useCallback(
    (followUp: FollowUp | null): Draft => ({
      title: followUp?.title ?? {},
      description: followUp?.description ?? {},
      ownerPersonId: followUp?.ownerPersonId ?? null,
      dueDate: followUp?.dueDate ?? null,
      status: followUp?.status ?? 'open',
      sourceId: followUp?.sourceId ?? sourceId,
      ...commonDraft(followUp),
    }),
    [sourceId],
  );
  const source = useLiveQuery(
    () => loadSource(db, initial?.sourceId ?? sourceId),
    [db, initial, sourceId],
  );
  const form = useRecordForm({
    kind: 'followUps',
    initial,
    toDraft,
    toContent,
    // Back to the meeting or agreement the action was promised at, when there is one.
    returnPath: source ? (recordPath(source.kind, source.id) ?? undefined) : undefined,
  });
  const { draft, change, errors } = form;

  return (
    <RecordFormLayout
      title={
        initial
          ? t('followUpForm.edit', { name: format.text(initial.title) })
          : t('followUpForm.new')
      }
      form={form}
    >
      {source && (
        <Typography data-testid="follow-up-source">
          {t('followUpForm.from')}{' '}
          <RecordLink kind={source.kind} id={source.id}>
            {format.text(source.title)}
          </RecordLink>
        </Typography>
      )}
      <LocalizedTextField
        name="title"
        label={t('followUpForm.what')}
        value={draft.title}
        onChange={(value) => change('title', value)}
        error={errors.title}
        isRequired
        autoFocus
      />
      <LocalizedTextField
        name="description"
        label={t('fields.description')}
        value={draft.description}
        onChange={(value) => change('description', value)}
        error={errors.description}
        isMultiline
      />
      <RecordPicker
        kind="people"
        canCreate
        name="ownerPersonId"
        label={t('fields.ownerPersonId')}
        value={draft.ownerPersonId}
        onChange={(id) => change('ownerPersonId', id)}
        error={errors.ownerPersonId}
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
        <PartialDateField
          name="dueDate"
          label={t('fields.dueDate')}
          value={draft.dueDate}
          onChange={(value) => change('dueDate', value)}
          error={errors.dueDate}
        />
        <EnumSelectField
          name="status"
          label={t('fields.status')}
          value={draft.status}
          options={FOLLOW_UP_STATUSES}
          optionLabel={(status) => t(`enums.followUpStatus.${status}`)}
          onChange={(status) => change('status', status)}
          sx={{ minWidth: 200 }}
        />
        <SensitivityField
          value={draft.sensitivity}
          onChange={(value) => change('sensitivity', value)}
        />
      </Stack>

      <CommonFields draft={draft} change={change} errors={errors} />
    </RecordFormLayout>
  );
}

/** Create a follow-up action (/follow-ups/new?source=<event or agreement>) or edit one. */
export function FollowUpFormPage() {
  const [searchParams] = useSearchParams();
  const sourceId = searchParams.get('source');
  return (
    <RecordFormRoute
      kind="followUps"
      param="followUpId"
      render={(initial) => <FollowUpForm initial={initial} sourceId={sourceId} />}
    />
  );
}
