import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type LocalizedText } from '@shared/model/localizedText';
import type { PartialDate } from '@shared/model/partialDate';
import type { DocumentFile, RecordContentInput, RegistryDocument } from '@shared/model/records';
import { withoutInvisibleCharacters } from '@shared/text/invisibleCharacters';
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
import { useRecordForm } from '../../ui/form/useRecordForm';
import { useNotify } from '../../ui/Notifications';
import { useFormat } from '../../ui/useFormat';
import { LinkedRecordsField } from './components/LinkedRecordsField';
import { MissingFileWarning } from './components/MissingFileWarning';
import { formatFileSize } from './fileSize';
import { toDocumentFile } from './mutations';
import { useAttachmentActions, useMissingFiles } from './useAttachments';

type Draft = {
  title: LocalizedText;
  documentDate: PartialDate | null;
  file: DocumentFile | null;
  linkedRecordIds: string[];
} & CommonDraft;

function toDraft(document: RegistryDocument | null): Draft {
  return {
    title: document?.title ?? {},
    documentDate: document?.documentDate ?? null,
    file: document?.file ?? null,
    linkedRecordIds: document ? [...document.linkedRecordIds] : [],
    ...commonDraft(document),
  };
}

function toContent(draft: Draft): Partial<RecordContentInput<'documents'>> {
  return {
    title: draft.title,
    documentDate: draft.documentDate,
    file: draft.file,
    linkedRecordIds: draft.linkedRecordIds,
    ...commonContent(draft),
  };
}

const isBlank = (text: LocalizedText) =>
  LANGUAGES.every((language) => (text[language] ?? '').trim() === '');

type FileFieldProps = {
  file: DocumentFile | null;
  onPicked: (file: DocumentFile) => void;
};

/** The form's file: what is there, and a button to choose one (or another). */
function FileField({ file, onPicked }: FileFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const actions = useAttachmentActions();
  const missing = useMissingFiles([file]);
  const [isPicking, setIsPicking] = useState(false);

  const choose = async () => {
    setIsPicking(true);
    try {
      const picked = await actions.pick();
      if (!picked) return;
      onPicked(toDocumentFile(picked));
      notify({ severity: 'info', message: actions.attachedMessage(picked) });
    } finally {
      setIsPicking(false);
    }
  };

  return (
    <Box data-testid="document-file-field">
      <Typography variant="subtitle2" component="p">
        {t('fields.file')}
      </Typography>
      {file ? (
        <Typography>
          {withoutInvisibleCharacters(file.name)}{' '}
          <Typography component="span" color="text.secondary">
            ({formatFileSize(file.size, format.locale, t)})
          </Typography>
        </Typography>
      ) : (
        <Typography color="text.secondary">{t('attachments.noFile')}</Typography>
      )}
      {file && missing.has(file.sha256) && (
        <MissingFileWarning fileName={withoutInvisibleCharacters(file.name)} canReattach />
      )}
      <Button
        startIcon={<AttachFileIcon />}
        onClick={() => void choose()}
        disabled={isPicking}
        sx={{ mt: 1 }}
      >
        {file ? t('attachments.replace') : t('attachments.choose')}
      </Button>
    </Box>
  );
}

function DocumentForm({ initial }: { initial: RegistryDocument | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useRecordForm({
    kind: 'documents',
    initial,
    toDraft,
    toContent,
  });
  const { draft, change, errors } = form;

  return (
    <RecordFormLayout
      title={
        initial
          ? t('documentForm.edit', { name: format.text(initial.title) })
          : t('documentForm.new')
      }
      form={form}
    >
      <FileField
        file={draft.file}
        onPicked={(file) => {
          change('file', file);
          // A new file names an untitled document; a title someone wrote is kept.
          if (isBlank(draft.title)) change('title', { [format.language]: file.name });
        }}
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
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
        <PartialDateField
          name="documentDate"
          label={t('fields.documentDate')}
          value={draft.documentDate}
          onChange={(value) => change('documentDate', value)}
          error={errors.documentDate}
        />
        <SensitivityField
          value={draft.sensitivity}
          onChange={(value) => change('sensitivity', value)}
        />
      </Stack>
      <LinkedRecordsField
        name="linkedRecordIds"
        label={t('fields.linkedRecordIds')}
        helperText={t('attachments.linkedRecordsHelp')}
        value={draft.linkedRecordIds}
        onChange={(ids) => change('linkedRecordIds', ids)}
        error={errors.linkedRecordIds}
      />
      <CommonFields draft={draft} change={change} errors={errors} />
    </RecordFormLayout>
  );
}

/** Create a document (/documents/new) or edit one: its file, title, date and linked records. */
export function DocumentFormPage() {
  return (
    <RecordFormRoute
      kind="documents"
      param="documentId"
      render={(initial) => <DocumentForm initial={initial} />}
    />
  );
}
