import AttachFileIcon from '@mui/icons-material/AttachFile';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import {
  Button,
  IconButton,
  Link,
  List,
  ListItem,
  ListItemText,
  Tooltip,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { RegistryDocument, Sensitivity } from '@shared/model/records';
import { withoutInvisibleCharacters } from '@shared/text/invisibleCharacters';
import { useRegistry } from '../../../app/RegistryContext';
import { DetailSection } from '../../../ui/DetailSection';
import { useNotify } from '../../../ui/Notifications';
import { useFormat } from '../../../ui/useFormat';
import { MissingFileWarning } from '../../documents/components/MissingFileWarning';
import { formatFileSize } from '../../documents/fileSize';
import { attachFileToRecord, toDocumentFile } from '../../documents/mutations';
import { useAttachmentActions, useMissingFiles } from '../../documents/useAttachments';

type DocumentsSectionProps = {
  documents: readonly RegistryDocument[];
  /** The record on screen: files attached here become documents linked to it. */
  record: { id: string; sensitivity: Sensitivity };
};

/**
 * The documents linked to the record on screen, each opening its own page, with "Attach file" to
 * add one; a file missing from this computer is marked before anyone tries to open it.
 */
export function DocumentsSection({ documents, record }: DocumentsSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const navigate = useNavigate();
  const { db, mutationContext, isReadOnly } = useRegistry();
  const actions = useAttachmentActions();
  const missing = useMissingFiles(documents.map((document) => document.file));
  const [isAttaching, setIsAttaching] = useState(false);

  const attach = async () => {
    setIsAttaching(true);
    try {
      const picked = await actions.pick();
      if (!picked) return;
      const document = await attachFileToRecord(db, mutationContext, {
        file: toDocumentFile(picked),
        record,
        language: format.language,
      });
      notify({
        severity: 'success',
        message: actions.attachedMessage(picked),
        action: {
          label: t('attachments.editDetails'),
          onClick: () => void navigate(`/documents/${document.id}/edit`),
        },
      });
    } catch (error) {
      notify({
        severity: 'error',
        message: t('trash.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      });
    } finally {
      setIsAttaching(false);
    }
  };

  return (
    <DetailSection title={t('detail.documents')} count={documents.length}>
      {documents.length === 0 && (
        <Typography color="text.secondary">{t('attachments.none')}</Typography>
      )}
      <List dense disablePadding>
        {documents.map((document) => {
          const { file } = document;
          const title = format.text(document.title);
          const isMissing = file !== null && missing.has(file.sha256);
          // As the name really reads: one from another laptop may hide its extension (U+202E).
          const fileName = file ? withoutInvisibleCharacters(file.name) : '';
          return (
            <ListItem
              key={document.id}
              disableGutters
              data-testid="document-item"
              secondaryAction={
                file &&
                !isMissing && (
                  <Tooltip title={t('attachments.openNamed', { name: fileName })}>
                    <IconButton
                      edge="end"
                      aria-label={t('attachments.openNamed', { name: fileName })}
                      onClick={() => void actions.open(file)}
                    >
                      <OpenInNewIcon />
                    </IconButton>
                  </Tooltip>
                )
              }
            >
              <ListItemText
                primary={
                  <Link component={RouterLink} to={`/documents/${document.id}`}>
                    {title}
                  </Link>
                }
                secondary={
                  <>
                    {[
                      document.documentDate && format.date(document.documentDate),
                      file && fileName !== title ? fileName : '',
                      file && formatFileSize(file.size, format.locale, t),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                    {isMissing && <MissingFileWarning fileName={fileName} />}
                  </>
                }
                slotProps={{ secondary: { component: 'div' } }}
              />
            </ListItem>
          );
        })}
      </List>
      {!isReadOnly && (
        <Button
          startIcon={<AttachFileIcon />}
          disabled={isAttaching}
          onClick={() => void attach()}
          sx={{ mt: 1 }}
        >
          {t('attachments.attach')}
        </Button>
      )}
    </DetailSection>
  );
}
