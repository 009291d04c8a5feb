import AttachFileIcon from '@mui/icons-material/AttachFile';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryDocument } from '@shared/model/records';
import { withoutInvisibleCharacters } from '@shared/text/invisibleCharacters';
import { useRegistry } from '../../../app/RegistryContext';
import { MutationError } from '../../../db/changeTracking';
import { describeOpenRefusal } from '../../../ui/describeError';
import { useNotify } from '../../../ui/Notifications';
import { useFormat } from '../../../ui/useFormat';
import { formatFileSize } from '../fileSize';
import { replaceDocumentFile, toDocumentFile } from '../mutations';
import { useAttachmentActions, useStoredFile } from '../useAttachments';
import { MissingFileWarning } from './MissingFileWarning';

/**
 * A document's file: what it really is (main reads its bytes; the record's media type is only a
 * claim), and Open, Save a copy and Replace file. A file missing from this computer, or one the
 * app will not open, is said so before anyone clicks; Save a copy stays for both.
 */
export function FileCard({ document }: { document: RegistryDocument }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const { db, mutationContext, isReadOnly } = useRegistry();
  const actions = useAttachmentActions();
  const { file } = document;
  const stored = useStoredFile(file);
  const isMissing = stored.status === 'missing';
  const verdict = stored.status === 'inspected' ? stored.verdict : null;
  const refusal = verdict?.canOpen === false ? verdict : null;
  // Shown as it really reads: a name from another laptop may hide its extension behind U+202E.
  const fileName = file ? withoutInvisibleCharacters(file.name) : '';
  const [isBusy, setIsBusy] = useState(false);

  const replace = async () => {
    setIsBusy(true);
    try {
      const picked = await actions.pick();
      if (!picked) return;
      await replaceDocumentFile(db, mutationContext, document, toDocumentFile(picked));
      notify({ severity: 'success', message: actions.attachedMessage(picked) });
    } catch (error) {
      notify({
        severity: 'error',
        message:
          error instanceof MutationError && error.reason === 'stale'
            ? t('form.errors.stale')
            : t('trash.failed', {
                message: error instanceof Error ? error.message : String(error),
              }),
      });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="document-file">
      {file ? (
        <>
          <Typography sx={{ fontWeight: 500, wordBreak: 'break-word' }}>{fileName}</Typography>
          <Typography color="text.secondary" variant="body2" data-testid="file-type">
            {[
              verdict && t(`attachments.fileTypes.${verdict.type}`),
              formatFileSize(file.size, format.locale, t),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          {isMissing && <MissingFileWarning fileName={fileName} canReattach={!isReadOnly} />}
          {refusal && (
            <Alert severity="warning" data-testid="file-not-opened" sx={{ mt: 1 }}>
              {describeOpenRefusal({ fileName, type: refusal.type, reason: refusal.reason }, t)}
            </Alert>
          )}
        </>
      ) : (
        <Typography color="text.secondary">{t('attachments.noFile')}</Typography>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
        {file && (
          <>
            {!refusal && (
              <Button
                variant="contained"
                startIcon={<OpenInNewIcon />}
                disabled={isMissing || stored.status === 'looking'}
                onClick={() => void actions.open(file)}
              >
                {t('attachments.open')}
              </Button>
            )}
            <Button
              variant={refusal ? 'contained' : 'text'}
              startIcon={<SaveAltIcon />}
              disabled={isMissing}
              onClick={() => void actions.saveCopy(file)}
            >
              {t('attachments.saveCopy')}
            </Button>
          </>
        )}
        {!isReadOnly && (
          <Button startIcon={<AttachFileIcon />} disabled={isBusy} onClick={() => void replace()}>
            {file ? t('attachments.replace') : t('attachments.attach')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
