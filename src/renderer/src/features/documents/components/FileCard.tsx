import AttachFileIcon from '@mui/icons-material/AttachFile';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import { Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryDocument } from '@shared/model/records';
import { useRegistry } from '../../../app/RegistryContext';
import { MutationError } from '../../../db/changeTracking';
import { useNotify } from '../../../ui/Notifications';
import { useFormat } from '../../../ui/useFormat';
import { formatFileSize } from '../fileSize';
import { replaceDocumentFile, toDocumentFile } from '../mutations';
import { useAttachmentActions, useMissingFiles } from '../useAttachments';
import { MissingFileWarning } from './MissingFileWarning';

/**
 * A document's file: what it is, and Open, Save a copy and Replace file. A file missing from this
 * computer is said so before anyone clicks.
 */
export function FileCard({ document }: { document: RegistryDocument }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const { db, mutationContext, isReadOnly } = useRegistry();
  const actions = useAttachmentActions();
  const { file } = document;
  const missing = useMissingFiles([file]);
  const isMissing = file !== null && missing.has(file.sha256);
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
          <Typography sx={{ fontWeight: 500, wordBreak: 'break-word' }}>{file.name}</Typography>
          <Typography color="text.secondary" variant="body2">
            {[file.mediaType, formatFileSize(file.size, format.locale, t)].join(' · ')}
          </Typography>
          {isMissing && <MissingFileWarning fileName={file.name} canReattach={!isReadOnly} />}
        </>
      ) : (
        <Typography color="text.secondary">{t('attachments.noFile')}</Typography>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 2, flexWrap: 'wrap' }}>
        {file && (
          <>
            <Button
              variant="contained"
              startIcon={<OpenInNewIcon />}
              disabled={isMissing}
              onClick={() => void actions.open(file)}
            >
              {t('attachments.open')}
            </Button>
            <Button
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
