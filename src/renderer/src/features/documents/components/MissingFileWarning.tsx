import { Alert } from '@mui/material';
import { useTranslation } from 'react-i18next';

type MissingFileWarningProps = { fileName: string; canReattach?: boolean };

/** Says a document's file is gone from this computer, and, where it can be, how to fix it. */
export function MissingFileWarning({ fileName, canReattach = false }: MissingFileWarningProps) {
  const { t } = useTranslation();
  return (
    <Alert severity="warning" data-testid="missing-file" sx={{ mt: 1 }}>
      {t('attachments.missing', { fileName })}
      {canReattach && ` ${t('attachments.missingHint')}`}
    </Alert>
  );
}
