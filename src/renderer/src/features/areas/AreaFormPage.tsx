import { Stack, TextField } from '@mui/material';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uniqueAreaCode } from '@shared/model/areaCode';
import type { LocalizedText } from '@shared/model/localizedText';
import type { RecordContentInput, Sensitivity, ThematicArea } from '@shared/model/records';
import { recordListPath } from '../../app/recordPaths';
import { TagPicker } from '../../ui/form/AreaTagFields';
import { NotesField } from '../../ui/form/CommonFields';
import { blankToNull } from '../../ui/form/blankToNull';
import { LocalizedTextField } from '../../ui/form/LocalizedTextField';
import { RecordFormLayout } from '../../ui/form/RecordFormLayout';
import { RecordFormRoute } from '../../ui/form/RecordFormRoute';
import { SensitivityField } from '../../ui/form/SensitivityField';
import { useRecordForm } from '../../ui/form/useRecordForm';
import { useFormat } from '../../ui/useFormat';
import { DeleteRecordButton } from '../trash/components/DeleteRecordButton';
import { useAreaCodes } from './queries';

/** What the form edits: everything a thematic area holds. */
type Draft = {
  name: LocalizedText;
  code: string;
  description: LocalizedText;
  tagIds: string[];
  sensitivity: Sensitivity;
  notes: LocalizedText;
};

function toDraft(area: ThematicArea | null): Draft {
  return {
    name: area?.name ?? {},
    code: area?.code ?? '',
    description: area?.description ?? {},
    tagIds: area ? [...area.tagIds] : [],
    sensitivity: area?.sensitivity ?? 'public',
    notes: area?.notes ?? {},
  };
}

function toContent(draft: Draft): Partial<RecordContentInput<'areas'>> {
  return {
    name: draft.name,
    // Sent as typed (trimmed), so the model refuses a code that is not lower-case words.
    code: draft.code.trim(),
    description: blankToNull(draft.description),
    tagIds: draft.tagIds,
    sensitivity: draft.sensitivity,
    notes: blankToNull(draft.notes),
  };
}

/** The name a new area's code is spelled from: English first, as the shipped codes are. */
const codeSource = (name: LocalizedText) => name.en?.trim() || name.az?.trim() || name.ru?.trim();

function AreaForm({ initial }: { initial: ThematicArea | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const codes = useAreaCodes();
  // Codes must be unique; the model sees one record at a time, so the form checks the others.
  const validate = useCallback(
    (draft: Draft): Record<string, string> => {
      const holder = codes?.get(draft.code.trim());
      return holder !== undefined && holder !== initial?.id
        ? { code: t('areaForm.codeTaken') }
        : {};
    },
    [codes, initial, t],
  );
  const form = useRecordForm({ kind: 'areas', initial, toDraft, toContent, validate });
  const { draft, change, errors } = form;
  // A new area's code follows its name until the user writes a code of their own.
  const [isCodeEdited, setIsCodeEdited] = useState(initial !== null);

  const changeName = (name: LocalizedText) => {
    change('name', name);
    if (isCodeEdited) return;
    const source = codeSource(name);
    change('code', source ? uniqueAreaCode(source, codes?.keys() ?? []) : '');
  };

  return (
    <RecordFormLayout
      title={
        initial
          ? t('areaForm.editArea', { name: format.text(initial.name) })
          : t('areaForm.newArea')
      }
      form={form}
      actions={
        initial && (
          <DeleteRecordButton
            kind="areas"
            id={initial.id}
            name={format.text(initial.name)}
            listPath={recordListPath('areas')}
          />
        )
      }
    >
      <LocalizedTextField
        name="name"
        label={t('fields.name')}
        value={draft.name}
        onChange={changeName}
        error={errors.name}
        helperText={t('form.nameHelp')}
        isRequired
        autoFocus
      />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          name="code"
          label={t('fields.code')}
          value={draft.code}
          onChange={(event) => {
            setIsCodeEdited(true);
            change('code', event.target.value);
          }}
          error={Boolean(errors.code)}
          helperText={errors.code ?? t('areaForm.codeHelp')}
          required
          sx={{ flex: 2 }}
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
        />
        <SensitivityField
          value={draft.sensitivity}
          onChange={(value) => change('sensitivity', value)}
          error={errors.sensitivity}
          sx={{ flex: 1 }}
        />
      </Stack>
      <LocalizedTextField
        name="description"
        label={t('fields.description')}
        value={draft.description}
        onChange={(value) => change('description', value)}
        error={errors.description}
        isMultiline
      />
      <TagPicker
        value={draft.tagIds}
        onChange={(ids) => change('tagIds', ids)}
        error={errors.tagIds}
      />
      <NotesField
        value={draft.notes}
        onChange={(value) => change('notes', value)}
        error={errors.notes}
      />
    </RecordFormLayout>
  );
}

/** Create a thematic area (/areas/new) or edit one (/areas/:areaId/edit). */
export function AreaFormPage() {
  return (
    <RecordFormRoute
      kind="areas"
      param="areaId"
      render={(initial) => <AreaForm initial={initial} />}
    />
  );
}
